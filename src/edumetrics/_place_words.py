"""Words that name places, issuers and titles in a report's text (read by ``_metadata``).

Sources: the administrative suffixes of the PRC's divisions (省, 自治区, 市, 州, 县, 区,
旗, 盟); the 34 provincial-level divisions' short names, as written before a city on
news pages (广东广州:, 四川:); the names of education bureaus and governments on
county, city and provincial portals (紫阳县政府办公室, 西安市教育局, 省教育厅); the
field names of government-portal disclosure tables (公开责任部门, 文件名称); and the
generic nouns that end in a suffix without being a place (山区, 城区, 示范县), seen on
the development corpora. Everything is simplified: the text is matched on its folded
copy (traditional characters and full-width forms folded one to one).
"""

from __future__ import annotations

from typing import Final

# Suffixes of administrative divisions. The 自治 forms take longer names (广西壮族自治区).
ADMIN_SUFFIXES: Final[tuple[str, ...]] = ("新区", "省", "市", "县", "区", "州", "旗", "盟")
AUTONOMOUS_SUFFIXES: Final[tuple[str, ...]] = (
    "特别行政区", "自治区", "自治州", "自治县", "自治旗",
)

# Characters that are never part of a place's name: function words, pronouns and the
# nouns of schools and offices. A name is the run of other Han characters before a suffix.
NOT_NAME_CHARS: Final[str] = (
    "的是在和与及或等对从向把被将于了着过全我本该各每其此这那个以由至到共有之所并也都已就"
    "还又较比约近达计占含级年月日今示范先进强均验试点教学校园局府厅委部办院所室省市县区"
)

# Generic nouns that end like a place without naming one (贫困山区, 城区, 示范县).
NOT_PLACE_ENDINGS: Final[tuple[str, ...]] = (
    "山区", "灾区", "景区", "牧区", "老区", "库区", "矿区", "社区", "小区", "园区", "校区",
    "学区", "片区", "辖区", "街区", "城区", "市区", "郊区", "地区", "专区", "超市",
    "都市", "门市", "上市",
)

# Short names of the provincial-level divisions: a line opening with one of them and a
# colon (广东广州:, 四川:) gives the place its figures are about.
PROVINCES: Final[tuple[str, ...]] = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江",
    "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州",
    "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港",
    "澳门",
)

# Parts of a place a figure's own clause may name: town against country, a district of
# a city (其中,农村为…; 城区小学…; 市区考点8个).
SCOPE_WORDS: Final[tuple[str, ...]] = (
    "城区", "市区", "县区", "城镇", "农村", "乡村", "镇区", "县城", "主城区", "中心城区",
)

# Characters that stand for masked digits or names (xx县, **省, 某县).
MASK_CHARS: Final[str] = "xX×*某"

# The offices that write reports, longest first after folding (教體局 -> 教体局).
ISSUER_OFFICES: Final[tuple[str, ...]] = (
    "人民政府办公室", "人民政府办公厅", "政府办公室", "政府办公厅", "人民政府",
    "教育和体育局", "教育体育局", "教育科技局", "教育委员会", "教育局", "教体局", "教科局",
    "教育厅", "教委", "教育部", "统计局", "财政局", "财政厅", "政府",
)

# Verbs by which the opening of a news report names who published the document.
PUBLISH_VERBS: Final[tuple[str, ...]] = ("发布", "印发", "公布", "发出", "下发")

# Fields of a government portal's disclosure table (紫阳县: 文件名称 | 2021年教育基本情况).
TITLE_FIELDS: Final[tuple[str, ...]] = ("文件名称", "标题", "文件标题")
ISSUER_FIELDS: Final[tuple[str, ...]] = (
    "公开责任部门", "发布机构", "发文机关", "发文单位", "发布单位", "信息来源", "来源",
)

# Lines of page furniture that follow a page's title (时间:2021-08-31, 来源:深圳商报).
FURNITURE_FIELDS: Final[tuple[str, ...]] = (
    "发布时间", "信息来源", "来源", "时间", "作者", "日期", "点击",
)

# 某县, 某市: a name withheld (one or two 某)
NAME_MASK: Final = "某"

# A suffix that begins a word of its own is no place's: 县委, 市直, 省级, 县属, 区域, 市场,
# 市民, 省内, 省外, 县长 (and 市一中, a school: see SCHOOL_NUMBER_SUFFIX)
NOT_AFTER_SUFFIX: Final[tuple[str, ...]] = (
    "委", "直", "级", "属", "域", "场", "民", "内", "外", "长",
)
# A school named by its number: 一中 (第一中学), after a place (市一中) or a mask (*四中)
SCHOOL_NUMBER_SUFFIX: Final = "中"
# ... the ranks of a place that may stand before it (市一中, 县二中)
SCHOOL_PLACE_RANKS: Final = "市县区"
# ... or a masked school's noun (xx中学, 某小学)
MASKED_SCHOOL_NOUNS: Final[tuple[str, ...]] = ("中学", "小学", "幼儿园", "学校")
# A school named by the place it is in (紫阳县第二小学, 紫阳县实验中学)
SCHOOL_ATTRIBUTE: Final = "实验"
SCHOOL_NOUNS: Final[tuple[str, ...]] = ("中学", "小学", "幼儿园", "高中", "初中", "学校")
# Before a scope word, these make it all of them (县市区, 各县区, 全区), not a part
ALL_OF_THEM_BEFORE: Final = "各分县市全"
# Words of time that may stand before a sentence's subject (今年全县…, 目前我市…)
SUBJECT_TIMES: Final[tuple[str, ...]] = ("今年", "去年", "上年", "本年", "目前")
# The ranks of an office's place (市教育局, 县教体局)
OFFICE_RANKS: Final = "省市县区州"
# What ends the offices before a verb of publishing (a comma, a full stop, a line)
PUBLISHER_BREAKS: Final = ",。\n"
# A noun after an office that makes it the owner of a budget (市教育局部门预算)
OWNER_NOUNS: Final[tuple[str, ...]] = ("部门",)
# 我县, 本市: the document's own place, by its rank
SELF_WORDS: Final = "我本"
SELF_RANKS: Final = "省市县区州旗"
# Nouns of a title besides the kinds' (DOCUMENT_KINDS): 关于…的通知, …公告, …报告
TITLE_EXTRA_NOUNS: Final[tuple[str, ...]] = ("通知", "公告", "报告")
# What may stand before a title on its line: bullets, brackets and quotes ...
TITLE_BULLETS: Final = '•·【[《"“'
# ... a document number's field (编号:658229379)
DOCUMENT_NUMBER_FIELDS: Final[tuple[str, ...]] = ("编号", "索引号", "ID")
# What may stand after a title on its line: closing brackets and quotes
TITLE_CLOSERS: Final = "】》”]"
