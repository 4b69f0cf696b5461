"""The 禁则 line breaker: each rule on its own, then every seeded title at many widths."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from tracker.reports.fonts import HEI, SONG, register_fonts
from tracker.reports.linebreak import CANNOT_END, CANNOT_START, Measure, break_lines, pieces, tidy


def em(words: str) -> float:
    """A simple measure: a Chinese character 10 points, anything narrower 5."""
    return sum(10.0 if ord(c) > 0x2000 else 5.0 for c in words)


def test_closing_marks_stay_on_the_line_before_and_opening_marks_on_the_line_after() -> None:
    # 8 characters a line: greedy breaking would put “，” at the start of line 2
    assert break_lines("一二三四五六七八，九十", em, 80) == ["一二三四五六七", "八，九十"]
    assert break_lines("一二三四五六七《方案》", em, 80) == ["一二三四五六七", "《方案》"]
    assert break_lines("一二三四五六（七）八九", em, 80) == ["一二三四五六", "（七）八九"]
    assert pieces("比），“好”。") == ["比），", "“好”。"]


def test_a_number_stays_with_its_unit_and_percent_sign() -> None:
    assert break_lines("一二三四五六七500亿元", em, 80) == ["一二三四五六七", "500亿元"]
    assert break_lines("一二三四五六七八增长10%", em, 80)[-1] == "增长10%"
    assert "500亿元" in pieces("完成500亿元投资") and "12.5%" in pieces("占12.5%")
    assert "2023年" in pieces("2023年6月")


def test_kept_words_are_not_cut_where_they_fit() -> None:
    assert break_lines("按照序时推进", em, 50) == ["按照", "序时推进"]
    assert break_lines("某某科技有限公司", em, 60, balance=True) == ["某某科技", "有限公司"]


def test_no_last_line_is_one_lone_character() -> None:
    title = "关于2023年第二季度重点任务推进情况的通报"
    for width in range(60, 420, 7):
        for balance in (False, True):
            lines = break_lines(title, em, width, balance=balance)
            assert len(lines) == 1 or len(lines[-1]) > 1, (width, balance, lines)
    lines = break_lines(title, em, 190, balance=True)
    widths = [em(line) for line in lines]
    assert len(lines) == 2 and max(widths) - min(widths) <= 20  # balanced, not 19 + 1


def test_nothing_is_wider_than_the_line_and_nothing_is_lost() -> None:
    long_number = "1234567890123456789"
    lines = break_lines(f"编号{long_number}号", em, 40)
    assert all(em(line) <= 40 for line in lines)
    assert "".join(lines) == f"编号{long_number}号"


def test_spaces_between_chinese_and_numbers_go() -> None:
    assert tidy("滞后序时进度 38 个百分点，完成 10 %") == "滞后序时进度38个百分点，完成10%"
    assert tidy("第 3 季度 Q3 报告") == "第3季度Q3报告"
    assert tidy("Word 文档") == "Word文档"
    assert tidy("a b") == "a b"


def test_first_line_indent_and_forced_breaks() -> None:
    lines = break_lines("一二三四五六七八九十\n甲乙", em, 80, first_indent=20)
    assert lines[0] == "一二三四五六" and lines[-1] == "甲乙"


@pytest.mark.parametrize("font, size", [(SONG, 10.5), (HEI, 22), (SONG, 16)])
def test_every_seeded_title_at_many_widths(seeded_titles: list[str], font: str, size: float) -> None:
    register_fonts()

    def measure(words: str) -> float:
        return stringWidth(words, font, size)

    checked = 0
    for title in seeded_titles:
        for chars in (3, 5, 8, 13, 21, 28):
            width = chars * size
            for balance in (False, True):
                lines = break_lines(title, measure, width, balance=balance)
                assert "".join(lines).replace(" ", "") == tidy(title).replace(" ", "")
                for line in lines:
                    assert measure(line) <= width + 0.01 or len(line) == 1, (title, width, line)
                    assert line[:1] not in CANNOT_START or len(lines) == 1, (title, lines)
                    assert line[-1:] not in CANNOT_END, (title, lines)
                if len(lines) > 1 and chars >= 5:
                    assert sum(c not in CANNOT_START + CANNOT_END for c in lines[-1]) > 1, (title, lines)
                checked += 1
    assert checked > 1000


@pytest.fixture
def seeded_titles(seeded: object) -> list[str]:
    from sqlalchemy import select

    from tracker.db import models as m

    with seeded.reading() as session:  # type: ignore[attr-defined]
        titles = session.scalars(select(m.Task.title)).all()
        units = session.scalars(select(m.Unit.name)).all()
    return [t for t in titles if t][:120] + [u for u in units if u][:40]


TITLE_WIDTH = 156 * 72 / 25.4  # the 通报 title's line: the 156 mm text block
THE_14TH = "《温岭市科技创新发展“十四五”规划》"


def _song(size: float) -> Measure:
    register_fonts()
    return lambda words: stringWidth(words, SONG, size)


def test_a_title_never_breaks_inside_quotes_or_a_book_title_that_fits() -> None:
    # It used to print “关于2023年《温岭市科技创新发展“十” / “四五”规划》重点任务推进情况的通报”.
    title = f"关于2023年{THE_14TH}重点任务推进情况的通报"
    lines = break_lines(title, _song(22), TITLE_WIDTH, balance=True, phrases=True)
    assert lines == ["关于2023年", THE_14TH, "重点任务推进情况的通报"]
    lines = break_lines(
        f"关于2023年第二季度温岭市科学技术局{THE_14TH}重点任务推进情况的通报",
        _song(22),
        TITLE_WIDTH,
        balance=True,
        phrases=True,
    )
    assert THE_14TH in lines


def test_a_book_title_longer_than_a_line_breaks_between_its_phrases() -> None:
    title = "关于2023年《温州市大力实施科技创新“八大抓手” 全面融入省“315”科技创新体系实施方案（2023—2027年）》重点任务推进情况的通报"
    lines = break_lines(title, _song(22), TITLE_WIDTH, balance=True, phrases=True)
    assert "".join(lines).replace(" ", "") == tidy(title).replace(" ", "")
    for line in lines:
        for opener, closer in (("“", "”"), ("（", "）")):
            assert line.count(opener) == line.count(closer), lines
    assert len(lines[-1]) > 1


def test_a_title_keeps_the_unit_in_scope_whole() -> None:
    measure = _song(22)
    unit = "温岭市科学技术局"
    title = (
        f"关于2023年第二季度{unit}承担的《加速产业链、创新链、人才链融合助推生态产业跨越式"
        "高质量发展行动方案》重点任务推进情况的通报"
    )
    lines = break_lines(title, measure, TITLE_WIDTH, balance=True, phrases=True, keep=(unit,))
    assert any(unit in line for line in lines), lines  # it printed “温岭市科学技术/局”
    # a name longer than the line is cut like any text; the title stays balanced and short
    long = "中共丽水市委人才科技工作领导小组科技工作办公室"
    lines = break_lines(
        title.replace(unit, long), measure, TITLE_WIDTH, balance=True, phrases=True, keep=(long,)
    )
    assert len(lines) <= 5 and all(measure(line) <= TITLE_WIDTH for line in lines), lines
    assert "".join(lines) == title.replace(unit, long) and len(lines[-1]) > 1


@pytest.mark.parametrize("size", [22, 16])
def test_every_seeded_plan_title_as_a_bulletin_title(seeded_plan_titles: list[str], size: float) -> None:
    """Each plan's 通报 title, by period and scope, at many widths: quotes whole, fitting 书名号
    whole, no lone last character, nothing lost, nothing past the line."""
    measure = _song(size)
    checked = 0
    for plan in seeded_plan_titles:
        for period in ("2023年", "2023年上半年", "2023年第二季度"):
            for unit in ("", "温岭市科学技术局"):
                title = f"关于{period}{unit}《{plan}》重点任务推进情况的通报"
                for chars in (10, 14, 20, 26, 32):
                    width = chars * size
                    lines = break_lines(title, measure, width, balance=True, phrases=True)
                    assert "".join(lines).replace(" ", "") == tidy(title).replace(" ", "")
                    book = f"《{plan}》"
                    if measure(tidy(book)) <= width:
                        assert any(tidy(book) in line for line in lines), (width, lines)
                    for line in lines:
                        assert measure(line) <= width + 0.01, (width, line)
                        assert line.count("“") == line.count("”"), (width, lines)
                        assert line[:1] not in CANNOT_START and line[-1:] not in CANNOT_END, lines
                    assert len(lines) == 1 or len(lines[-1]) > 1, lines
                    checked += 1
    assert checked >= 5 * 3 * 2 * 5


@pytest.fixture
def seeded_plan_titles(seeded: object) -> list[str]:
    from sqlalchemy import select

    from tracker.db import models as m

    with seeded.reading() as session:  # type: ignore[attr-defined]
        return [t for t in session.scalars(select(m.Plan.title)).all() if t]
