"""Reading rules of session 14, each found on a document of session 13's unseen sets.

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

from datetime import date

from draft_helpers import leaves, table_of, units_of
from hypothesis import given
from hypothesis import strategies as st

from tracker.drafting.cells import Table
from tracker.drafting.draft import draft_blocks
from tracker.drafting.header import year_of_file_name
from tracker.drafting.label_table import label_table_lines
from tracker.drafting.units import split_units
from tracker.importers.columns import field_of_header


def test_a_role_word_before_an_offices_kind_names_a_unit_column() -> None:
    assert field_of_header("责任股室\n（单位）") == "responsible"
    assert field_of_header("牵头股室") == "lead"
    assert field_of_header("配合科") == "support"
    assert field_of_header("责任站所") == "responsible"
    # a person is never a unit column, and words about the work name no column
    assert field_of_header("责任人") is None
    assert field_of_header("责任分工") is None


def test_a_sentence_in_a_cell_is_no_header_however_many_header_words_it_holds() -> None:
    assert field_of_header("完成包扶村年度任务。") is None
    assert field_of_header("重点任务") == "title"


def test_a_table_sent_alone_takes_its_year_from_the_files_name() -> None:
    table = table_of(
        ["序号", "指标", "工作任务", "完成时限", "责任领导", "责任股室（单位）"],
        [
            ["1", "公共文化", "全年开展惠民演出不少于80场。", "12月底前", "张三", "文化股\n文化馆"],
            ["2", "旅游", "新建旅游厕所5座。", "6月底", "李四", "旅游股"],
            ["3", "帮扶", "完成包扶村年度任务。", "10月底前", "王五", "各股室、局属单位"],
        ],
    )
    draft = draft_blocks([table], "2031年文旅工作任务表.docx")
    tasks = leaves(draft.plan)
    assert [units_of(t) for t in tasks] == [
        [("文化股", "responsible"), ("文化馆", "responsible")],
        [("旅游股", "responsible")],
        [("各股室", "responsible"), ("局属单位", "responsible")],
    ]
    assert [t.deadline for t in tasks] == [date(2031, 12, 31), date(2031, 6, 30), date(2031, 10, 31)]
    assert [t.year for m in tasks[0].metrics for t in m.targets] == [2031]
    assert any("文件名中的2031年" in w for w in draft.warnings)


def test_a_file_name_dates_the_plan_only_with_one_year_and_only_when_the_text_does_not() -> None:
    assert year_of_file_name("2031年文旅工作任务表.docx") == 2031
    assert year_of_file_name("D:/资料 2030/任务表.docx") is None  # a folder's year is not the file's
    assert year_of_file_name("2029-2031年任务表.docx") is None
    assert year_of_file_name("任务表20310.docx") is None
    assert year_of_file_name(None) is None
    table = table_of(
        ["序号", "工作任务", "完成时限", "责任单位"], [["1", "建设平台。", "12月底前", "市科技局"]]
    )
    dated = draft_blocks(["2030年科技工作任务", table], "2031年任务表.docx")
    assert dated.plan.period is not None and dated.plan.period.start == 2030


def test_a_sentence_opening_with_an_office_of_the_body_is_that_offices_task() -> None:
    tasks = leaves(
        draft_blocks(
            [
                "成员单位职责",
                "市委宣传部：负责宣传社区建设方针政策。文明处负责组织文明社区创建；指导文体活动。",
                "市民政局：社区处负责开展社区建设政策研究。福利科负责养老服务设施建设。",
                "市公安局：负责社区警务工作。督促派出所负责辖区治安巡逻。",
            ],
            "制度.txt",
        ).plan
    )
    assert [units_of(t) for t in tasks] == [
        [("市委宣传部", "responsible")],
        [("文明处", "responsible")],
        [("社区处", "responsible")],
        [("福利科", "responsible")],
        [("市公安局", "responsible")],
    ]
    assert tasks[1].title.startswith("文明处负责组织文明社区创建")


def test_an_office_and_its_officer_under_one_label_give_the_office() -> None:
    tasks = leaves(
        draft_blocks(
            [
                "二、任务与措施",
                "（一）提升服务能力。",
                "制定作风建设实施细则。",
                "责任领导：张三",
                "处室责任人：机关党委 李 四、综合处 王五",
                "责任人：赵六",
                "（二）保障项目资金。",
                "统筹调集项目资金4亿元。",
                "处室责任人：预算处 钱七",
            ],
            "方案.txt",
        ).plan
    )
    assert [units_of(t) for t in tasks] == [
        [("机关党委", "responsible"), ("综合处", "responsible")],
        [("预算处", "responsible")],
    ]


def test_an_ordinal_on_a_line_of_its_own_names_the_piece_below_it() -> None:
    tasks = leaves(
        draft_blocks(
            [
                "（二）保障项目资金。",
                "确保完成年度收入任务，具体措施如下。",
                "一是保障产业培育",
                "围绕特色产业项目，安排建设资金2亿元。",
                "责任单位：税金处",
                "二是保障征地拆迁",
                "统筹调集征地拆迁资金4亿元。",
                "责任单位：经建处",
            ],
            "方案.txt",
        ).plan
    )
    assert [(t.code, t.title, units_of(t)) for t in tasks] == [
        ("一是", "保障产业培育", [("税金处", "responsible")]),
        ("二是", "保障征地拆迁", [("经建处", "responsible")]),
    ]


def test_a_form_of_labels_and_values_gives_its_units_to_every_item_it_lists() -> None:
    form = table_of(
        ["专项名称", "网络市场专项行动"],
        [
            ["分管领导", "张三"],
            ["牵头单位", "市场规范处、药械处、"],
            ["配合单位", "法规处、稽查支队、各分局"],
            [
                "工作任务\n工作任务",
                "（一）督促平台开展登记备案。\n（二）落实企业主体责任。\n加强自查和报告。",
            ],
            ["时间安排", "（一）动员部署阶段（8月）。各单位认真部署。\n（二）总结提高阶段（11月底）。"],
            ["工作要求", "（一）强化组织领导。\n（二）形成监管合力。"],
        ],
    )
    tasks = leaves(draft_blocks(["2031年网络市场专项行动实施方案", form], "方案.docx").plan)
    units = [
        ("市场规范处", "lead"),
        ("药械处", "lead"),
        ("法规处", "support"),
        ("稽查支队", "support"),
        ("各分局", "support"),
    ]
    assert [t.title for t in tasks] == [
        "督促平台开展登记备案",
        "落实企业主体责任",
        "动员部署阶段（8月）",
        "总结提高阶段（11月底）",
    ]
    assert all(units_of(t) == units for t in tasks)
    assert [t.deadline for t in tasks[2:]] == [date(2031, 8, 31), date(2031, 11, 30)]


@given(st.lists(st.tuples(st.text(max_size=12), st.text(max_size=60)), min_size=0, max_size=8))
def test_any_two_column_table_is_read_or_left_without_error(rows: list[tuple[str, str]]) -> None:
    table = Table(rows=len(rows), cols=2)
    for r, (label, value) in enumerate(rows, start=1):
        table.cells[(r, 1)], table.cells[(r, 2)] = label, value
    lines = label_table_lines(table)
    assert lines is None or all(isinstance(line, str) for line in lines)


def test_a_body_an_items_sentence_sets_to_work_does_not_stop_the_runs_closing_units() -> None:
    tasks = leaves(
        draft_blocks(
            [
                "四、优化管理办法",
                "（一）实行统一管理。",
                "1.统一人力资源管理。制定人员管理办法。",
                "2.统一绩效考核管理。由片区中心卫生院组织统一绩效考核。",
                "3.统一信息化建设管理。推进信息互通。",
                "责任单位：局办公室、医政处",
            ],
            "方案.txt",
        ).plan
    )
    assert [units_of(t) for t in tasks] == [[("局办公室", "responsible"), ("医政处", "responsible")]] * 3


def test_a_government_with_no_place_of_its_own_after_a_party_committee_is_one_group() -> None:
    assert split_units("区社会事业局、各乡镇党委和人民政府") == ["区社会事业局", "各乡镇党委和人民政府"]
    assert split_units("市委和市政府") == ["市委", "市政府"]  # each names its own place


def test_a_mark_before_a_name_in_a_unit_cell_is_the_lead_not_a_bullet() -> None:
    table = table_of(
        ["序号", "主要工作", "责任单位"],
        [
            ["1", "生产总值增长7%左右", "▲发改局，各部门"],
            ["2", "研发投入强度3%以上", "▲科技局，各镇乡（街道）"],
        ],
    )
    tasks = leaves(draft_blocks(["2031年重点工作责任清单", table], "清单.docx").plan)
    assert [units_of(t) for t in tasks] == [
        [("发改局", "lead"), ("各部门", "support")],
        [("科技局", "lead"), ("各镇乡（街道）", "support")],
    ]


def test_a_label_of_bodies_working_with_the_lead_names_support() -> None:
    tasks = _tasks_of(
        ["1.创建国家卫生县城。", "牵头责任单位：县卫健委", "主要协作单位：各乡镇人民政府、县直有关部门"]
    )
    assert units_of(tasks[0]) == [
        ("县卫健委", "lead"),
        ("各乡镇人民政府", "support"),
        ("县直有关部门", "support"),
    ]


def _tasks_of(lines: list[str]) -> list:
    return leaves(draft_blocks(lines, "方案.txt").plan)


def test_top_level_items_opening_with_the_bodies_that_help_answer_to_them() -> None:
    tasks = _tasks_of(
        [
            "生态红线调整工作分工方案",
            "一、由区规划局牵头，建立联席会议制度。",
            "二、区国土局配合区规划局对水源保护区界线进行确认。",
            "三、区农发局林业办、国有林场配合区规划局对林地界线进行确认。",
            "四、各片区指挥部负责辖区核对工作。",
        ]
    )
    assert [units_of(t) for t in tasks] == [
        [("区规划局", "lead")],
        [("区国土局", "responsible")],
        [("区农发局林业办", "responsible"), ("国有林场", "responsible")],
        [("各片区指挥部", "responsible")],
    ]


def test_a_numbered_stage_with_a_colon_is_an_item_due_when_its_dates_end() -> None:
    tasks = _tasks_of(
        [
            "四、工作步骤",
            "第一阶段：自查摸底阶段（2031年7月15日至11月2日）",
            "各乡镇人民政府开展摸底排查。",
            "第二阶段：整治阶段（2031年11月3日至2032年3月30日）",
            "各相关单位落实整治。",
        ]
    )
    assert [(t.code, t.deadline) for t in tasks] == [
        ("第一阶段", date(2031, 11, 2)),
        ("第二阶段", date(2032, 3, 30)),
    ]
