"""Vocabulary tables of the extractor: unit surfaces, metric triggers, levels and cues.

Where they come from: the wording of Chinese education work summaries (工作总结),
statistical bulletins (统计公报) and budget reports, the categories of the Ministry of
Education's statistical yearbooks (levels, rates), and the output contract ``SPEC.md``
(canonical units and metric ids). Every entry is written in simplified characters: the
extractor matches against a normalised copy of the text in which traditional characters,
full-width forms and ``萬``/``億`` have already been folded (``_normalize.py``).

Nothing here is a regular expression: ``_patterns.py`` builds the patterns from these
tables (longest surface first) and compiles them once. ``tests/test_vocab.py`` rejects
duplicate or conflicting keys. Every Chinese word, character or punctuation mark the code
reads by is a row here (or in ``_place_words``, ``_numeral_tables``, ``_t2s``):
``tests/test_code_has_no_vocabulary.py`` fails on one written in code.
"""

from __future__ import annotations

from typing import Final, NamedTuple

# --- Numerals as the working copy writes them --------------------------------------------
# The characters a Chinese numeral is made of, after normalising (萬→万, 〇 kept, 參→参):
# the digits (小写 and 大写, GB/T 15835), the units within a section and the section units.
# The full table of what each means is ``_numeral_tables`` (parse_number reads by it);
# these are the classes the scan pattern matches numerals with.
NUMERAL_DIGITS: Final = "零〇一二两三四五六七八九壹贰叁肆伍陆柒捌玖"
NUMERAL_SMALL_UNITS: Final = "十拾百佰千仟"
NUMERAL_BIG_UNITS: Final = "万亿"
# A multiplier after a numeral (2860万元, 1.5亿, 3千): 十/百/千 may stand before 万/亿 ...
MULTIPLIER_PREFIXES: Final = "十百千"
# ... but 千 is no multiplier before these (千米, 千克, 千瓦 are units) ...
KILO_UNIT_STARTS: Final = "米克瓦"
# ... nor 百 before 分 (百分之, 百分点)
HUNDRED_NOT_BEFORE: Final = "分"
# 三点五: the decimal point of a Chinese numeral
DECIMAL_POINT_WORD: Final = "点"
# A lone 百/千/万 is a numeral only before a qualifier after the number (百余人) or after
# one of these words of approximation (近万人, 逾千名, 突破千人).
LONE_UNITS: Final = "百千万"
LONE_UNIT_AFTER: Final = "近约逾超过破"
# 參 (traditional 叁, three in 大写) folds to 参 in the working copy, where it usually means
# "take part" (参加); it is a numeral only before a 大写 unit (參拾, 參佰) or the unit of an
# amount (陸佰零參圓, 參萬圓).
CAN_THREE: Final = "参"
CAN_THREE_BEFORE: Final = "拾佰仟万亿元圆角"
# 百分之三十: a percent written out
PERCENT_WORDS: Final = "百分之"
# 三成, 六点五成: tenths (成) after a 小写 digit, or one with a decimal (两 is no decimal)
TENTHS_WORD: Final = "成"
TENTHS_DIGITS: Final = "一二两三四五六七八九"
TENTHS_DECIMAL_DIGITS: Final = "一二三四五六七八九"
# ... unless 成 opens a word (成为, 成立, 成功, 成果, 成绩, 成效, 成本, 成员, 成长, 成熟,
# 成型, 成就, 成人, 成年, 成品)
TENTHS_NOT_BEFORE: Final = "为立功果绩效本员长熟型就人年品绩"
# Placeholders of a masked figure (xx.xx万元, 3**所)
DIGIT_MASKS: Final = "xX×*"
# Denominators of a per-capita unit written after a slash (元/生, 元/生/年, 元/平方米),
# in the order the pattern tries them.
PER_DENOMINATORS: Final[tuple[str, ...]] = (
    "生", "人", "学生", "年", "学年", "月", "周", "天", "日", "次", "课时", "学期", "份",
    "校", "班", "平方米",
)
# 12元5角, 壹拾壹元壹角壹分, 贰拾元零伍分, 壹佰壹拾壹圆整: the 角 and 分 (tenths and
# hundredths) of an amount in 元/圆 (the people's bank's rules for writing amounts), or
# its 整/正 ("and no cents"). Only right after 元/圆, so 分 elsewhere stays a score (600分).
YUAN_WORDS: Final = "元圆"
JIAO_WORD: Final = "角"
FEN_WORD: Final = "分"
# the digits of 角 and 分 (1-9 in Arabic too), 参 among them
CENT_DIGITS: Final = "一二两三四五六七八九壹贰叁参肆伍陆柒捌玖"
# 分 is no cent before 钟 (分钟, minutes) nor before its unit blockers
FEN_NOT_BEFORE: Final = "钟"
# 壹角整: "and no 分" after a 角; 圆整, 元正: "and no cents" after the yuan
JIAO_ROUND_WORD: Final = "整"
ROUND_WORDS: Final = "整正"
# What a number is not followed by where its unit comes from its label (总人口90.11万, not
# 人数是2015年的1.5倍: a date)
DATE_WORDS: Final = "年月日"

