"""Typed errors.

Every error edumetrics raises on purpose derives from :class:`EdumetricsError`, which is a
:class:`ValueError`, so callers that already catch ``ValueError`` keep working. Each
subclass carries the fragment it could not handle and where it stands.
"""

from __future__ import annotations

__all__ = [
    "DocumentError",
    "EdumetricsError",
    "MissingExtraError",
    "NumeralError",
    "RulesFileError",
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
