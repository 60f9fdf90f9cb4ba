"""The words of Vietnamese deadline phrases, as regular expressions compiled once.

The patterns read a lower-cased copy of the text (`lower`), so they are written in lower case and
start with a literal word or a digit: that lets the regex engine skip ahead quickly. Each core
pattern starts at the token that carries the time (a date, "tháng", "quý", "năm", ...); the words
before it ("trước", "chậm nhất", "trong", "Hoàn thành", "Dự kiến", "Thời gian thực hiện:") are read
from the text on the left by the patterns anchored at `$` further down.
"""

from __future__ import annotations

import re

S = r"\s+"
YEAR = r"(?:1[89]|2[0-2])\d\d"
_NOT_DIGIT_AFTER = r"(?![\d])(?!\s?[/.]\s?\d)"
_WORD_END = r"(?![^\W_])"


def lower(text: str) -> str:
    """Lower case with every character where it was (only "İ" would otherwise grow into two)."""
    return text.replace("\u0130", "I").lower()


# "ngày", also as OCR and hasty typing leave it ("ngảy", "ngay").
DAY_WORD = r"ng[àảáạãa]y"
# "14 giờ, ngày 05/12/2017", "17h00 ngày 20/3", "8 giờ 30 phút ngày".
TIME = (
    r"(?P<hour>\d{1,2})\s*(?:giờ|h|g)(?:\s*(?P<minute>\d{2})(?:\s*phút|')?)?(?:\s*(?:sáng|chiều|tối))?\s*,?\s*"
)
# "trước ngày 15/01 năm sau", "trong tháng 01 năm tới": the year after the plan's.
NEXT_YEAR = rf"(?P<next_year>{S}(?:của{S})?năm{S}(?:sau|tới|tiếp{S}theo){_WORD_END})"
_DAY_MONTH_YEAR = (
    rf"(?:(?P<d1>\d{{1,2}})\s?[/.-]\s?(?P<m1>\d{{1,2}})(?:\s?[/.-]\s?(?P<y1>\d{{4}}))?"
    rf"|(?P<d2>\d{{1,2}}){S}tháng{S}(?P<m2>\d{{1,2}})(?:\s*,?{S}năm{S}(?P<y2>\d{{4}}))?)"
    rf"{_NOT_DIGIT_AFTER}{NEXT_YEAR}?"
)
DATE = rf"(?:{TIME})?(?:(?P<ngay>{DAY_WORD})\s*:?\s*)?{_DAY_MONTH_YEAR}"
DATE_RE = re.compile(DATE)
# Where a date's digits start; the "ngày" and time before them are read by DATE_LEFT_RE.
DATE_CORE_RE = re.compile(rf"\d\d?(?:\s?[/.-]\s?\d{{1,2}}|{S}tháng{S}\d)")  # "\d\d?": see WORKING_DAYS_RE
DATE_LEFT_RE = re.compile(rf"(?:{TIME})?(?:{DAY_WORD}\s*:?\s*)?$")
# The second date of "từ ngày 10/4 đến ngày 20/5/2024".
RANGE_END_RE = re.compile(rf"\s*(?:đến|tới|-)\s*(?:hết\s+)?{DATE}")