# --- Text structure: sentences, clauses, headings, labels ------------------------------------
# Punctuation as the working copy writes it (full-width folded to ASCII, 。 kept).
# What ends a sentence ...
FULL_STOP: Final = "。"
SENTENCE_ENDS: Final = FULL_STOP + "!?\n"
# ... and what ends a clause (a sentence end, a comma, a semicolon, a colon)
CLAUSE_ENDS: Final = SENTENCE_ENDS + ",;:"
# What a verb phrase does not reach across (使…达到, 参加…高考, 标准…提高到): a comma, a
# semicolon or a full stop.
PHRASE_BREAKS: Final = ",;。"
# The words of a label that are joined as one list (小学、初中和普通高中; 入学率、巩固率):
# 或 joins figures of a list (1或2所, LIST_JOINERS) but not the words of a label: 小学或初中
# is read as no list of levels (the extractor has always read it so).
LABEL_JOINERS: Final = "、和及与"
# What stands between two numbers of a range (3至5所, 4~6篇, 10-12人)
RANGE_JOINERS: Final = "至到~-"
# The numerals headings and schools are numbered with: 三、… (top level), 第三部分/第三章
# (top level), (三) or 〔三〕 below it; 一是, 二是; 市一中
SMALL_NUMERALS: Final = "一二三四五六七八九十"
HEADING_MARK: Final = "、"
ORDINAL_PREFIX: Final = "第"  # 第三部分; a figure after it is an ordinal (第3名)
HEADING_PART_CHARS: Final = "部分章"
HEADING_OPEN_BRACKETS: Final = "(〔"
HEADING_CLOSE_BRACKETS: Final = ")〕"
# a title of a document (《2023年工作要点》)
TITLE_MARKS: Final = ("《", "》")
# 其中 opens the parts of the total before it (其中小学12所)
PARTS_CUE: Final = "其中"
# 分别 refers back to the items listed before it (小学、初中分别为12所、8所)
RESPECTIVELY: Final = "分别"
# the separators of a breakdown in parentheses (幼儿园6.4万、小学24.3万)
BREAKDOWN_SEPARATORS: Final = "、,"
# Quotation marks that may open the noun after a count's unit (3项"国家级"成果)
NOUN_QUOTES: Final = '“〝"「『'
# ... and the mark that lists nouns within it (3名教师、学生)
NOUN_LIST_MARK: Final = "、"
# Words of a year (2023年, 2023学年, 2023年上半年) and of a date (2021年03月11日)
YEAR_WORD: Final = "年"
MONTH_WORD: Final = "月"
HALF_YEARS: Final[tuple[str, ...]] = ("上半年", "下半年")
YEAR_PARTS: Final[tuple[str, ...]] = (*HALF_YEARS, "学年")
# what joins the two years of a period (2021-2025年, 2021至2025年)
YEAR_RANGE_JOINERS: Final = "-—~至到"
# A label ends in words that are no part of what it names (小学共有, 比上年增加, 2015年的):
# trimmed from its end, in this order (学校数量 trims to 学校). Sources: the verbs,
# comparisons and measure words before the number in the seed reports.
LABEL_TAIL_WORDS: Final[tuple[str, ...]] = (
    "分别", "共计", "总计", "合计", "累计", "共有", "现有", "拥有", "共", "计", "有", "为",
    "是", "达到", "达", "到达", "超过", "约", "近", "已", "均", "配备",
    "人数", "数量", "总数", "总量", "规模",
)
LABEL_TAIL_CHANGES: Final[tuple[str, ...]] = (
    "由", "从", "在", "至", "了", "到", "增至", "达至", "比上年", "比去年", "较上年", "较去年",
    "同比", "增加", "增长", "提高", "减少", "下降", "降低", "净增",
    "上升", "提升", "扩大", "缩小", "回落", "回升", "下滑", "压减", "缩减", "撤并", "撤销",
)
# ... and a year before them (由2015年的, 提高到上年的): a year, or 上/去/今/本 before 年,
# with 度/底/末/初 and 的 after it
YEAR_DEIXIS: Final[tuple[str, ...]] = ("上", "去", "今", "本")
YEAR_SUFFIXES: Final[tuple[str, ...]] = ("度", "底", "末", "初")
ATTRIBUTIVE: Final = "的"
# A label starts with words that are no part of what it names (一是, 其中, 此外, 截至…):
# trimmed from its start, with enumeration marks ((1), 3、)
LABEL_HEAD_WORDS: Final[tuple[str, ...]] = (
    "其中", "另外", "此外", "同时", "全年", "今年", "目前", "现有",
)
ENUMERATION_COPULA: Final = "是"  # 一是, 二是
UNTIL_WORD: Final = "截至"  # 截至2023年底 …
LABEL_HEAD_MARKS: Final = "、~-("
# brackets around an enumeration number ((1), （一）, 〔三〕), in the raw text's forms too
BRACKET_OPENERS: Final = "(（〔"
BRACKET_CLOSERS: Final = ")）〕"
ENUMERATION_OPENERS: Final = BRACKET_OPENERS
ENUMERATION_CLOSERS: Final = BRACKET_CLOSERS + "、."
# the marks after an Arabic list number (1、, 1., 1．)
NUMBER_MARKS: Final = "、.．"
# the marks that open a row of a flattened table (1. / 1、 / (1) / #)
ROW_NUMBER_MARKS: Final = ".、"
ROW_HASH_MARKS: Final = "#＃"
# a colon as a report writes it, half- or full-width (单位:万元, 单位：万元)
COLONS: Final = ":："
# Punctuation of prose (a line with one is no table header), in the working copy ...
PROSE_MARKS: Final = "。,;!?"
# ... and as files write it (a str with one is a text, never a path)
RAW_PROSE_MARKS: Final = "，。；！？"
# A line of the raw text that ends in one of these (and then only these spaces, the
# ideographic one among them) may end a part of a long text (``_parts``)
PART_ENDS: Final = FULL_STOP + "!?！？"
LINE_TRAILING_SPACES: Final = " \t\u3000\r"
# A line break in the raw text is kept (it ends a sentence) after these
BREAK_KEPT_AFTER: Final = SENTENCE_ENDS + ";:…"
# Footnote markers the normaliser drops ([5], [注1], [注释2])
FOOTNOTE_WORDS: Final[tuple[str, ...]] = ("注", "注释")
# Characters the normaliser folds beyond full-width ASCII and traditional characters
# (Unicode's small form variants U+FE50..., dashes, tildes and the circle used as zero)
CHARACTER_FOLDS: Final[dict[str, str]] = {
    "○": "〇",  # circle used as zero (二○二三)
    "〇": "〇",
    "﹪": "%",
    "〜": "~",
    "∼": "~",
    "—": "-",
    "–": "-",
    "−": "-",  # minus sign
    "﹐": ",",
    "﹑": "、",
    "﹔": ";",
    "﹕": ":",
    "﹒": ".",
    "Ｘ": "X",
    "ｘ": "x",
    "＊": "*",
}
# A sentence Spark's executors extract once, to build what the rules build lazily
WARM_UP_SENTENCE: Final = "投资4551万元,新建小学3所。"

# A rate's noun ends in 率 (入学率, 巩固率)
RATE_SUFFIX: Final = "率"
# Where a line, sentence or clause starts: after these (a list marker, 3、 or 2., stands
# there, not a figure)
LINE_START_AFTER: Final = "\n。;:"
# Quotation marks that open a name: a numeral right after one is part of it (“五项管理”)
NAME_QUOTES: Final = "“〝\"「『'‘"
# A minus sign before a figure (增长-3.2%, 增速为负2%) ...
MINUS_SIGNS: Final = "-负"
# ... where one of these precedes it (为-3.2%, 增长-3.2%, 增速-2%, 增幅-1.5%, 率-0.3%, 至-5%)
MINUS_AFTER: Final = "为是长速幅率至到:("
# 一 before a measure word may be the article 'a' (一名党员; see ARTICLE_MEASURES)
ARTICLE_ONE: Final = "一"
# the general measure word (3个, 0.3个百分点 with its 百分点 left out: 提高0.3个和0.5个百分点)
GENERAL_MEASURE: Final = "个"
# 不低于650元, 不少于: a negated change cue is a floor, not a change
NEGATION: Final = "不"
# Measure words SPEC gives a meaning only in some contexts: 块 is yuan where money is
# spoken of (3块钱, see MONEY_CUES), 处 a school where a school is (教学点12处)
CONTEXT_MEASURES: Final[tuple[str, ...]] = ("块", "处")
KUAI: Final = "块"
KUAI_MONEY_AFTER: Final = "钱"  # 3块钱
# Measure words of things (3家企业, 2块运动场, 5处校舍, 4栋教学楼, 2幢宿舍)
THING_MEASURES: Final = "家块处栋幢"
# A per-capita denominator naming people (元/生, 元/人): the amount is per capita
PER_PERSON_DENOMINATORS: Final[tuple[str, ...]] = ("生", "人")
# 參 read as a numeral (參拾 is 参拾 in the working copy) is 叁
CAN_THREE_AS: Final = "叁"

