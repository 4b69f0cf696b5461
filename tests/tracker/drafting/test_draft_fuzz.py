"""Fuzzing the drafter: documents from outside are read as an attacker would write them.

Hypothesis takes small task-division documents of the shapes offices send (a bracketed list, a
table flattened to text, label lines, a Word table) and breaks them: spans cut out, lines
repeated or swapped, hostile fragments put in (unclosed brackets, bars, labels with nothing after
them, control characters, numbers beyond any real amount, a header printed again and again),
bytes of a .docx overwritten. The real command line drafts each one. The promise checked every
time: exit 0 or 2, never anything else; on 2 a message that starts with “错误：” and no plan file
written; on 0 the plan file written is one `import-plan` would accept.

Bounded in CI by the `ci` profile of test_fuzz.py's settings; `HYPOTHESIS_PROFILE=long` runs more.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tracker.cli import main
from tracker.drafting import draft_file
from tracker.errors import BadInput
from tracker.planfile import load_plan_file

_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
settings.register_profile("draft-ci", max_examples=40, **_COMMON)  # type: ignore[arg-type]
settings.register_profile("draft-long", max_examples=1000, **_COMMON)  # type: ignore[arg-type]
PROFILE = settings.get_profile("draft-long" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "draft-ci")

DOCUMENTS = [
    """某县科学技术局关于印发2031年科技工作要点的通知
县科技局各股室：
一、强化企业创新主体地位
1.新增高新技术企业20家以上。（县科技局牵头，县财政局、县税务局配合，12月底前完成）
2.推动规上工业企业研发活动全覆盖。（县经信局、县科技局负责）
二、加快成果转化
3.技术合同成交额达到5亿元。（牵头单位：县科技局；配合单位：各乡镇人民政府）
某县科学技术局
2031年2月1日
""",
    """2031年重点任务分解表
序号
重点任务
牵头单位
配合单位
完成时限
1
建设科技企业孵化器2家
县科技局
县发改局
县财政局
2031年12月底
2
举办创新创业大赛
县科技局
团县委
2031年9月底
""",
    """市政府工作报告重点工作任务分工
1.全社会研发投入增长12%。
牵头单位：市科技局
配合单位：市统计局、市财政局
完成时限：2031年12月
2.新建院士工作站3家。
责任单位：市科协
""",
    "序号\t工作任务\t责任单位\t完成时限\n1\t新增省级研发中心10家\t区科技局\t2031年底\n2\t培育瞪羚企业5家\t区发改局、区科技局\t长期坚持\n",
    # session 8's shapes: duty sentences and paragraphs, lists of wrongs, a working group's task
    """关于加强科技创新平台管理的实施方案