_YEAR_TAIL = rf"(?:\s*[/.-]\s*(?P<y>{YEAR})|{S}năm{S}(?P<y2>{YEAR})|{NEXT_YEAR})?(?![\d/])"
MONTH_RE = re.compile(rf"tháng{S}(?P<m>\d{{1,2}}){_YEAR_TAIL}(?!\s*lần)")
# "thang 12/2025": a month that lost its accent (a text that lost them all is restored before it is read,
# extraction.ocr), only with its year: "thang 10" alone may be a scale ("thang điểm").
ACCENTLESS_MONTH_RE = re.compile(
    rf"thang{S}(?P<m>\d{{1,2}})(?=\s*[/.-]\s*{YEAR}|{S}năm{S}{YEAR}){_YEAR_TAIL}"
)
# "từ tháng 3 đến tháng 5/2024", "tháng 10-12/2025": the second month, read after a first one.
MONTH_RANGE_END_RE = re.compile(
    rf"\s*(?:(?:đến|tới|-|–)\s*(?:hết\s+)?tháng{S}|[-–]\s*)(?P<m>\d{{1,2}}){_YEAR_TAIL}(?!\s*lần)"
)
# "tháng 9, 10/2024", "tháng 9 và tháng 10 năm 2024", "tháng 3, 6, 9/2024": the last month of a list, which
# makes it a window like a range's (a bare number only with its year: "tháng 9, 10 đơn vị" is no list;
# "tháng 6 và tháng 12 hằng năm" recurs).
MONTH_LIST_END_RE = re.compile(
    rf"(?:\s*(?:,|và)\s*(?:tháng{S})?\d{{1,2}}(?![\d/]))*?\s*(?:,|và)\s*"
    rf"(?:tháng{S}(?P<m>\d{{1,2}})|(?P<listed>\d{{1,2}})(?=\s*[/.-]\s*{YEAR}|{S}năm{S}{YEAR})){_YEAR_TAIL}"
    rf"(?!\s*lần|\s*,?{S}(?:của{S})?(?:hằng|hàng|mỗi|các){S})"
)
# "từ tháng 7/2024 trở đi", "từ tháng 7/2024 và các tháng tiếp theo": from then on, with no end.
ONWARD_RE = re.compile(
    rf"\s*,?{S}(?:trở{S}(?:đi|về{S}sau)|và{S}(?:các|những){S}(?:tháng|quý|năm){S}tiếp{S}theo)"
)
QUARTER_RE = re.compile(rf"quý{S}(?P<q>iv|i{{1,3}}|[1-4]){_WORD_END}{_YEAR_TAIL}")
# "quý II-III/2025", "quý III, IV năm 2025", "quý III và quý IV/2025": a further quarter after one (an
# Arabic numeral only after "quý": "trong quý I, 2 đơn vị ..." is not a range).
QUARTER_RANGE_END_RE = re.compile(
    rf"\s*(?:[-–,]|và|đến|tới)\s*(?:quý{S}(?P<q>iv|i{{1,3}}|[1-4])|(?P<roman>iv|i{{1,3}})){_WORD_END}{_YEAR_TAIL}"
)
_HALF_YEAR_TAIL = rf"(?:{S}(?:năm{S})?(?P<y>{YEAR}))?(?!\d)"
# "6 tháng đầu năm 2024": read from "tháng"; the "6" on its left is checked by SIX_LEFT_RE.
HALF_YEAR_RE = re.compile(rf"tháng{S}(?P<which>đầu|cuối)(?:{S}năm)?{_HALF_YEAR_TAIL}")
HALF_RE = re.compile(rf"nửa{S}(?:(?P<which2>đầu|cuối){S}năm|năm{S}(?P<which3>đầu|cuối)){_HALF_YEAR_TAIL}")
SIX_LEFT_RE = re.compile(r"(?<![\d\w])(?:0?6|sáu)\s+$")
YEAR_RANGE_RE = re.compile(rf"(?P<y1>{YEAR})\s*(?:-|–|đến|tới)\s*(?:năm\s+)?(?P<y2>{YEAR})(?![\d/])")
RANGE_LEAD_RE = re.compile(r"(?:giai\s+đoạn|các\s+năm|năm(?:\s+học)?)\s+$")
# "học kỳ I năm học 2025-2026": a term, which the school year's window would only overstate.
TERM_LEFT_RE = re.compile(r"(?<!\w)học\s+k[ỳì](?:\s+[^\W_]+)?\s*[,(]?\s*(?:của\s+)?$")
# "Học kỳ II năm học 2025 - 2026", "học kì 1 (năm học 2024-2025)", "hết học kỳ 2": a term of a school year
# ("kì": the older spelling).
TERM_RE = re.compile(
    rf"học{S}k[ỳì]{S}(?P<term>ii|i|1|2|một|hai){_WORD_END}(?:(?:\s*,?{S}(?:của{S})?|\s*\(\s*)"
    rf"năm{S}học{S}(?P<y1>{YEAR})\s*(?:-|–|/)\s*(?P<y2>{YEAR})(?![\d/])(?:\s*\))?)?"
)
# "cuối năm học", "trong năm học này": the school year of the document's date (with years: YEAR_RANGE_RE's).
SCHOOL_YEAR_RE = re.compile(rf"năm{S}học(?:{S}này)?{_WORD_END}(?!\s*:?\s*\d)")
# "năm 2025 và các năm tiếp theo", "từ năm 2025 trở đi": from that year on, with no end.
YEAR_RE = re.compile(
    rf"năm{S}(?P<y>{YEAR})(?![\d/]|\s?-\s?\d)"
    rf"(?P<onward>\s*,?{S}(?:và{S}(?:các|những){S}năm{S}(?:tiếp{S}theo|sau(?:{S}đó)?)|trở{S}(?:đi|về{S}sau)))?"
)
# "hoàn thành trong năm", "trong năm nay": the plan's year.
THIS_YEAR_RE = re.compile(
    rf"trong{S}năm(?:{S}nay)?(?!{S}(?:\d|học|qua|ngoái|trước|sau|tới|thứ|đầu|cuối|đó)){_WORD_END}"
)
YEAR_END_RE = re.compile(
    rf"cuối{S}năm(?!{S}học)(?:{S}(?P<y>{YEAR})(?![\d/-])|{S}(?P<this>nay)|(?!{S}\d))"
    rf"(?!\s*(?:đến|tới){S}nay)"
)
# "vào dịp cuối năm 2023": the occasion words before "cuối năm" belong to the phrase.
OCCASION_LEFT_RE = re.compile(r"(?:(?:vào|trong)\s+)?(?:dịp|thời\s+điểm)\s+$")
YEAR_START_RE = re.compile(rf"đầu{S}năm(?!{S}học)(?:{S}(?P<y>{YEAR})(?![\d/-])|(?!{S}\d))")
# Summer: "đợt sinh hoạt chính trị hè", "dịp hè", "kỳ nghỉ hè năm 2024" ("vỉa hè" is a pavement).
SEASON_RE = re.compile(rf"hè{_WORD_END}(?:{S}(?:năm{S})?(?P<y>{YEAR})(?!\d))?")
SEASON_LEFT_RE = re.compile(
    r"(?<!\w)(?:(?:vào|trong)\s+)?(?:(?:đợt|dịp|kỳ|lớp|khóa|khoá|mùa)(?:\s+[^\W\d_]+){0,4}?|vào|trong)\s+$"
)
_PERIOD = r"(?P<period>tuần|tháng|quý|năm)"
# "ngày 20 hằng tháng", "ngày 15/01 hằng năm"; "ngày 15 của tháng cuối quý", "ngày 10 của tháng đầu quý sau"
# (a month of every quarter); "ngày 05 tháng sau" (each month's report, due the next month).
RECURRING_DAY_RE = re.compile(
    rf"ngày{S}(?P<day>\d{{1,2}})(?:\s?[/.-]\s?(?P<month>\d{{1,2}})|{S}tháng{S}(?P<month2>\d{{1,2}}))?"
    # "trước ngày 15/6 và (trước ngày) 15/12 hằng năm": a second day of the year (six months on: each half).
    rf"(?:\s*(?:,|và)\s*(?:(?:trước|vào|chậm{S}nhất){S})?(?:ngày{S})?(?P<day2>\d{{1,2}})\s?[/.-]\s?(?P<month3>\d{{1,2}}))?"
    rf"(?:{S}(?:của{S})?(?:hằng|hàng|mỗi|các){S}{_PERIOD}"
    rf"|{S}(?:của{S})?tháng{S}(?P<nth>đầu|giữa|cuối|thứ{S}(?:hai|ba|2|3))(?:{S}của)?(?:{S}(?:mỗi|hằng|hàng|từng))?"
    rf"{S}quý(?:{S}(?:sau|kế{S}tiếp|tiếp{S}theo))?"
    rf"|{S}(?:của{S})?tháng{S}(?P<next>sau|kế{S}tiếp|tiếp{S}theo)){_WORD_END}"
)
_DAY_LEAD = rf"trước|vào|chậm{S}nhất(?:{S}(?:là|vào))?"
# After a day of the period: no further digits of a date ("25." ending a sentence is the day 25), no month
# ("ngày 20 tháng 5" is a date) and no frequency of its own ("ngày 20 hằng tháng" is RECURRING_DAY_RE's).
_DAY_END = rf"(?!\d|\s?[/.-]\s?\d|\s*tháng|{S}(?:của|hằng|hàng|mỗi|các){S})"
RECURRING_RE = re.compile(
    rf"(?:định{S}kỳ(?:{S}(?:hằng|hàng|mỗi))?{S}(?:(?P<months>\d{{1,2}}|sáu|ba){S}tháng|{_PERIOD})"
    rf"|(?P<bare>hằng|hàng){S}(?P<period2>tuần|tháng|quý|năm))"
    rf"{_WORD_END}(?:(?:{S}một|{S}1){S}lần)?"
    # "định kỳ hằng tháng, trước ngày 25", "hằng năm (trước ngày 15/12)": the day of each period (with a year
    # it is a date of its own; "ngày 15 của tháng cuối quý" is RECURRING_DAY_RE's).
    rf"(?:\s*(?:,|(?P<paren>\())?\s*(?P<before>{_DAY_LEAD}){S}ngày{S}(?P<day>\d{{1,2}})"
    rf"(?:\s?[/.-]\s?(?P<month>\d{{1,2}}))?{_DAY_END}(?(paren)(?:\s*\))?))?"
)
# "báo cáo hằng tháng về Sở Nội vụ trước ngày 20": the day of each period said later in the clause, after
# the words of the report (no other frequency, date or clause end between them).
LATER_DAY_RE = re.compile(
    # Words parted by spaces or commas, none of them a frequency: each text is cut into them one way only.
    rf"(?P<gap>(?:[\s,]+(?!(?:{_DAY_LEAD}){S}ngày{S}\d|hằng|hàng|định{S}kỳ)[^\s,.;:!?|/]+){{1,16}}?)"
    rf"[\s,]+(?P<before>{_DAY_LEAD}){S}ngày{S}(?P<day>\d{{1,2}})(?:\s?[/.-]\s?(?P<month>\d{{1,2}}))?{_DAY_END}"
)
# "Định kỳ hằng quý (trước ngày 20 của tháng cuối quý)": what stands between a frequency and the day rule
# (RECURRING_DAY_RE) that it is stated with.
DAY_RULE_LEAD_RE = re.compile(rf"\s*(?:[,:]|(?P<paren>\())?\s*(?:(?P<before>{_DAY_LEAD}){S})?(?=ngày\s)")
CLOSE_RE = re.compile(r"\s*\)")
# "tháng 12 hằng năm", "vào quý I hằng năm": the month (or quarter) of each year, on the left of "hằng năm";
# "tháng 6 và tháng 12", "quý II và quý IV": two of them (six months apart: each half-year's).
_MONTH_OR_QUARTER = r"(?:tháng\s+(?P<m{0}>\d{{1,2}})|quý\s+(?P<q{0}>iv|i{{1,3}}|[1-4]))"
YEARLY_PERIOD_LEFT_RE = re.compile(
    rf"(?<!\w)(?:{_MONTH_OR_QUARTER.format(1)}\s*(?:,|và)\s*)?(?P<last>{_MONTH_OR_QUARTER.format('')})\s+(?:của\s+)?$"
)
# "\d(?:\d\d?)?" is "\d{1,3}" written so that the engine can skip ahead to a digit.
WORKING_DAYS_RE = re.compile(
    rf"(?P<count>\d(?:\d\d?)?)\)?{S}ngày(?P<working>{S}làm{S}việc)?"
    rf"(?:\s*,?{S}(?:kể|tính){S}từ{S}(?:(?:{DATE})|(?P<event>(?:[^\W\d_]+)(?:{S}[^\W\d_]+){{0,6}})))?"
)
# "báo cáo ngay trong ngày", "ngay trong ngày kể từ khi nhận được": the same day as what sets it off, ending
# its clause or followed by that event ("ngay trong ngày 20/11", "ngay trong ngày đầu tiên" say more).
SAME_DAY_RE = re.compile(
    rf"ngay{S}trong{S}ngày{_WORD_END}(?:\s*,?{S}(?:kể|tính){S}từ{S}(?P<event>(?:[^\W\d_]+)(?:{S}[^\W\d_]+){{0,6}}))?"
    r"(?=\s*(?:[.,;:)|\n]|$|(?:sau\s+)?khi\s))"
)
# "trong 10 ngày", "trong vòng mười (10) ngày", "Thời hạn: 15 ngày": the words before the count.
COUNT_LEFT_RE = re.compile(
    r"(?<!\w)(?P<prefix>trong(?:\s+vòng|\s+thời\s+hạn)?|không\s+quá|chậm\s+nhất(?:\s+trong)?"
    r"|thời\s+hạn(?:\s+(?:thực\s+hiện|hoàn\s+thành))?\s*:)"
    r"\s+(?:[^\W\d_]+\s+){0,3}\(?$"
)
# "Tết Nguyên đán", "Tết cổ truyền", "Tết Ất Tỵ năm 2025": the lunar new year; "Tết Dương lịch": 1 January
# (not "Tết Trung thu" and the like, which name no deadline).
_CAN_CHI = (
    r"(?:giáp|ất|bính|đinh|mậu|kỷ|canh|tân|nhâm|quý)\s+(?:tý|sửu|dần|mão|mẹo|thìn|tỵ|ngọ|mùi|thân|dậu|tuất|hợi)"
)
TET_RE = re.compile(
    rf"tết(?:{S}(?:nguyên{S}đán|cổ{S}truyền)(?:{S}{_CAN_CHI})?|{S}{_CAN_CHI}|{S}(?P<solar>dương{S}lịch)){_WORD_END}"
    rf"(?:{S}(?:năm{S})?(?P<y>{YEAR})(?![\d/]))?"
)
ONGOING_RE = re.compile(rf"thường{S}xuyên{_WORD_END}(?:\s*,\s*liên{S}tục)?")