# --- Units -----------------------------------------------------------------------------
# surface -> canonical unit id. Multipliers (2860万元, 1.5亿元, 1844.37万人) belong to the
# numeral, which the pattern reads before the unit, so no surface here carries one.
UNIT_SURFACES: Final[dict[str, str]] = {
    # money
    "元": "CNY",
    "圆": "CNY",  # 元 as bills and 大写 amounts write it (壹佰壹拾壹圆整)
    "块": "CNY",
    # rates
    "%": "percent",
    "‰": "other",  # per mille (辍学率控制在3‰以内): SPEC lists no rate unit for it
    "个百分点": "percentage_point",
    "百分点": "percentage_point",
    # schools and institutions
    "所": "school",
    "处": "school",
    "校": "school",
    # people
    "人": "person",
    "名": "person",
    "位": "person",
    "人次": "person_time",
    # counted things (measure words)
    "个": "item",
    "项": "item",
    "台": "item",
    "套": "item",
    "张": "item",
    "间": "item",
    "册": "item",
    "本": "item",
    "份": "item",
    "部": "item",
    "批": "item",
    "批次": "item",
    "场": "item",
    "场次": "item",
    "次": "item",
    "起": "item",
    "篇": "item",
    "件": "item",
    "节": "item",
    "个班": "item",
    "班": "item",
    "座": "item",
    "辆": "item",
    "条": "item",
    # area
    "平方米": "m2",
    "平米": "m2",
    "㎡": "m2",
    "m2": "m2",
    "m²": "m2",
    "亩": "mu",
    "平方公里": "km2",
    "平方千米": "km2",
    "km2": "km2",
    "km²": "km2",
    # scores
    "分": "score",
    # anything else that is a unit: value is the number as written (times 万/亿)
    "KB": "other",
    "MB": "other",
    "GB": "other",
    "TB": "other",
    "G": "other",
    "T": "other",
    "M": "other",
    "兆": "other",
    "吋": "other",
    "英寸": "other",
    "岁": "other",
    "周岁": "other",
    "字": "other",
    "倍": "other",
    "学时": "other",
    "课时": "other",
    "小时": "other",
    "个小时": "other",
    "分钟": "other",
    "学分": "other",
    "学位": "other",
    "个学位": "other",
    "科次": "other",
    "户": "other",
    "家": "other",
    "门": "other",
    "种": "other",
    "期": "other",
    "支": "other",
    "栋": "other",
    "幢": "other",
    "层": "other",
    "公顷": "other",
    "公里": "other",
    "千米": "other",
    "米": "other",
    "吨": "other",
    "千克": "other",
    "公斤": "other",
    "斤": "other",
    "册次": "other",
    "课": "other",
    "课次": "other",
    "节次": "other",
    "组": "other",
    "队": "other",
    "幅": "other",
    "首": "other",
    "盏": "other",
    "株": "other",
    "棵": "other",
    "床": "other",
    "架": "other",
    "对": "other",
    "轮": "other",
}

# Units that only count when the numeral is Arabic or masked: with a Chinese numeral
# they are words (十分 'very', 一分为二, 十家 ...).
ARABIC_ONLY_UNITS: Final[frozenset[str]] = frozenset(
    {"分", "家", "门", "种", "期", "届", "支", "组", "队", "对", "轮", "课", "G", "T", "M",
     "首", "层", "床", "架", "户", "米", "字", "校", "块"}
)

# Units a table-style header names in parentheses before a bare number (收入合计(万元):
# 1,256.32, 增长率(%):5.2): the clause makes the number's unit explicit (SPEC). A leading
# 千/万/亿 is the number's multiplier.
HEADER_UNITS: Final[tuple[str, ...]] = (
    "元", "千元", "万元", "亿元", "圆", "万圆", "%", "人", "万人", "人次", "万人次", "所", "个",
    "项", "平方米", "万平方米", "亩",
)
# ... with this word before the unit or not: (单位:万元)
UNIT_HEADER_WORD: Final = "单位"
# ... where a leading one of these is the number's multiplier (万元: 万 and 元)
HEADER_MULTIPLIERS: Final = "千万亿"

# A headcount noun states the unit of the number after it (SPEC: 报名人数1291万 is a person
# mention), directly or after one of these verbs and qualifiers (人数超80万, 人数约为77万).
HEADCOUNT_NOUNS: Final[tuple[str, ...]] = ("人口", "人数")
HEADCOUNT_VERBS: Final[tuple[str, ...]] = (
    "为", "约", "达", "达到", "共", "共计", "是", "约为", "超", "超过", "逾", "近", "接近",
)

# A unit followed by one of these is not that unit but the start of a word
# (3分钟 is handled by the longer unit; 2所属 is not two schools).
UNIT_BLOCKERS: Final[dict[str, tuple[str, ...]]] = {
    "分": ("之", "别", "析", "享", "配", "为", "类", "布", "期", "批", "管", "校", "局"),
    "所": ("属", "在", "有", "以", "得", "谓", "需", "长"),
    "圆": ("满", "梦", "形", "桌", "周", "心", "圈", "球", "柱", "锥", "规", "弧", "润", "融",
          "顶"),
    "处": ("理", "置", "于", "分", "长", "室", "罚", "级"),
    "校": ("区", "园", "长", "舍", "内", "外", "车", "服", "级", "训", "友", "本", "际", "医",
          "风", "史", "徽", "歌", "门", "领导", "务", "办"),
    "名": ("义", "称", "单", "额", "师", "校", "牌", "誉", "列", "次", "录", "字", "号", "人"),
    "位": ("于", "置", "列", "居"),
    "人": ("民", "员", "才", "事", "大", "口", "文", "社", "均", "类", "格", "生", "心", "身",
          "力", "们", "性", "物", "工", "间", "家", "头"),
    "个": ("性", "体", "案", "别", "月", "年", "工作日", "星期", "季度", "学期"),
    "次": ("日", "年", "月", "会", "要", "序", "数"),
    "部": ("门", "分", "署", "长", "队", "委", "室", "位", "属"),
    "起": ("来", "到", "点", "步", "草", "诉", "见", "码"),
    "批": ("准", "复", "评", "示", "判", "发"),
    "期": ("间", "末", "中", "限", "望", "待", "刊", "货"),
    "条": ("件", "例", "款", "理", "线"),
    "家": ("长", "庭", "乡", "属", "园", "教", "访", "境", "里", "中"),
    "门": ("口", "户", "卫", "槛", "类", "诊", "票"),
    "间": ("断", "接", "隔", "距", "歇"),
    "节": ("目", "约", "假", "日", "能", "奏", "点"),
    "班": ("子", "级", "主任", "车", "额", "会", "组", "长"),
    "场": ("所", "地", "馆", "景", "面", "合"),
    "本": ("科", "地", "级", "校", "文", "次", "着", "领", "身", "职", "土", "届", "市", "县",
          "区", "人", "年", "月", "期", "质", "位", "线", "上线"),
    "台": ("阶", "账", "上", "湾"),
    "张": ("贴", "家"),
    "件": ("事",),
    "套": ("餐",),
    "支": ("部", "持", "出", "付", "援", "队伍", "书"),
    "对": ("于", "象", "口", "接", "比", "照", "待", "策", "标", "外"),
    "种": ("类", "植", "子"),
    "组": ("织", "建", "成", "长", "别", "合", "委"),
    "队": ("伍", "员", "长", "列"),
    "米": ("饭",),
    "字": ("样", "号"),
    "层": ("次", "面", "级"),
    "首": ("先", "次", "批", "届", "位", "家", "创", "都"),
    "座": ("谈", "位", "右"),
    "户": ("籍", "口", "外"),
    "轮": ("流", "岗", "训"),
}
# Words a blocker starts that are the unit after all: 突破1000人大关 (not 人大, congress).
UNIT_BLOCKER_EXCEPTIONS: Final[dict[str, tuple[str, ...]]] = {
    "人": ("大关",),
    # 名校/名师/名人 are famous schools, teachers, people; 35名校长, 5名师范生, 3名人员 count
    "名": ("校长", "校医", "校级", "校领导", "师范", "师生", "人员", "人才", "人大代表"),
    # 所以 is "therefore", but 3所以上 is three schools or more
    "所": ("以上", "以下", "以内"),
}