一、职能划分。区科技局负责平台认定。区财政局负责资金保障。各街道负责日常巡查。
二、加强档案管理。由区科技局负责，建立平台档案。
三、职责分工
区科技局负责组织评估；
负责汇总意见；
区市场监管局负责提供登记信息。
四、整治内容
（一）重点针对以下问题：
1.虚报研发投入的。
2.重复申报项目的。
五、组织机构
1、平台、孵化器管理工作小组
组 长：张某
主要任务是负责平台日常管理。
——2031年，在2030年工作的基础上，新增平台10家；落实三年行动方案（2031-2033年）。
各项任务中排位靠前的责任单位为牵头单位。相关联合党委及村居配合。
""",
]

FRAGMENTS = [
    "（",
    "）",
    "（（（（",
    "|",
    "｜",
    "\t",
    "牵头单位：",
    "配合单位：；",
    "责任单位：县",
    "完成时限：",
    "序号\n重点任务\n责任单位\n完成时限\n",
    "一、",
    "（一）",
    "1.",
    "999、",
    "第1项：",
    "\x00",
    "\x0b",
    "\u202e",
    "𠀀𠀁",
    "1e309%",
    "99999999999999999999亿元",
    "到2031年，",
    "到9999年，",
    "列第一位的为牵头单位",
    "“",
    "”负责的“",
    "分别达到",
    "均达到45%",
    "等和",
    "\n\n\n",
    '序号,重点任务,牵头单位,完成时限\n1,"',
    ",,,",
    "重点针对以下问题：",
    "凡存在以下情形的，",
    "区科技局负责",
    "主要任务是负责",
    "职责分工\n",
    "及其所辖",
    "（详见附件1）",
    "（2031-2033年）",
    "——2031年，",
    "排位靠前的责任单位为牵头单位",
]


@st.composite
def mutated_text(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(DOCUMENTS))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["insert", "cut", "repeat", "swap", "text"]))
        at = draw(st.integers(0, len(text)))
        if kind == "insert":
            fragment = draw(st.sampled_from(FRAGMENTS))
            text = text[:at] + fragment * draw(st.integers(1, 40)) + text[at:]
        elif kind == "cut":
            text = text[:at] + text[at + draw(st.integers(1, 80)) :]
        elif kind == "text":
            text = text[:at] + draw(st.text(max_size=40)) + text[at:]
        else:
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            if kind == "repeat":
                lines[i:i] = [lines[j]] * draw(st.integers(1, 30))
            else:
                lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return text


def drafts_or_refuses(source: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    status = main(["--db", str(out.parent / "台账.sqlite3"), "draft", str(source), "--out", str(out)])
    event(f"exit {status}")
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert status in (0, 2), err
    if status == 2:
        assert err.startswith("错误："), err
        assert not out.exists(), "a refused document left a plan file behind"
    else:
        load_plan_file(out)  # raises on anything import-plan would refuse


@PROFILE
@given(text=mutated_text(), encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_mutated_text_documents_draft_or_are_refused(
    tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str], text: str, encoding: str
) -> None:
    folder = tmp_path_factory.mktemp("草稿 文件夹")
    source = folder / "分工 方案.txt"
    try:
        source.write_bytes(text.encode(encoding))
    except UnicodeEncodeError:
        source.write_bytes(text.encode("utf-8", "surrogatepass"))
    drafts_or_refuses(source, folder / "方案.json", capsys)


def _docx_bytes() -> bytes:
    document = docx.Document()
    document.add_paragraph("某区2031年科技创新重点任务分工")
    table = document.add_table(rows=3, cols=4)
    for r, row in enumerate(
        [
            ["序号", "重点任务", "牵头单位", "配合单位"],
            ["1", "新增高新技术企业30家", "区科技局", "区财政局\n区税务局"],
            ["2", "建设中试基地1个", "区经信局", "区科技局"],
        ]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(2, 0))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


DOCX = _docx_bytes()


@PROFILE
@given(
    edits=st.lists(st.tuples(st.integers(0, len(DOCX) - 1), st.binary(min_size=1, max_size=16)), max_size=4),
    xml=st.one_of(
        st.none(), st.sampled_from(["<w:p>", "</w:tbl>", '<w:gridSpan w:val="99999"/>', "\x00", "&"])
    ),
)
def test_mutated_word_documents_draft_or_are_refused(
    tmp_path_factory: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    edits: list[tuple[int, bytes]],
    xml: str | None,
) -> None:
    data = DOCX
    if xml is not None:  # a well-formed zip whose document part is broken or odd
        with zipfile.ZipFile(io.BytesIO(DOCX)) as original:
            parts = {name: original.read(name) for name in original.namelist()}
        body = parts["word/document.xml"].decode("utf-8")
        at = body.find("<w:tc>") if "gridSpan" in xml else len(body) // 2
        parts["word/document.xml"] = (body[:at] + xml + body[at:]).encode("utf-8")
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as rebuilt:
            for name, content in parts.items():
                rebuilt.writestr(name, content)
        data = buffer.getvalue()
    for at, chunk in edits:  # bytes overwritten anywhere: the zip itself may break
        data = data[:at] + chunk + data[at + len(chunk) :]
    folder = tmp_path_factory.mktemp("草稿 文件夹")
    source = folder / "任务 分工.docx"
    source.write_bytes(data)
    drafts_or_refuses(source, folder / "方案.json", capsys)


def test_a_word_file_whose_compressed_text_is_damaged_is_refused_by_name(tmp_path: Path) -> None:
    """A damaged deflate stream raised zlib.error past every check (found by the fuzzer above)."""
    with zipfile.ZipFile(io.BytesIO(DOCX)) as archive:
        info = archive.getinfo("word/document.xml")
    data = bytearray(DOCX)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start + 2 : start + 40] = bytes(38)  # zeros inside the compressed stream
    source = tmp_path / "损坏 的分工.docx"
    source.write_bytes(bytes(data))
    with pytest.raises(BadInput, match=r"损坏 的分工\.docx"):
        draft_file(source)


def test_a_comma_separated_line_the_csv_reader_refuses_is_no_crash() -> None:
    """A quoted cell past the csv module's size limit raised _csv.Error past every check."""
    from tracker.drafting import draft_text

    text = '序号,重点任务,牵头单位,完成时限\n1,"' + "某" * 200_000 + '",县科技局,2033年\n'
    with pytest.raises(BadInput, match="没有找到任务"):
        draft_text(text, "任务表.csv")
