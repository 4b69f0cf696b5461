"""Reading rules of session 20, each found on a document of session 19's unseen sets.

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

from draft_helpers import leaves, units_of

from tracker.drafting.draft import draft_text


def test_an_appendix_of_bracketed_items_replaces_a_body_that_only_says_how_it_is_scored() -> None:
    text = "\n".join(
        [
            "某市2022年数字政府建设考评办法",
            "一、考评对象",
            "各县区人民政府，参与建设工作的各部门。",
            "二、考评方式",
            "考评以日常监测、实地调研等方式进行，每半年考评一次。",
            "附件",
            "某市数字政府建设考评指标",
            "一、政务服务（25分）",
            "1．各级政务服务事项全部开通全程网办。（5月底完成，牵头考核单位：市审批服务局）",
            "2．升级政务热线平台，实现诉求智能归口。（6月底取得明显成效并持续推进，牵头考核单位：市政府办公室、市公安局）",
            "3．完善跨地区通办机制。（持续推进，牵头考核单位：市审批服务局）",
        ]
    )
    plan = draft_text(text, "考评.txt").plan
    assert [(t.code, units_of(t), t.deadline_text) for t in leaves(plan)] == [
        ("1", [("市审批服务局", "lead")], "5月底完成"),
        ("2", [("市政府办公室", "lead"), ("市公安局", "lead")], "6月底取得明显成效并持续推进"),
        ("3", [("市审批服务局", "lead")], "持续推进"),
    ]
    assert str(leaves(plan)[0].deadline) == "2022-05-31"


def test_words_of_when_opening_a_unit_bracket_are_the_deadline_not_a_unit() -> None:
    text = "\n".join(
        [
            "重点任务",
            "1.开展专项检查。（年底前完成，责任单位：区市场监管局）",
            "2.建立工作台账。（长期坚持，牵头单位：区商务局；配合单位：区财政局）",
        ]
    )
    plan = draft_text(text, "任务.txt").plan
    assert [(units_of(t), t.deadline_text) for t in leaves(plan)] == [
        ([("区市场监管局", "responsible")], "年底前完成"),
        ([("区商务局", "lead"), ("区财政局", "support")], "长期坚持"),
    ]


def test_a_bracket_opening_with_a_measure_is_no_deadline() -> None:
    """A guard: words that do not say when stay out of the deadline (passes without the rule)."""
    plan = draft_text("重点任务\n1.推进改造。（加快推进，责任单位：区住建局）", "任务.txt").plan
    (task,) = leaves(plan)
    assert units_of(task) == [("区住建局", "responsible")]
    assert task.deadline_text is None


def test_bodies_joined_by_yu_and_helpers_named_by_kind_only_in_a_closing_sentence() -> None:
    text = "\n".join(
        [
            "（二）规划编制",
            "1.城镇规划。提出城镇布局和用地规模。由市规划局与各县区政府牵头，有关部门参与，7月1日完成。",
            "2.交通规划。提出道路恢复方案。由市交通局、市水利局分别与各县区政府共同编制，有关部门参与，7月1日完成。",
            "3.财政政策。提出资金投入规模，包括捐款等，由市财政局负责，6月15日提出。",
        ]
    )
    plan = draft_text(text, "规划.txt").plan
    assert [(units_of(t), t.deadline_text) for t in leaves(plan)] == [
        ([("市规划局", "lead"), ("各县区政府", "lead")], "7月1日完成"),
        (
            [("市交通局", "responsible"), ("市水利局", "responsible"), ("各县区政府", "responsible")],
            "7月1日完成",
        ),
        ([("市财政局", "responsible")], "6月15日提出"),
    ]


def test_yu_inside_one_name_or_beside_he_keeps_the_names_whole() -> None:
    """A guard: 与 splits only where both halves are bodies and 和/及 did not already split."""
    text = "\n".join(
        [
            "重点任务",
            "1.开展渔船整治。（区农业农村局、海洋与渔业执法支队和各村负责）",
            "2.编制国土空间规划。（市自然资源与规划局负责）",
        ]
    )
    plan = draft_text(text, "任务.txt").plan
    assert [units_of(t) for t in leaves(plan)] == [
        [("区农业农村局", "responsible"), ("海洋与渔业执法支队", "responsible"), ("各村", "responsible")],
        [("市自然资源与规划局", "responsible")],
    ]


def test_a_run_of_offices_as_sentences_goes_on_past_the_sub_items_of_one_of_them() -> None:
    text = "\n".join(
        [
            "四、各单位按以下职能分工开展排查工作。",
            "（一）区房管局。负责定期召开排查工作例会。",
            "（二）区建交委。负责落实工程建设影响房屋的整改。",
            "（三）各街道办事处。负责辖区内房屋的排查，具体如下：",
            "1.甲街道办事处负责甲风貌区的排查。",
            "2.乙街道办事处负责乙风貌区的排查。",
            "（四）区房屋急修中心。负责对报修事件进行分类梳理。",
            "（五）区城投集团。负责对所管公房进行安全排查。",
        ]
    )
    plan = draft_text(text, "意见.txt").plan
    named = {t.code: units_of(t) for t in leaves(plan)}
    assert named["（四）"] == [("区房屋急修中心", "responsible")]
    assert named["（五）"] == [("区城投集团", "responsible")]


def test_a_clause_opening_with_its_grounds_names_no_body() -> None:
    text = "\n".join(
        [
            "三、重点任务",
            "（一）健全保障机制。市应急局要牵头建立物资保障联席会议制度。",
            "（二）拓展保障能力。依据工业和信息化部发布的应急产品目录，做好物资协调供应。各区要做实协议储备。",
            "（三）强化信息化赋能。市发展改革委、市应急局要加快建设信息平台，归集汇聚各区物资数据。",
        ]
    )
    plan = draft_text(text, "意见.txt").plan
    names = [name for t in leaves(plan) for name, _ in units_of(t)]
    assert "依据工业和信息化部" not in names and "归集汇聚各区" not in names
    assert units_of(leaves(plan)[2])[:2] == [("市发展改革委", "responsible"), ("市应急局", "responsible")]


def test_several_bodies_each_answering_open_a_duty_paragraph_in_a_run() -> None:
    text = "\n".join(
        [
            "三、任务分工",
            "市消防救援总队负责承担领导小组办公室工作职责。",
            "市应急局负责指导应急处置等相关工作。",
            "市商务委、市国资委分别负责指导各行业单位做好相关工作。",
            "市绿化市容局负责督促清理影响消防安全的广告牌。",
        ]
    )
    plan = draft_text(text, "意见.txt").plan
    assert [units_of(t) for t in leaves(plan)][2] == [
        ("市商务委", "responsible"),
        ("市国资委", "responsible"),
    ]


def test_a_contents_page_is_dropped_so_the_items_under_the_first_title_are_read() -> None:
    text = "\n".join(
        [
            "科技局2024年度工作计划汇编",
            "目录：",
            "1.市科技局2024年度工作计划",
            "2.市科技局2024年度普法工作计划",
            "3.县科技局2024年政府信息公开工作计划",
            "市科技局2024年度工作计划",
            "（一）抓好高新技术企业培育。力争新增高新技术企业20家以上。",
            "（二）推动科技研发投入提升。引导企业加大研发投入。",
        ]
    )
    plan = draft_text(text, "汇编.txt").plan
    assert [t.code for t in leaves(plan)] == ["（一）", "（二）"]


def test_ordinal_sentences_are_the_tasks_where_nothing_else_is_numbered() -> None:
    text = "\n".join(
        [
            "一季度，县科技局紧盯目标抓落实。一是落实科技奖励政策。3月底前完成政策兑现。"
            "二是引导企业加大研发投入。申报省市科技计划项目20项。三是培育高新技术产业。备案项目8项以上。",
            "（来源：某县科技局）",
        ]
    )
    plan = draft_text(text, "一季度.txt").plan
    assert [(t.code, t.title, units_of(t)) for t in leaves(plan)] == [
        ("一是", "落实科技奖励政策", [("某县科技局", "responsible")]),
        ("二是", "引导企业加大研发投入", [("某县科技局", "responsible")]),
        ("三是", "培育高新技术产业", [("某县科技局", "responsible")]),
    ]


def test_a_notice_names_its_sender_before_guanyu_whatever_it_is_about() -> None:
    text = "\n".join(
        [
            "某省人民政府办公厅关于2006年召开新闻发布会的通知",
            "省政府有关部门：",
            "一、全省国企改革情况。发布时间暂定于4月份。",
            "二、上半年经济运行情况。发布时间暂定于7月份。",
        ]
    )
    plan = draft_text(text, "通知.txt").plan
    assert {u for t in leaves(plan) for u in units_of(t)} == {("某省人民政府办公厅", "responsible")}


def test_an_activity_or_implementation_time_line_under_an_item_is_its_deadline() -> None:
    text = "\n".join(
        [
            "某局2021年庆祝建党100周年系列活动方案",
            "（一）开展征文活动",
            "活动时间：2021年4－5月",
            "牵头单位：局办公室",
            "（二）开展摄影活动",
            "实施时间：2021年3－7月",
            "牵头单位：局党建人事处",
        ]
    )
    plan = draft_text(text, "方案.txt").plan
    assert [(str(t.deadline), t.deadline_text) for t in leaves(plan)] == [
        ("2021-05-31", "2021年4－5月"),
        ("2021-07-31", "2021年3－7月"),
    ]


def test_a_document_printing_no_units_takes_its_sentence_subjects_where_most_items_name_one() -> None:
    """A guard: the two-thirds rule must leave items that each open with their body answering to
    it (other readings find these too, so it passes without the rule; session 8's test is the
    other side)."""
    text = "\n".join(
        [
            "关于加强养老机构消防安全管理的实施意见",
            "三、工作措施",
            "（一）强化标准化管理。市民政局要会同市消防救援总队制订管理指引。",
            "（二）推进示范创建。各区民政局要组织开展达标示范单位创建。",
            "（三）严格日常监管。区消防救援支队要将标准化管理与日常监管结合起来。",
        ]
    )
    plan = draft_text(text, "意见.txt").plan
    assert [units_of(t)[0][0] for t in leaves(plan)] == ["市民政局", "各区民政局", "区消防救援支队"]