# Surfaces that are a named thing, not a quantity (slogans, programmes, exam tiers).
# A candidate that starts one of these is skipped.
NAMED_NUMBERS: Final[tuple[str, ...]] = (
    "三个代表", "两个维护", "两个确立", "四个意识", "四个自信", "四个全面", "四个服务",
    "五位一体", "两学一做", "三严三实", "八项规定", "三会一课", "一岗双责", "两个责任",
    "四个一", "五个一", "六个一", "一带一路", "两不愁三保障", "三个面向", "四有好老师",
    "四个引路人", "四个相统一", "两个对口", "三个课堂", "五项管理", "三个转变", "四个回归",
    "一本上线", "一本线", "二本线", "三本线", "二本上线", "一本以上", "二本以上", "三本以上",
    "一本院校", "二本院校", "一本达线", "二本达线", "两个条例", "一个中心", "两个基本点",
    "一校一策", "一人一档", "一生一策", "一校一品", "一次性", "一条龙", "一部分", "一班人",
    "一把手", "一系列", "一体化", "一起", "一道", "一批批", "一个个", "一项项", "一次次",
    "一件件", "一张张", "一篇篇", "一所所", "一条条", "一座座", "一名名", "一位位", "十分",
    "万分", "百分百", "一个月", "两个月", "三个月", "一条心", "两个确保", "一张蓝图",
    "一盘棋", "一场空",
)

# Numeral "一" counts only when it is not the article 'a': these measure words after a
# bare 一 are read as the article and skipped (一批好教师, 一名党员, 一个新的台阶).
ARTICLE_MEASURES: Final[frozenset[str]] = frozenset({"个", "名", "位", "批", "件", "起", "道"})
# ... nor when the 一 closes a word (统一部署, 唯一, 之一, 第一) ...
WORD_BEFORE_YI: Final[frozenset[str]] = frozenset(
    "统唯万划专同单第之逐归合如不一每其这那某另任哪是均上下"
)
# ... nor when an adjective follows the measure word (一项重要内容, 一所好学校).
ARTICLE_FOLLOWERS: Final[tuple[str, ...]] = (
    "重要", "新的", "新", "好", "大", "很", "非常", "全新", "良好", "崭新", "有效", "独特",
)

# --- Qualifiers ------------------------------------------------------------------------
# Words just before a number (the longest is tried first) and just after its unit.
QUALIFIERS_BEFORE: Final[dict[str, str]] = {
    "近": "approx",
    "约": "approx",
    "约占": "approx",
    "约为": "approx",
    "约有": "approx",
    "约达": "approx",
    "约计": "approx",
    "大约": "approx",
    "接近": "approx",
    "将近": "approx",
    "大概": "approx",
    "超过": "at_least",
    "突破": "at_least",
    "超": "at_least",
    "逾": "at_least",
    "至少": "at_least",
    "不少于": "at_least",
    "不低于": "at_least",
    "不小于": "at_least",
    "多于": "at_least",
    "不足": "at_most",
    "不到": "at_most",
    "少于": "at_most",
    "不超过": "at_most",
    "不高于": "at_most",
    "不多于": "at_most",
    "不大于": "at_most",
    "低于": "at_most",
    "高于": "at_least",
    "≥": "at_least",
    ">": "at_least",
    "大于等于": "at_least",
    "≤": "at_most",
    "<": "at_most",
    "小于等于": "at_most",
    "未超过": "at_most",
    "没有超过": "at_most",
    "没超过": "at_most",
    "未达到": "at_most",
    "至多": "at_most",
    "最多": "at_most",
    "最少": "at_least",
    "未满": "at_most",
}
# Adverbs that qualify the number of the verb phrase they open (至少新建学校3所).
ADVERB_QUALIFIERS: Final[tuple[str, ...]] = ("至少", "至多", "最多", "最少")
QUALIFIERS_AFTER: Final[dict[str, str]] = {
    "以上": "at_least",
    "及以上": "at_least",
    "及以下": "at_most",
    "多": "at_least",
    "左右": "approx",
    "上下": "approx",
    "以下": "at_most",
    "以内": "at_most",
    "之内": "at_most",
}
# Written between the numeral and its unit: 243万余元, 100多名.
# ... not where the word is a verb of comparison (较去年的24175人多出1289人)
QUALIFIER_AFTER_BLOCKERS: Final[tuple[str, ...]] = ("多出", "多了", "多于")
INNER_QUALIFIERS: Final[dict[str, str]] = {"余": "at_least", "多": "at_least"}