# "trong tháng này", "trong tuần (lễ) này": the period holding the document's date.
THIS_PERIOD_RE = re.compile(rf"(?P<period>tháng|quý|tuần)(?:{S}lễ)?{S}này{_WORD_END}")
# "quý đầu năm", "tháng cuối năm 2024": a quarter or month of the year ("6 tháng đầu năm" is HALF_YEAR_RE's).
PERIOD_OF_YEAR_RE = re.compile(
    rf"(?P<period>quý|tháng){S}(?P<which>đầu|cuối){S}(?:của{S})?năm(?:{S}(?P<y>{YEAR})(?![\d/]))?{_WORD_END}"
)
# "9 tháng đầu năm": the count of months on the left of PERIOD_OF_YEAR_RE's "tháng".
MONTH_COUNT_LEFT_RE = re.compile(r"(?<![\d\w])(?:\d{1,2}|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+$")
# What stands right before a core token and changes its meaning.
PREFIX_RE = re.compile(
    r"(?<!\w)(?P<prefix>"
    r"trước\s+hoặc\s+(?:trong|vào)|chậm\s+nhất(?:\s+(?:là|vào|trong))?|muộn\s+nhất(?:\s+(?:là|vào|trong))?"
    r"|hạn\s+(?:chót|cuối)(?:\s+là)?\s*:?|trước|trong\s+vòng|trong\s+thời\s+hạn|không\s+quá|trong|vào"
    r"|(?:đến|tới)\s+hết|(?:đến|tới)|hết|nửa\s+(?:đầu|cuối)|cuối|đầu|giữa|từ|ngay\s+trong"
    # "trung tuần", "tuần thứ 2", "tuần cuối cùng của" (before a month): one "trong/vào" for both spares the
    # engine a second try at each place.
    r"|(?:trong\s+|vào\s+)?(?:(?:thượng|trung|hạ)\s+tuần"
    r"|tuần\s+(?:lễ\s+)?(?:thứ\s+)?(?:[1-5]|nhất|một|hai|ba|tư|bốn|năm|đầu(?:\s+tiên)?|cuối(?:\s+cùng)?)(?:\s+của)?)"
    r")\s*$"
)
# "vào đầu tháng 8", "trong nửa cuối tháng 10": the preposition before a part of a period.
PART_LEAD_RE = re.compile(r"(?<!\w)(?:trong|vào)\s+$")
# A verb that the phrase starts from: "Hoàn thành việc xây dựng kế hoạch trong quý I năm 2023".
_GAP = r"(?:\s+[^\s,.;:!?()\[\]|]+){0,%d}?\s*$"
VERB_RE = re.compile(
    r"(?<!\w)(?P<verb>hoàn\s+thành|hoàn\s+tất|(?:thực\s+hiện|triển\s+khai|làm)\s+xong|xong|kết\s+thúc)"
    + _GAP % 6
)
VERB_ADJACENT_RE = re.compile(r"(?<!\w)(?P<verb>hoàn\s+thành|hoàn\s+tất|xong|kết\s+thúc)\s*:?\s*$")
TENTATIVE_RE = re.compile(r"(?<!\w)(?P<verb>dự\s+kiến)\s*:?" + _GAP % 4)
TENTATIVE_AFTER_RE = re.compile(r"\s*\(\s*dự\s+kiến\s*\)")
# "Thời gian thực hiện:", "Thời hạn hoàn thành:", "Tiến độ:"; only the first qualifiers belong to the
# phrase's text, the others only tell that a deadline follows.
LABEL_RE = re.compile(
    r"(?<!\w)(?P<label>(?:thời\s+gian|thời\s+hạn|tiến\s+độ|hạn)"
    r"(?:\s+(?P<qualifier>thực\s+hiện|hoàn\s+thành|dự\s+kiến|báo\s+cáo|nộp|gửi))?\s*:)\s*$"
)
# "Đợt 1:", "- Lần 2", "Giai đoạn II (" at a clause's start, or "tập huấn lần 2:": a batch's number, after
# which a bare period ("Đợt 1: tháng 4/2024") is that batch's time, as after "Thời gian:".
_BATCH = r"(?:đợt|lần|giai\s+đoạn|bước|phần)\s+(?:\d{1,2}|[ivx]{1,4}|một|hai|ba|bốn|tư|năm|cuối)"
BATCH_LEFT_RE = re.compile(
    rf"(?:(?:^|[.;:!?(\n,+•|]|^\s*[-–])\s*{_BATCH}\s*[:.)(–-]?|(?<!\w){_BATCH}\s*:)\s*$"
)
# What may follow a batch's time: the end of its clause or cell.
BATCH_END_RE = re.compile(r"\s*(?:[.;,)|\n]|$)")
# A clause starts here: the text on the left ends with punctuation, a bullet or a line break.
CLAUSE_START_RE = re.compile(r"(?:^|[.;:!?(\n,\-+•]|\d\.)\s*$")
SENTENCE_END_RE = re.compile(r"\s*(?:[.!?](?:\s|$)|$|\n)")
# Words that make "đến năm 2028" a target rather than part of a title ("... đến năm 2030, tầm nhìn").
TARGET_WORDS_RE = re.compile(r"(?:mục\s+tiêu|phấn\s+đấu|bảo\s+đảm|đảm\s+bảo|để)\s*$")
TITLE_BEFORE_RE = re.compile(r"(?:tầm\s+nhìn|định\s+hướng|giai\s+đoạn|thời\s+kỳ|\d{4})\s*$")
TITLE_AFTER_RE = re.compile(r"\s*,?\s*(?:tầm\s+nhìn|định\s+hướng)")
# "trong 10 ngày làm việc kể từ ngày ký": counted from the document's own date.
FROM_ISSUE_RE = re.compile(r"(?<!\w)(?:ký|ban\s+hành)(?!\w)")
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
