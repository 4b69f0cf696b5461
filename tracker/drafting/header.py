"""The document's header: title, 文号, issuing body, date, and the plan period."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path

DOC_NUMBER = re.compile(r"([\u4e00-\u9fa5]{1,8}[〔\[［(（]\s*(19|20)\d\d\s*[〕\]］)）]\s*\d+\s*号)")
DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
DOTTED_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?![\d.])")
ISO_DATE = re.compile(r"(?:成文|发布|发文|印发)日期\s*[:：]?\s*((?:19|20)\d\d)-\s*(\d{1,2})-\s*(\d{1,2})")
NOTICE_SENDER = re.compile(
    r"^([\u4e00-\u9fa5、（）]{4,40}?)关于(?:印发|落实|做好|下达|分解|进一步|.{2,80}的(?:通知|实施意见|意见|工作方案|方案)$)"
)  # “吉林省人民政府办公厅关于2006年以省政府名义召开新闻发布会的通知”: a notice's whole title
# a page's line naming where it comes from: “（来源：X）”, “信息来源：X 发布时间：…”
SOURCE_LINE = re.compile(
    r"(?:^|[（(\s：:])(?:信息|稿件|文章)?来源\s*[：:]\s*([\u4e00-\u9fa5]{3,30}?)(?=\s|[）)]|发布|时间|日期|作者|浏览|$)"
)
TITLE_ISSUER = re.compile(r"^([\u4e00-\u9fa5、（）]{3,40}?)(?:19|20)\d\d\s*年")
# “市科技局为企业和群众做出的公开承诺”, “某局履职尽责公开承诺书”: the body pledging issues it
PLEDGE_TITLE = re.compile(r"^([\u4e00-\u9fa5]{3,20}?(?:局|委|办|厅|院|中心|所))(?=[\u4e00-\u9fa5]{0,20}承诺)")
PAGE_DATE = re.compile(r"(?:发表|发布)(?:时间|日期)\s*[:：]?\s*((?:19|20)\d\d)\s*[-年./]\s*\d{1,2}")
SPAN = re.compile(r"[（(]\s*((?:19|20)\d\d)\s*年?\s*[—\-–~～至到]+\s*((?:19|20)\d\d)\s*年?\s*[）)]")
FIVE_YEAR = {
    "十一五": (2006, 2010),
    "十二五": (2011, 2015),
    "十三五": (2016, 2020),
    "十四五": (2021, 2025),
    "十五五": (2026, 2030),
}
# “第十一个五年规划”: the N-th five-year plan began in 1953 + 5(N−1)
VISION_YEARS = 10  # a goal this many years after the issue or more (“到2035年”) is a vision
NTH_FIVE_YEAR = re.compile(r"第(十[一二三四五六七八九]?)个五年")
TITLE_IN_NOTICE = re.compile(r"关于印发(.+?)的通知")
# the notice's own sentence handing the plan over: “《X》已经……同意，现印发给你们”, “现将《X》印发给你们”
HANDED_OVER = re.compile(
    r"^(?:现将)?《([^》]{4,80})》(?:已经[^。]{0,40}(?:同意|通过)[，,]?\s*)?(?:现)?印发给你们"
)
QUOTED = re.compile(r"《([^》]{6,80})》")
QUOTE_SPAN = re.compile(r"《[^》]*》")
CITED_PLAN_END = re.compile(r"(?:方案|规划|计划|纲要|意见|工程)\s*$")
PERIOD_STATED = re.compile(
    r"(?:规划|实施|方案|计划|行动)(?:年限|期限|期|时间)(?:为|是)?\s*((?:19|20)\d\d)\s*年?\s*(?:至|到|—|-|－|–)+\s*((?:19|20)\d\d)\s*年"
)
# “2012年起5年内”, “从2021年起，用三年时间”: the plan runs N years from its first
YEARS_FROM = re.compile(
    r"((?:19|20)\d\d)\s*年(?:起|开始)[，,]?\s*(?:用|利用|经过|力争用?)?\s*([1-9]|[二三四五六七八九十])\s*年"
    r"(?:左右)?(?:时间|内)"
)
BOX = re.compile(r"^(专栏|表|图|附表)\s*\d*")


OPENING_YEAR = re.compile(r"^\s*((?:19|20)\d\d)\s*年(?:是|为|，|,|我(?:省|市|县|区))")


def _first_heading(lines: list[str]) -> int:
    """Index of the first numbered line (一、 / 第一章 / 1.): the title is printed above it."""
    from tracker.drafting.outline import heading_of

    return next((i for i, line in enumerate(lines) if heading_of(line)), len(lines))


PARTY = re.compile(r"(甲|乙)\s*方\s*[:：]\s*([\u4e00-\u9fa5（）()]{3,40}?)(?=\s|$|[，,；;。]|[甲乙]\s*方)")
ORG_END = re.compile(r"(局|委员会|政府|办公室|委|办|领导小组)$")


@dataclass
class Header:
    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    party: str | None = None  # 乙方 of a 目标责任书: who takes on its tasks
    issued_on: date | None = None
    period: tuple[int, int] | None = None
    title_guessed: bool = False  # taken from the first line, for lack of a better one
    period_guessed: bool = False  # the year the text names most often, for lack of a better one
    period_basis: str | None = None  # what a guessed period was taken from, for the warning
    # the year “N年内” counts from: the plan's first year (issued in 2015, “三年内” is by 2018), or
    # the year before a stated first year (“2012年起5年内” holds 2012 itself: by 2016)
    within_from: int | None = None


ABOUT = re.compile(
    r"^(?P<issuer>.*?)关于(?P<what>.+?)的(?:督办|督查|补充)?(?P<kind>通知|意见|实施意见|决定|工作方案|通报|函|报告|会议纪要|纪要)$"
)


def _about_title(lines: list[str]) -> str | None:
    """“X关于Y的通知” → Y (the notice carries the plan); “X关于Y的意见” → the whole title.

    The title may wrap over up to four lines; an issuer printed on the line above a line
    starting with 关于 belongs to the title.
    """
    for index, line in enumerate(lines[:30]):
        if "关于" not in line or len(line) > 60:
            continue
        for end in range(index, min(index + 4, len(lines))):
            joined = "".join(lines[index : end + 1])
            match = ABOUT.match(joined)
            if match is None or len(joined) > 100:
                continue
            if match.group("kind") == "通知":
                return match.group("what").strip("《》“” ")
            issuer = match.group("issuer")
            if not issuer and index > 0 and ORG_END.search(lines[index - 1]) and len(lines[index - 1]) <= 20:
                issuer = lines[index - 1]
            return f"{issuer}关于{match.group('what')}的{match.group('kind')}"
    return None


CN_DATE = re.compile(
    r"([〇○零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日"
)
CN_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}


def _cn_number(text: str) -> int:
    """一 → 1, 十 → 10, 十七 → 17, 二十三 → 23."""
    if "十" not in text:
        return CN_DIGIT[text]
    tens, _, ones = text.partition("十")
    return (CN_DIGIT[tens] if tens else 1) * 10 + (CN_DIGIT[ones] if ones else 0)


def _arabic_dates(text: str) -> str:
    """“二○一一年三月十七日” written with digits, so the date rules read it."""

    def arabic(match: re.Match[str]) -> str:
        year = "".join(str(CN_DIGIT[c]) for c in match.group(1))
        return f"{year}年{_cn_number(match.group(2))}月{_cn_number(match.group(3))}日"

    return CN_DATE.sub(arabic, text)


def _first_line_title(lines: list[str]) -> str | None:
    """The first short line that is not a red head, 文号, date or salutation."""
    from tracker.drafting.text import is_noise

    for line in lines[:5]:
        if (
            6 <= len(line) <= 60
            and not is_noise(line)
            and not DOC_NUMBER.search(line)
            and not DATE.search(line)
            and not re.search(r"[：:。]", line)
        ):
            return line
    return None


def find_header(lines: list[str]) -> Header:
    head = lines[:80]
    joined = "\n".join(head)
    header = Header()
    number = DOC_NUMBER.search(joined)
    if number:
        header.doc_number = re.sub(r"\s+", "", number.group(1))
    notice = TITLE_IN_NOTICE.search("".join(head))
    about = _about_title(head[: _first_heading(head)])
    handed = next((m for line in head[: _first_heading(head)] if (m := HANDED_OVER.match(line))), None)
    if notice:
        header.title = notice.group(1).strip("《》“” ")
    elif handed and not about:
        header.title = handed.group(1)
    elif about:
        header.title = about
    else:
        # a 《》 quote names the plan only on a line of its own, not cited inside a sentence
        quoted = next(
            (
                q
                for line in head
                if (q := QUOTED.search(line)) and line.startswith("《") and len(q.group(0)) >= 0.8 * len(line)
            ),
            None,
        )
        if quoted:
            header.title = quoted.group(1)
        else:
            for line in head[: _first_heading(head)]:
                # “督 办 通 知 单”: a short title the page spaced out letter by letter
                spaced = re.fullmatch(r"[\u4e00-\u9fa5](?:[\s\u3000]+[\u4e00-\u9fa5]){2,11}", line.strip())
                line = re.sub(r"[\s\u3000]+", "", line) if spaced else line
                if (
                    (6 <= len(line) <= 60 or (spaced and len(line) >= 3))
                    and not BOX.match(line)
                    and not line.rstrip().endswith(("：", ":"))  # the 主送 line, never the title
                    and not re.search(r"[。，,？?！!]", line)  # a sentence or a question is not a title
                    and re.search(
                        r"(方案|规划|计划|意见|办法|清单|要点|分工|分解|任务表|细则|工作安排|督办单|通知单|"
                        r"催办单|通报|督办|催办)",
                        line,
                    )
                ):
                    header.title = line
                    break
    if header.title is None:
        header.title = _first_line_title(head[: _first_heading(head)])
        header.title_guessed = header.title is not None
    if header.title and header.title.count("《") != header.title.count("》"):
        # “关于印发《X》分工方案的通知” → “X分工方案”: the quote marks around the plan's name go
        header.title = header.title.replace("《", "").replace("》", "")
    if header.title:
        header.title = re.sub(r"(?<=[\u4e00-\u9fa5”）])\s+(?=[\u4e00-\u9fa5“（])", "", header.title)
    iso = ISO_DATE.search(joined) or DOTTED_DATE.search(joined)
    when = iso or DATE.search(joined) or DATE.search(_arabic_dates(joined))
    if when:
        try:
            if when.re is DOTTED_DATE:  # 13.03.2015: day, month, year
                header.issued_on = date(int(when.group(3)), int(when.group(2)), int(when.group(1)))
            else:
                header.issued_on = date(int(when.group(1)), int(when.group(2)), int(when.group(3)))
        except ValueError:
            header.issued_on = None
    # the issuer signs on the line(s) just above a date line standing alone
    for index, line in enumerate(head):
        if DATE.fullmatch(line.strip()):
            names: list[str] = []
            for back in range(index - 1, max(-1, index - 4), -1):
                candidate = head[back].strip()
                if candidate and ORG_END.search(candidate) and len(candidate) <= 60:
                    names[:0] = candidate.split()
                elif names:
                    break
            if names:
                header.issuer = "、".join(names)
                break
    # a 目标责任书 is signed by 甲方 (who sets the goals) and 乙方 (who answers for them)
    parties = {m.group(1): m.group(2) for m in PARTY.finditer(joined)}
    if "乙" in parties:
        header.party = parties["乙"]
        if "甲" in parties:
            header.issuer = parties["甲"]
    if header.issuer is None:
        issued = re.search(r"发布机构\s*[:：]?\s*\n?\s*([\u4e00-\u9fa5]{4,40})", joined)
        if issued:
            header.issuer = issued.group(1)
    if header.issuer is None:
        # “某市人民政府办公室关于印发……的通知”: the notice names who sends it before 关于
        sender = next((m for line in head[:6] if (m := NOTICE_SENDER.match(line.strip()))), None)
        from tracker.drafting.units import looks_like_unit as _is_body

        if sender and _is_body(sender.group(1)):
            header.issuer = sender.group(1)
    if header.issuer is None and header.title:
        # “市甲局、乙管委会2031年工作要点”: bodies opening the title before its year issue it
        from tracker.drafting.units import BARE_PLACE_NAME, looks_like_unit, split_units

        opening = TITLE_ISSUER.match(header.title) or PLEDGE_TITLE.match(header.title)
        names = split_units(opening.group(1)) if opening else []
        # a place alone (“某市2031年工作要点”) says where the plan holds, not who issues it
        if names and all(looks_like_unit(n) and len(n) >= 3 and not BARE_PLACE_NAME.match(n) for n in names):
            header.issuer = "、".join(names)
    if header.issuer is None:
        # “（来源：磐安县科技局）”, “来源：华容县文旅广电局 2021-03-22”: the body a page says it comes from
        from tracker.drafting.units import looks_like_unit as _a_body

        source = next((m for line in lines if (m := SOURCE_LINE.search(line))), None)
        if source and _a_body(source.group(1)) and not source.group(1).endswith(("网", "网站", "报", "台")):
            header.issuer = source.group(1)
    text = QUOTE_SPAN.sub("", " ".join(lines[:200]))  # a cited plan's span is not this plan's
    # a span printed in the body is the plan's own only when the title names no year: in “某市2027年
    # 科技工作要点” the “（2026—2030年）” of an item is another plan's, reviewed this year
    titled_year = re.search(r"(?:19|20)\d\d\s*年", header.title or "") is not None
    before_items = QUOTE_SPAN.sub("", " ".join(lines[: _first_heading(lines)]))  # before the first item
    span = SPAN.search(header.title or "") or SPAN.search(before_items)
    if span is None and not titled_year:
        # in the items, a span right after a plan's name (“三年实施方案（2020-2022年）”) is that plan's
        span = next((m for m in SPAN.finditer(text) if not CITED_PLAN_END.search(text[: m.start()])), None)
    if span:
        header.period = (int(span.group(1)), int(span.group(2)))
    else:
        for words, years in FIVE_YEAR.items():
            if words in (header.title or ""):
                header.period = years
                break
    stated = PERIOD_STATED.search(QUOTE_SPAN.sub("", text))
    if header.period is None and stated:  # “规划年限为2021年至2025年”
        header.period = (int(stated.group(1)), int(stated.group(2)))
    running = YEARS_FROM.search(QUOTE_SPAN.sub("", before_items + " " + text[:3000]))
    if header.period is None and running:  # “2012年起5年内”: 2012—2016
        count = "一二三四五六七八九十".find(running.group(2)) + 1 or int(running.group(2))
        header.period = (int(running.group(1)), int(running.group(1)) + count - 1)
        header.within_from = int(running.group(1)) - 1
    if header.period is None and header.title:
        ranged = re.search(r"(20\d\d)\s*年?\s*[—\-–~～至到]+\s*(20\d\d)\s*年", header.title)
        title_years: list[int] = sorted({int(y) for y in re.findall(r"(20\d\d)\s*年", header.title)})
        if ranged:
            title_years = [int(ranged.group(1)), int(ranged.group(2))]
        if title_years:  # “2024年工作要点”: the plan's own year
            header.period = (title_years[0], title_years[-1])
    if header.period is None:
        until = [int(y) for y in re.findall(r"(?:到|至)\s*(20\d\d)\s*年", "\n".join(lines))]
        start = header.issued_on.year if header.issued_on else None
        if start is None and number:  # no date printed: the 文号's year 〔2020〕 is the year of issue
            start = int(re.search(r"(?:19|20)\d\d", number.group(1)).group())  # type: ignore[union-attr]
        if until and start:
            # “至2025年……至2035年……”: a goal ten years or more off is the vision, not the plan's end
            near = [y for y in until if y - start < VISION_YEARS]
            header.period = (start, max([start, *(near or until)]))
        elif start:
            header.period = (start, start)
        elif until:  # no date printed: the goals' own years (“到2026年”)
            header.period = (min(until), max(until))
    opening = next((m for line in lines[:5] if (m := OPENING_YEAR.match(line))), None)
    if header.period is None and opening:
        # “2016年是……开局之年”: an annual plan opens by naming its year
        header.period = (int(opening.group(1)), int(opening.group(1)))
        header.period_guessed = True
        header.period_basis = f"正文开头所说的{header.period[0]}年"
    nth = NTH_FIVE_YEAR.search(" ".join(lines[:200]))
    if header.period is None and nth:
        # a text that only carries out a five-year plan (“落实第十一个五年规划纲要”) runs with it
        from tracker.drafting.outline import number_of

        ordinal = number_of(nth.group(1)) or 0
        if ordinal >= 3:  # the third began in 1966, after three years of adjustment
            header.period = (1966 + 5 * (ordinal - 3), 1970 + 5 * (ordinal - 3))
            header.period_guessed = True
            header.period_basis = (
                f"正文所落实的“{nth.group(0)}”规划（{header.period[0]}—{header.period[1]}年）"
            )
    page_date = PAGE_DATE.search(joined)
    if header.period is None and page_date:
        # only the page that carries it is dated (“发表时间：2018-4-17”): a plan of that year
        header.period = (int(page_date.group(1)), int(page_date.group(1)))
        header.period_guessed = True
        header.period_basis = f"页面的发布日期（{header.period[0]}年）"
    if header.period is None:
        # nothing dates the plan: a report on one year's work names that year throughout
        named = Counter(
            int(y) for y in re.findall(r"((?:19|20)\d\d)\s*年", QUOTE_SPAN.sub("", "\n".join(lines)))
        )
        if named:
            year, count = named.most_common(1)[0]
            if count < 2:
                # every year named once (“从2016年开始……2018年，我们继续制定”): the latest is the
                # plan's; what came before is its history
                year = max(named)
            header.period = (year, year)
            header.period_guessed = True
    return header


FILE_NAME_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


def year_of_file_name(name: str | None) -> int | None:
    """The one year a file's name holds (“2019年文旅工作任务.docx”), or None for none or several.

    A table sent alone (no title, no date, no 文号) is often dated only by the name the office
    gave the file; it is the plan's year when the text names no other.
    """
    if not name:
        return None
    years = {int(y) for y in FILE_NAME_YEAR.findall(Path(name).stem)}
    return years.pop() if len(years) == 1 else None