# --- Roles -----------------------------------------------------------------------------
# Each table of cues says its scope: how far from the figure a cue may stand, and how far
# its role carries (``_role.py`` reads them so).
# A change cue stands between the label and the number (比上年增加3117所), within a few
# characters of the number; it sets that figure only (and the rest of its list); its sign.
CHANGE_CUES: Final[dict[str, int]] = {
    "增加": 1,
    "增长": 1,
    "提高": 1,
    "提升": 1,
    "上升": 1,
    "净增": 1,
    "增": 1,
    "多": 1,
    "高出": 1,
    "高于": 1,
    "超出": 1,
    "扩大": 1,
    "减少": -1,
    "下降": -1,
    "降低": -1,
    "减": -1,
    "回落": -1,
    "缩小": -1,
    "下滑": -1,
    "少": -1,
    "低于": -1,
    "撤并": -1,
    "撤销": -1,
    "压减": -1,
    "缩减": -1,
    "回升": 1,
    "负增长": -1,  # 负增长3.2%: a fall of 3.2%
}
# Change cues that count only after a comparison (比上年撤并3所): alone they report what was
# done (撤并教学点12处).
COMPARED_ONLY_CUES: Final[frozenset[str]] = frozenset({"撤并", "撤销"})
# Change cues that are bounds when right before the number with nothing compared
# (辍学率低于0.5%, 合格率高于95%), and changes when the comparand stands between them and
# the number (高于省定标准25元) or a comparison precedes (比全省平均低于…).
BOUND_CUES: Final[frozenset[str]] = frozenset({"低于", "高于"})
# Cues that count only right before the number, after a comparison (比全省平均高2.3个百分点):
# elsewhere they are parts of words (高中, 低年级).
ADJACENT_CHANGE_CUES: Final[dict[str, int]] = {"高": 1, "低": -1}
# Nouns that name a relative change (增幅为3.2%): a change cue even before 为.
# Superlatives naming the place that changed most (增长最快的是犍为县(30.70%)): the percent
# they name is that place's change.
FASTEST_CHANGES: Final[dict[str, int]] = {
    "增长最快": 1, "增幅最大": 1, "增速最快": 1, "增长最多": 1, "增加最多": 1,
    "下降最快": -1, "降幅最大": -1, "下降最多": -1, "减少最多": -1,
}
# Words right before a target cue saying the plan was carried out (已按计划新建…126所).
DONE_BEFORE_GOAL: Final[tuple[str, ...]] = ("已经", "已")
CHANGE_NOUNS: Final[dict[str, int]] = {
    "增幅": 1, "增速": 1, "涨幅": 1, "增长率": 1, "降幅": -1, "减幅": -1,
}
# Comparison words that make the next change cue certain (比上年 ... 增加).
COMPARISON_CUES: Final[tuple[str, ...]] = (
    "比上年", "比去年", "较上年", "较去年", "同比", "比上一年", "较上一年", "比前一年",
    "比年初", "环比", "比上学期", "比同期", "较同期",
    # against another place: a difference too (SPEC: "against another time or place")
    "比全国", "较全国", "比全省", "较全省", "比全市", "较全市", "比全州", "较全州",
    "比全县", "较全县", "比全区", "较全区", "全国平均", "全省平均", "全市平均", "全州平均",
    "全县平均", "全区平均",
)
# After the number, in its clause: "新建13所使全市学校达到46所" makes 13 an increment: 使
# (使全市, 使全县, 使总数: 使 and its object) and, a few characters on, a verb of reaching.
# (After a comma, 新建13所,使全市达到46所, it is not read: a known miss.)
INCREMENT_CAUSE: Final = "使"
INCREMENT_REACH_VERBS: Final[tuple[str, ...]] = ("达到", "到达", "增至", "增加到", "达")
# A change cue before one of these is "increased TO" (增加到 is a new level, not a change);
# so is a standard raised to a figure (标准提高到720元).
CHANGE_TO: Final[tuple[str, ...]] = ("到", "至", "为")
# 了 may stand between an adjacent change cue and the number (比全省平均高了2.3个百分点)
PERFECTIVE: Final = "了"
# Words that make a figure a goal, plan, standard or forecast. Scope: a cue in the figure's
# clause, or in the clause around the parenthesis it stands in; the goal then covers the
# later figures of its sentence until an ACTUAL_MARKER (力争…达到95%以上,…达到97%).
TARGET_CUES: Final[tuple[str, ...]] = (
    "确保", "力争", "目标是", "目标为", "目标任务", "预计", "拟", "即将", "争创", "力求",
    "决心", "控制在", "按计划", "规划建设", "规划新建", "规划新增", "规划容纳", "预期",
    "标准为", "标准是", "标准:", "要达到", "达到国家标准", "不低于", "不少于", "不高于", "目标:",
    # 计划 as the verb of a compound (普通高中计划招生68852人), after any subject
    "计划招生", "计划招聘", "计划新增", "计划新建", "计划投资", "计划投入", "计划安排",
    # a forecast (2023年将有9962名考生)
    "将有",
    "下一步", "下步", "工作打算",
    # the rows of a performance-target table (绩效目标表): every figure in them is a goal
    "产出指标", "效益指标", "数量指标", "质量指标", "时效指标", "成本指标", "满意度指标",
    "绩效指标", "绩效目标",
)
# 计划 is a plan cue as a verb (全县计划新建, 2024年计划通过公开招聘补充, 计划每周开展):
# after its subject, a time or an adverb (these characters) or opening a clause; after
# other words it ends the name of a programme (营养改善计划覆盖…学校386所, 国培计划).
PLAN_VERB_AFTER: Final = "年县市区省镇乡局校园们我今明还并也共再将拟均都"
# ... and not in these words: 计划生育 (family planning), 计划单列, 计划内/外.
PLAN_NOUN_TAILS: Final[tuple[str, ...]] = ("生育", "单列", "内", "外", "经济")
# 将 is "will" before a verb, possibly after an adverb (将再新建), and the preposition that
# fronts an object elsewhere (将文盲率控制在…, 将39所学校与…结对).
FUTURE_ADVERBS: Final[tuple[str, ...]] = ("再", "继续", "进一步", "陆续", "全面", "要", "会")
FUTURE_VERBS: Final[tuple[str, ...]] = (
    "达到", "新增", "建成", "完成", "投入", "实现", "新建", "改建", "扩建", "增加", "提高",
    "提升", "招聘", "改造", "启动", "开工", "投资", "安排", "培训", "争取", "补充", "开展",
    "更新", "建设", "实施", "配备", "购置", "组织", "招收", "资助", "发放", "举办", "创建",
    "为", "于", "通过",
)
# A section heading with one of these words opens a plan (三、下一步工作打算): its figures
# are targets. Only numbered headings count, so a title such as 工作总结及2024年工作计划
# does not make a whole report a plan.
PLAN_HEADINGS: Final[tuple[str, ...]] = (
    "下一步", "下步", "工作打算", "工作计划", "明年", "今后", "工作要点", "工作目标",
    "努力方向", "工作设想", "工作安排", "展望", "绩效目标", "预期目标", "年度目标",
    # a section stating goals (二、主要目标)
    "主要目标", "发展目标", "主要指标", "目标任务", "总体目标", "具体目标",
)
# ... unless the heading reviews how the plan went (工作计划执行情况, 绩效目标完成情况)
PLAN_REVIEWS: Final[tuple[str, ...]] = ("完成情况", "执行情况", "实现情况", "落实情况")
# 争取 is a goal before a deadline or a verb of achieving (争取到2025年, 争取达到), but in a
# summary mostly means "secured" (争取到上级资金500万元, 争取项目12个): no cue alone.
STRIVE: Final = "争取"
STRIVE_BEFORE_YEAR: Final[tuple[str, ...]] = ("到", "在", "于")
STRIVE_VERBS: Final[tuple[str, ...]] = (
    "达到", "实现", "完成", "建成", "做到", "使", "让", "新增", "新建", "创建",
)
PLAN_VERB: Final = "计划"
# 计划 right before a punctuation mark is the noun (完成年度计划。)
PLAN_NOUN_BEFORE: Final = ",;:。"
FUTURE_WILL: Final = "将"
# 生均公用经费标准提高到720元: a standard set anew is a standard
STANDARD_WORD: Final = "标准"
STANDARD_RAISE_VERBS: Final[tuple[str, ...]] = ("提高", "提升", "调整", "上调")
# 按每生每年1000元标准, 1000元的补助标准: a figure before these nouns is a standard ...
STANDARD_NOUNS: Final[tuple[str, ...]] = ("补助", "资助", "补贴", "经费", "拨付", "收费")
# ... but not before 标准化 (standardised)
STANDARD_NOT_BEFORE: Final = "化"
# After a target cue, words saying the figure was reached or spent, not aimed at (and the
# reviews of PLAN_REVIEWS)
DONE_AFTER_GOAL_WORDS: Final[tuple[str, ...]] = ("的", "已", "实际")
# Nouns of a fund: a change cue before one is part of the fund's name (能力提升补助资金)
FUND_NOUNS: Final[tuple[str, ...]] = ("资金", "经费", "补助", "专项")
# 招聘计划完成率, 目标任务完成率, 预算执行率: a rate of what was done against a plan, whose
# noun holds a target cue
PLAN_RATE_NOUNS: Final[tuple[str, ...]] = ("计划", "目标", "预算")
PLAN_RATE_VERBS: Final[tuple[str, ...]] = ("完成", "执行", "达成", "实现", "到位")

# Target cues that state a standard (补助标准为每生每年2000元, 补助标准:每生每年2000元): a
# standard sets the figure right after it, and no later figure of the sentence
# (共补助学生4260人 was done).
STANDARD_CUES: Final[frozenset[str]] = frozenset({"标准为", "标准是", "标准:"})

# Words that end a goal's reach within its sentence: what follows was done, not aimed at.
ACTUAL_MARKERS: Final[tuple[str, ...]] = (
    "已", "完成", "现有", "目前", "其中", "实际", "累计", "建成", "实现了", "达到了",
    # a figure of the past beside a goal (力争达到95%,去年为90%)
    "去年", "上年", "上一年", "前年",
)

