"""Typed errors.

Every error edumetrics raises on purpose derives from :class:`EdumetricsError`, which is a
:class:`ValueError`, so callers that already catch ``ValueError`` keep working. Each
subclass carries the fragment it could not handle and where it stands.
"""

from __future__ import annotations

__all__ = [
    "DocumentError",
    "EdumetricsError",
    "MainGuardError",
    "MissingExtraError",
    "NumeralError",
    "PathAsTextError",
    "RulesFileError",
    "SparkSetupError",
]


class EdumetricsError(ValueError):
    """Root of all errors raised by edumetrics."""


class NumeralError(EdumetricsError):
    """A string is not a numeral edumetrics can read.

    ``text`` is the whole string, ``position`` the index of the first character that could
    not be read.

    >>> err = NumeralError("12a", 2)
    >>> err.text, err.position
    ('12a', 2)
    >>> str(err)
    "cannot read '12a' as a number: unexpected 'a' at position 2"
    """

    def __init__(self, text: str, position: int, reason: str | None = None) -> None:
        self.text = text
        self.position = position
        if reason is None:
            if 0 <= position < len(text):
                reason = f"unexpected {text[position]!r} at position {position}"
            else:
                reason = f"incomplete numeral (position {position})"
        self.reason = reason
        super().__init__(f"cannot read {text!r} as a number: {reason}")

    def __reduce__(self) -> tuple[type[NumeralError], tuple[str, int, str]]:
        return (type(self), (self.text, self.position, self.reason))


class DocumentError(EdumetricsError):
    """A document could not be read: ``path`` names it, ``reason`` says why."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")

    def __reduce__(self) -> tuple[type[DocumentError], tuple[str, str]]:
        return (type(self), (self.path, self.reason))


class MainGuardError(EdumetricsError, RuntimeError):
    """Worker processes were asked for from a script's top level, outside the
    ``if __name__ == "__main__":`` guard; ``script`` and ``line`` say where.

    >>> print(MainGuardError("run.py", 7))  # doctest: +ELLIPSIS
    extract_many(workers=...) runs at the top level of run.py (line 7), outside the \
    `if __name__ == "__main__":` guard: ...
    """

    def __init__(self, script: str, line: int) -> None:
        self.script = script
        self.line = line
        super().__init__(
            f"extract_many(workers=...) runs at the top level of {script} (line {line}), "
            'outside the `if __name__ == "__main__":` guard: worker processes may run the '
            "script's top level again, so put the script's work under the guard "
            "(or use workers=1)"
        )

    def __reduce__(self) -> tuple[type[MainGuardError], tuple[str, int]]:
        return (type(self), (self.script, self.line))


class PathAsTextError(EdumetricsError):
    """A string given as a document's text looks like the path of a file.

    Strings are texts and ``pathlib.Path`` objects are files; a file name passed as a
    string would be read as a one-line report with nothing in it. ``text`` is the string.

    >>> print(PathAsTextError("reports/a.txt"))
    'reports/a.txt' looks like a file path, ...: pass pathlib.Path('reports/a.txt') to ...
    """

    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__(
            f"{text!r} looks like a file path, but a str is read as the text itself: "
            f"pass pathlib.Path({text!r}) to read the file "
            "(or Document.from_text(...) if this is the text)"
        )

    def __reduce__(self) -> tuple[type[PathAsTextError], tuple[str]]:
        return (type(self), (self.text,))


class SparkSetupError(EdumetricsError, RuntimeError):
    """The Spark executors cannot run edumetrics: their Python does not have it, or has
    another version than the driver. ``python`` is the executors' interpreter,
    ``found`` the version they import (None when they import none)."""

    def __init__(self, python: str, found: str | None, expected: str) -> None:
        self.python = python
        self.found = found
        self.expected = expected
        if found is None:
            problem = f"the Spark executors' Python ({python}) cannot import edumetrics"
        else:
            problem = (
                f"the Spark executors' Python ({python}) runs edumetrics {found}, "
                f"the driver {expected}"
            )
        super().__init__(
            f"{problem}: point PYSPARK_PYTHON at a Python that has edumetrics[spark] "
            f"{expected} on every node, or ship it with the job (a packed environment "
            "with spark-submit --archives, or the wheel with --py-files); see "
            "'Scaling out' in the documentation"
        )

    def __reduce__(self) -> tuple[type[SparkSetupError], tuple[str, str | None, str]]:
        return (type(self), (self.python, self.found, self.expected))


class MissingExtraError(EdumetricsError, ImportError):
    """An optional integration was used without its extra installed.

    >>> str(MissingExtraError("pandas", "to_pandas()"))
    "to_pandas() needs the optional 'pandas' extra: pip install 'edumetrics[pandas]'"
    """

    def __init__(self, extra: str, feature: str) -> None:
        self.extra = extra
        self.feature = feature
        super().__init__(
            f"{feature} needs the optional {extra!r} extra: pip install 'edumetrics[{extra}]'"
        )

    def __reduce__(self) -> tuple[type[MissingExtraError], tuple[str, str]]:
        return (type(self), (self.extra, self.feature))


class RulesFileError(EdumetricsError):
    """A file of metric rules could not be used: ``path`` names it, ``reason`` says why.

    >>> str(RulesFileError("mine.toml", "metric rule 2: missing ['units']"))
    "rules file mine.toml: metric rule 2: missing ['units']"
    """

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"rules file {path}: {reason}")

    def __reduce__(self) -> tuple[type[RulesFileError], tuple[str, str]]:
        return (type(self), (self.path, self.reason))