# --- Levels ----------------------------------------------------------------------------
# keyword -> level id; "" marks words that name several levels at once (中小学), which
# settle the question with "no single level". Priority: a more specific stage wins over a
# general one within the same phrase (see LEVEL_PRIORITY).
LEVEL_WORDS: Final[dict[str, str]] = {
    "学前": "preschool",
    "学龄前": "preschool",
    "幼儿园": "preschool",
    "幼儿": "preschool",
    "入园": "preschool",
    "在园": "preschool",
    "幼师": "preschool",
    "学前班": "preschool",
    "幼教": "preschool",
    "示范园": "preschool",
    "小学": "primary",
    "适龄儿童": "primary",
    "村小": "primary",
    "小学生": "primary",
    "初中": "junior_secondary",
    "国民中学": "junior_secondary",
    "国民小学": "primary",
    "高级中等学校": "senior_secondary",
    "大专院校": "higher",
    "大专校院": "higher",
    "初级中学": "junior_secondary",
    "适龄少年": "junior_secondary",
    "中考": "junior_secondary",
    "初一": "junior_secondary",
    "高中": "senior_secondary",
    "普高": "senior_secondary",
    "高考": "senior_secondary",
    "高级中学": "senior_secondary",
    "本科线": "senior_secondary",
    "一本": "senior_secondary",
    "二本": "senior_secondary",
    "高中段": "senior_secondary",
    "高中阶段": "senior_secondary",
    "义务教育": "compulsory",
    "义教": "compulsory",
    "普九": "compulsory",
    "九年": "compulsory",
    "两基": "compulsory",
    "职业": "vocational",
    "职业高中": "vocational",
    "职业高级中学": "vocational",
    "职校": "vocational",
    "职高": "vocational",
    # candidates of the vocational track of the entrance exam (SPEC dev notes, 12)
    "三校生": "vocational",
    "职高对口": "vocational",
    "中职": "vocational",
    "职教": "vocational",
    "职成教": "vocational",
    "技工": "vocational",
    "中专": "vocational",
    "技校": "vocational",
    "职业技术学院": "higher",
    "高职": "higher",
    "高校": "higher",
    "高等": "higher",
    "大学": "higher",
    "本科": "higher",
    "专科": "higher",
    # graduate students; 研究生 alone is as often a teacher's degree (引进研究生x名)
    "研究生教育": "higher",
    "研究生招生": "higher",
    "招收研究生": "higher",
    "在学研究生": "higher",
    "在读研究生": "higher",
    "研究生在校生": "higher",
    "毕业研究生": "higher",
    "特殊教育": "special",
    "特教": "special",
    "三残": "special",
    "残疾": "special",
    "随班就读": "special",
    "聋哑": "special",
    "盲聋": "special",
    "培智": "special",
    "成人": "adult",
    "成人高校": "adult",
    "成人高等": "adult",
    "老年大学": "adult",
    "社区教育": "adult",
    "本科上线": "senior_secondary",
    "本科录取": "senior_secondary",
    "一年级": "primary",
    "二年级": "primary",
    "三年级": "primary",
    "四年级": "primary",
    "五年级": "primary",
    "六年级": "primary",
    "七年级": "junior_secondary",
    "八年级": "junior_secondary",
    "九年级": "junior_secondary",
    "初三": "junior_secondary",
    "高一": "senior_secondary",
    "高二": "senior_secondary",
    "高三": "senior_secondary",
    # several levels at once: settles "no single level"
    "中小学": "",
    "中小学校": "",
    "中学": "",
    "各级各类": "",
    "大中小学": "",
    "中小幼": "",
    "九年一贯": "",
    "完全中学": "",
    # schools teaching both stages of compulsory education (SPEC dev notes, 13)
    "九年一贯制": "compulsory",
    "十二年一贯制": "",
}
# Words that contain a level word without naming a level (其中专任教师 is not 中专); the
# level pattern matches them first and the extractor ignores them.
LEVEL_DECOYS: Final[tuple[str, ...]] = (
    "其中", "集中", "之中", "当中", "心中", "中专项", "职业道德", "职业生涯", "职业倦怠",
    "职业素养", "职业理想", "大学习", "长大成人", "成人之美", "高中低",
    # 职教 (vocational education) inside 专职教师, 在职教职工, 入职教育
    "专职教", "兼职教", "在职教", "任职教", "离职教", "入职教",
    # 九年 (nine-year compulsory schooling) at the end of a year written in Chinese (二〇一九年)
    "〇九年", "零九年", "一九年", "二九年", "三九年", "四九年", "五九年", "六九年", "七九年",
    "八九年", "九九年", "十九年",
    # words whose last character starts a level word: 提高校园 (高校), 提高考试 (高考),
    # 扩大学前 (大学), 科技工作 (技工), 期中考试 (中考), 重大学校 (大学); what follows them
    # is still read
    "提高", "扩大", "科技", "期中", "重大学",
    # 村小 (a village primary school) inside 农村小规模学校 (small rural schools of any stage)
    "村小规模", "村小型",
    # 高一 (senior first year) inside 升入高一级学校 (a school of the next stage)
    "高一级",
    # the stage graduates go on to (初中毕业生升入普通高中比例): the figure is of the stage
    # they leave
    "升入初中", "升入高中", "升入普通高中", "升入普高", "升入中职", "升入高校", "升入大学",
    # 学前 (preschool) inside 开学前, 入学前 (before term begins)
    "开学前", "入学前",
    # a teacher's degree, not the stage taught: 专任教师中专科及以上学历, 本科以上学历
    "中专科", "专科及以上", "本科及以上", "专科以上", "本科以上", "专科学历", "本科学历",
)

# Words that may stand before a level word in a list of levels (小学、初中、普通高中).
# Entrance exams: a sentence about one speaks of its stage's figures throughout (今年全市有
# 57915名考生报名参加高考: 高考 figures are senior_secondary, SPEC), wherever the word stands.
EXAM_WORDS: Final[tuple[str, ...]] = ("高考", "中考")
# ... and the words of sitting one (58238人报名参加普通高考: its candidates)
EXAM_SIGNUP: Final = "报名"
EXAM_TAKE_VERBS: Final[tuple[str, ...]] = ("参加", "参考", "报考")
# Nouns a listed level may end in (中等职业学校、普通高等学校): the item is still that level.
LEVEL_SUFFIXES: Final[tuple[str, ...]] = ("学校", "教育", "阶段", "学段")
LEVEL_MODIFIERS: Final[tuple[str, ...]] = (
    "普通", "中等", "全日制", "公办", "民办", "城区", "城镇", "农村", "乡村", "县城", "九年",
)

# Higher wins within one phrase; equal priorities go to the word nearest the number.
LEVEL_PRIORITY: Final[dict[str, int]] = {
    "special": 4,
    "adult": 4,
    "vocational": 3,
    "higher": 3,
    "preschool": 2,
    "primary": 2,
    "junior_secondary": 2,
    "senior_secondary": 2,
    "compulsory": 1,
    "": 0,
}

# --- Metrics ---------------------------------------------------------------------------
class MetricRow(NamedTuple):
    """One built-in metric: what kind of thing it measures, the units its figures are
    given in, the words that name it (in a figure's label, or as the noun counted after
    its unit), and whether its values may pass 100 (a percentage over 100 is flagged
    otherwise).

    Kinds: ``staff`` (teachers and other staff), ``learners``, ``people`` (no named kind),
    ``things`` (schools, projects, facilities: counted by measure words too, 家 栋 处),
    ``attendance``, ``measure``, ``money``, ``rate``. The extractor reads what it needs
    from the kind: a part (其中) of staff or learners naming only people is of its total's
    kind; the learners an education bureau recruits are teachers; an item's label names
    things, not people. Adding a built-in metric is one row here (and its id in
    ``records.Metric``, which tests/test_vocab.py checks).
    """

    kind: str
    units: tuple[str, ...]
    words: tuple[str, ...] = ()
    may_exceed_100: bool = False


_RATES: Final = ("percent", "percentage_point")

# The built-in metrics. A rate's words end in 率 or name a share (the word ending last in
# a figure's label wins); a count's words are looked up first in the noun right after its
# unit (110所幼儿园), then in the label before the number (the word nearest it wins).
METRICS: Final[dict[str, MetricRow]] = {
    # --- rates (unit percent, or percentage_point for changes) ---
    "enrollment_rate": MetricRow(
        "rate", _RATES,
        words=(
            "净入学率", "入学率",
        ),
    ),
    "gross_enrollment_rate": MetricRow(
        "rate", _RATES, may_exceed_100=True,
        words=(
            "毛入学率", "毛入园率", "入园率",
        ),
    ),
    "retention_rate": MetricRow(
        "rate", _RATES,
        words=(
            "巩固率", "保留率",
        ),
    ),
    "dropout_rate": MetricRow(
        "rate", _RATES,
        words=(
            "辍学率", "流失率",
        ),
    ),
    "promotion_rate": MetricRow(
        "rate", _RATES,
        words=(
            "升学率",
        ),
    ),
    "admission_rate": MetricRow(
        "rate", _RATES,
        words=(
            "录取率", "录用率", "上线率", "达线率", "进线率", "本科率",
        ),
    ),
    "pass_rate": MetricRow(
        "rate", _RATES,
        words=(
            "合格率", "达标率", "优良率", "及格率", "达级率", "优秀率", "通过率",
        ),
    ),
    "employment_rate": MetricRow(
        "rate", _RATES,
        words=(
            "就业率",
        ),
    ),
    "coverage_rate": MetricRow(
        "rate", _RATES,
        words=(
            "普及率", "覆盖率", "覆盖面", "受教育率", "使用率", "完成率", "接种率", "参保率",
        ),
    ),
    "growth_rate": MetricRow(
        "rate", _RATES, may_exceed_100=True,
        words=(
            "增长率", "增幅", "增速", "涨幅", "降幅", "减幅",
        ),
    ),
    "other_rate": MetricRow(
        "rate", _RATES, may_exceed_100=True,
        words=(
            "满意度",
        ),
    ),
    "share": MetricRow(
        "rate", _RATES,
        words=(
            "占比", "比例", "比重", "占",
        ),
    ),
    # --- counts ---
    "teacher_count": MetricRow(
        "staff", ("person", "item"),
        words=(
            # teachers
            "教师", "幼儿教师", "幼儿老师", "学前教师", "老师", "专任教师", "特岗", "幼师",
            "校长", "园长", "班主任", "名师", "骨干教师", "教研员", "支教", "师资", "导师",
            "教授", "讲师",
            # a degree counts teachers (新招聘的教师中,研究生学历的有18人)
            "学历",
        ),
    ),
    "person_count": MetricRow(
        "people", ("person", "item"),
        words=(
            "学生家长",
            # people certified as teachers (教师资格认定2148人) are applicants, not teachers
            "教师资格", "离退休", "退休",
            # other people
            "人才", "人口", "家长", "志愿者", "个人", "党员", "义警", "专家", "农民",
        ),
    ),
    "staff_count": MetricRow(
        "staff", ("person", "item"),
        words=(
            # staff
            "教职工", "教职员工", "职工", "干部", "工作人员", "编制", "在职人员", "在编人员",
            "管理人员", "主任", "员工", "保安", "宿管", "局机关", "工勤", "保育员", "保教人员",
            "保健医生", "医生", "厨师", "后勤人员", "职员", "炊事员", "校医",
        ),
    ),
    "student_count": MetricRow(
        "learners", ("person", "item"),
        words=(
            # students
            "学生", "在校生", "招生", "毕业生", "幼儿", "儿童", "考生",
            # candidates of an entrance exam (高考报名人数1291万, 报名参考人数25464人)
            "高考报名", "中考报名", "高考报考", "中考报考", "报名参考", "报名者", "新生", "少年",
            "学员", "考试", "生源", "困难生", "特困生", "贫困生", "学困生", "寄宿生", "住校生",
            "走读生", "女生", "男生", "随迁子女", "理科", "文科", "班额", "留守", "入学", "上线",
            "达线", "本科线", "录取", "在园", "小学生", "中学生", "高中生", "初中生", "中职生",
            "高职生", "本科生", "专科生", "博士生", "硕士生", "师范生", "大学生", "研究生",
            "同学", "助学", "受助", "资助",
        ),
    ),
    "school_count": MetricRow(
        "things", ("school", "item"),
        words=(
            # schools and institutions
            "学校", "幼儿园", "小学", "中学", "初中", "高中", "教学点", "幼教点", "职高部",
            "分校", "校区", "园所", "院校", "机构", "学院", "高校", "特教学校", "职教中心",
        ),
    ),
    "project_count": MetricRow(
        "things", ("item",),
        words=(
            # projects
            "项目", "工程", "课题",
        ),
    ),
    "facility_count": MetricRow(
        "things", ("item",),
        words=(
            # facilities
            "计算机", "电脑", "课桌", "桌", "椅", "橱柜", "用房", "教室", "实验室", "功能室",
            "考场", "考室",
            # buildings (教学楼1栋, 综合楼, 宿舍楼)
            "楼", "图书", "图书资料", "藏量", "装置", "装备", "设施", "跑道", "旱厕", "藏书",
            "书目", "宣传册", "光盘", "问卷", "设备", "仪器", "器材", "系统", "视频资源", "录播",
            "课堂", "一体机", "白板", "黑板", "校车", "车辆", "宿舍", "食堂", "厕所", "运动场",
            "田径场", "球场", "操场", "监控", "摄像头", "空调", "图书室",
            # rooms by their use, teaching aids, and books counted per pupil (图书生均册数)
            "训练室", "阅览室", "活动室", "教具", "学具", "玩具", "册数", "座位", "床位",
        ),
    ),
    # things counted that SPEC gives no metric of their own, named where a word inside
    # them would be taken for one: school places (普通高中学位5749个 counts no 中学)
    "other": MetricRow("things", ("item",), words=("学位",)),
    "participation_count": MetricRow("attendance", ("person_time",)),
    "area": MetricRow("measure", ("m2", "mu", "km2")),
    "score": MetricRow("measure", ("score",)),
    # money: per capita (生均, 元/生) when its label or unit says so, else funding
    "funding": MetricRow("money", ("CNY",)),
    "per_capita_funding": MetricRow("money", ("CNY",)),
}

# What a count in each unit measures when no word names it.
UNIT_DEFAULT_METRICS: Final[dict[str, str]] = {
    "person": "person_count",
    "school": "school_count",
    "item": "other",
    "person_time": "participation_count",
    "m2": "area",
    "mu": "area",
    "km2": "area",
    "score": "score",
    "other": "other",
}

# Derived from METRICS, for the readers that look a word up.
RATE_WORDS: Final[dict[str, str]] = {
    w: m for m, row in METRICS.items() if row.kind == "rate" for w in row.words
}
COUNT_WORDS: Final[dict[str, str]] = {
    w: m for m, row in METRICS.items() if row.kind != "rate" for w in row.words
}
# Which count metrics each unit admits (others fall back to the unit's default).
UNIT_METRICS: Final[dict[str, tuple[tuple[str, ...], str]]] = {
    unit: (tuple(m for m, row in METRICS.items() if unit in row.units), default)
    for unit, default in UNIT_DEFAULT_METRICS.items()
}
# Money: a per-capita amount (生均公用经费) unless the label speaks of a total.
PER_CAPITA_WORDS: Final[tuple[str, ...]] = (
    "生均", "人均", "每生", "每人", "每名学生", "每个学生", "每位", "每名", "每学生",
)
TOTAL_WORDS: Final[tuple[str, ...]] = ("总额", "总计", "合计", "总投入", "共计", "总量", "总数")

# 块 counts yuan only where money is spoken of (补助每人300块, 3块钱); elsewhere it is a
# measure word (运动场8块, 电子白板20块), a unit SPEC does not list.
MONEY_CUES: Final[tuple[str, ...]] = (
    "钱", "资金", "经费", "补助", "补贴", "资助", "奖励", "奖金", "工资", "收入", "投入",
    "投资", "捐", "拨", "学费", "费用", "金额", "元",
)  # (not 圆: in reports it is mostly 圆满, 圆梦)

# Verbs that make the level word after them their object (新建幼儿园3所): what the
# sentence did, not the level it speaks of.
OBJECT_VERBS: Final[tuple[str, ...]] = (
    "新建", "改建", "扩建", "建成", "建设", "改造", "撤并", "新增", "创建", "申办", "关闭",
    "举办", "开办", "认定", "评为", "创成", "到", "走访", "调研", "检查", "督查", "选取",
)

# Verbs of recruiting: the people an education bureau recruits (引进x名研究生, 招聘x名
#师范毕业生) are teachers, whatever degree names them.
RECRUIT_VERBS: Final[tuple[str, ...]] = (
    "引进", "招聘", "招录", "招考", "考录", "选聘", "聘用", "聘请", "遴选", "选调", "公招",
    "录用", "新进", "补充",
)

# Attributes that may stand before a counted noun in a label that names nothing else
# (在校学生, 专任教师, 女教师): such a figure continues the one before it.
COUNT_ATTRIBUTES: Final[tuple[str, ...]] = (
    "在校", "在园", "在读", "在职", "在编", "专任", "专职", "兼职", "代课", "女", "男",
    "寄宿", "住校", "留守", "随迁", "毕业", "全日制",
)

# Words just before a count of people that make it a rank (排位第3名, 名列前2位).
RANK_WORDS: Final[tuple[str, ...]] = ("排位", "排名", "名列", "位列", "排第", "位居", "居")
# ... with 前/第 after them (名列前2位, 位居第3名), or 前 alone (前3名), but not 学前
# (preschool: 学前教育3所)
RANK_ORDINALS: Final = "前第"
RANK_FRONT: Final = "前"
NOT_RANK_BEFORE_FRONT: Final = "学"

# Words that end the noun phrase after a unit (6名教师被评为…): the counted noun is
# before them.
PHRASE_ENDS: Final[tuple[str, ...]] = (
    "被", "开展", "参加", "参与", "获", "进行", "建成", "通过", "实施", "完成", "接受",
    "分别", "已", "均", "都", "在", "到", "对", "向", "从", "于", "的", "和", "与", "及",
    "等", "为", "是", "将", "并", "达", "实现", "得到", "纳入", "列入", "比", "较", "同比",
    "增", "减", "占", "其中", "共计", "累计", "提高", "提升", "降低", "下降", "上升", "创",
    "用于", "以", "左右", "之间", "大关",
)

# Labels of page furniture on document-sharing sites; a figure right after one is skipped.
FURNITURE_LABELS: Final[tuple[str, ...]] = (
    "特价", "原价", "售价", "价格", "大小", "页数", "下载", "浏览", "收藏", "积分", "会员",
    "文件大小", "阅读量", "次下载", "字数", "此处隐藏", "VIP", "已售", "评分",
    "访问量", "点击数", "点击量", "阅读", "评论",
)

# Spam and decoration characters scattered through scraped text; the normaliser drops
# them (and zero-width characters) from its working copy.
SPAM_CHARS: Final[str] = (
    "\u200b\u200c\u200d\u2060\ufeff\u00ad"  # zero-width and soft hyphen
    "★☆◆◇■□▲△▼▽●◎※♀♂♪♫♬☺☻♥♡♦♣♠¤§¶†‡⊙⊕◢◣◤◥▓▒░▍▌▋▊▉█▇▆▅▄▃▂▁▏│┃┆┇┊┋"
    "✔✘✕✖✗✓✦✧✩✪✫✬✭✮✯✰❀❁❂❃❄❅❆❇❈❉❊❋☀☁☂☃☄☎☏☛☞♨"
    "〓〖〗【】▪▫"
)

# --- Lists -----------------------------------------------------------------------------
# What stands between two figures of one list (5所、8所; 3名研究生和2名师范生; 1或2所), one
# character each. A label that is only one of these (or 以及) after the figure before it
# names nothing of its own: it is the list's.
LIST_JOINERS: Final = "、和与及或"
CONJUNCTIONS: Final[frozenset[str]] = frozenset({*LIST_JOINERS, "以及"})


# --- Documents -------------------------------------------------------------------------
# What kind of document a report is, from the nouns its title (or opening lines) uses,
# tried in this order: a work summary that also announces next year's plan
# (工作总结及2024年工作计划) is a summary; a bulletin on how a budget was spent
# (经费执行情况统计公告) reports. Sources: the titles of county, city and provincial
# education bureaus' publications (工作总结, 统计公报, 部门预算/决算, 规划, 工作要点).
DOCUMENT_KINDS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("summary", ("总结", "述职报告", "工作报告", "工作情况汇报", "工作回顾")),
    (
        "bulletin",
        (
            "决算", "执行情况", "统计公告", "统计公报", "公报", "基本情况", "发展概况",
            "统计年鉴", "事业统计", "统计快报", "统计简况", "教育概况",
        ),
    ),
    ("budget", ("部门预算", "单位预算", "预算公开", "预算说明", "收入预算", "支出预算")),
    (
        "plan",
        (
            "规划", "工作要点", "工作计划", "实施方案", "行动计划", "行动方案", "实施意见",
            "指导意见", "招生计划", "工作安排", "工作思路", "三年计划",
        ),
    ),
    ("news", ("本报讯", "记者", "通讯员", "新华社", "来源:", "讯 ")),
)
# Kinds whose figures look forward: a plan's and a budget's figures are goals unless
# marked as realised (SPEC, "Other genres").
FORWARD_KINDS: Final[frozenset[str]] = frozenset({"plan", "budget"})
# Words before a figure of a forward-looking document that mark it as realised: a
# baseline (现有, 目前, 截至…), something done (已, 完成了), or last year's figure.
REALISED_MARKERS: Final[tuple[str, ...]] = (
    "已", "实际", "现有", "目前", "截至", "截止", "完成了", "达到了", "实现了", "建成了",
    "去年", "上年", "上一年", "前年", "比上年的", "比去年的", "较上年的", "较去年的",
)
# ... except where the word is part of a budget's own noun (上年结转: last year's balance
# carried into this budget)
REALISED_NOUN_TAILS: Final[tuple[str, ...]] = ("结转", "结余", "预算")
