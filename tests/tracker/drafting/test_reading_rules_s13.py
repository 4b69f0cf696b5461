"""Reading rules of session 13, each found on a document of session 12's unseen sets.

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

from datetime import date

from draft_helpers import leaves, units_of
from hypothesis import given
from hypothesis import strategies as st

from tracker.drafting.draft import draft_blocks
from tracker.importers.deadlines import parse_deadline


def _tasks(lines: list[str]) -> list:
    return leaves(draft_blocks(lines, "方案.txt").plan)


def test_a_month_span_with_a_hyphen_ends_with_its_last_month() -> None:
    # “2021年3-7月” was read as 7 March: a day is never followed by 月
    assert parse_deadline("2021年3-7月", 2021).deadline == date(2021, 7, 31)
    assert parse_deadline("2021年4－5月", 2021).deadline == date(2021, 5, 31)
    assert parse_deadline("2021-3-7", 2021).deadline == date(2021, 3, 7)
    assert parse_deadline("2021年3月7日", 2021).deadline == date(2021, 3, 7)


def test_the_month_a_task_starts_is_no_deadline() -> None:
    assert parse_deadline("2021年3月开始", 2021).deadline is None
    assert parse_deadline("2021年3月开始实施，6月底前完成", 2021).deadline == date(2021, 6, 30)


def test_whom_an_activity_is_for_and_a_label_of_two_kinds_are_unit_labels() -> None:
    tasks = _tasks(
        [
            "某局2021年系列活动方案",
            "一、活动内容",
            "（一）开展学习教育活动",
            "活动内容：组织专题学习。",
            "牵头处室：局办公室",
            "责任对象：局各处室、机关党支部，各区属国企",
            "（二）开展征文活动",
            "活动内容：面向全系统征文。",
            "责任处室、单位：局宣传处、区文化服务中心",
        ]
    )
    assert [units_of(t) for t in tasks] == [
        [("局办公室", "lead"), ("局各处室", "support"), ("机关党支部", "support"), ("各区属国企", "support")],
        [("局宣传处", "responsible"), ("区文化服务中心", "responsible")],
    ]


def test_an_item_headed_by_a_bodys_duties_answers_to_that_body() -> None:
    # the bodies its sentences work with (配合民政、教育等部门) are not its units
    tasks = _tasks(
        [
            "某区关爱保护工作实施办法",
            "一、明确职责",
            "（一）教育局职责。区教育局要完善控辍保学机制，配合民政部门做好信息采集。",
            "（二）公安局职责。公安机关要及时受理报告，会同卫生部门开展救助。",
            "（三）群团组织职责。各级工会、共青团、妇联要发挥优势，开展关爱服务。",
        ]
    )
    assert [t.title for t in tasks] == ["教育局职责", "公安局职责", "群团组织职责"]
    assert [units_of(t) for t in tasks] == [
        [("教育局", "responsible")],
        [("公安局", "responsible")],
        [("群团组织", "responsible")],
    ]


def test_one_duty_item_alone_keeps_the_units_its_sentence_names() -> None:
    tasks = _tasks(
        [
            "某区工作方案",
            "一、工作任务",
            "（一）教育局职责。区教育局要完善控辍保学机制。",
            "（二）加强宣传。由区委宣传部负责组织宣传报道。",
        ]
    )
    assert units_of(tasks[0]) == [("区教育局", "responsible")]


def test_a_unit_line_closes_only_the_run_of_numbers_it_ends() -> None:
    # two runs under one heading, each restarting at 1 after a place line, each closed by its own
    # 责任单位 line
    tasks = _tasks(
        [
            "某片区环境整治工作方案",
            "一、专项整治及职责分工",
            "（一）绿化专项行动",
            "中心区：",
            "1.做好道路沿线绿化。",
            "2.做好街区绿化。",
            "3.做好重要点位绿化。",
            "责任单位：交通与建设处、资源生态处",
            "行政村范围：",
            "1.整治村部荒草。",
            "2.开展义务植树。",
            "责任单位：农业农村处",
        ]
    )
    assert [units_of(t) for t in tasks] == [
        [("交通与建设处", "responsible"), ("资源生态处", "responsible")],
        [("交通与建设处", "responsible"), ("资源生态处", "responsible")],
        [("交通与建设处", "responsible"), ("资源生态处", "responsible")],
        [("农业农村处", "responsible")],
        [("农业农村处", "responsible")],
    ]


def test_items_written_to_one_template_keep_their_parts_as_words() -> None:
    tasks = _tasks(
        [
            "某区关于实施投资工程包的若干意见",
            "一、重点领域",
            "（一）停车场工程包，全年力争完成投资0.5亿元",
            "1.投资重点",
            "在老城区建设一批公共停车场。",
            "2.主要措施",
            "（1）争取专项建设基金支持。",
            "（2）简化项目审批。",
            "牵头部门：区交通与建设局",
            "推进单位：区交通投资集团有限公司",
            "（二）养老服务工程包，全年力争完成投资0.3亿元",
            "1.投资重点",
            "建设一批养老服务设施。",
            "2.主要措施",
            "（1）落实用地保障。",
            "牵头部门：区社会事业局",
        ]
    )
    assert [t.title for t in tasks] == [
        "停车场工程包，全年力争完成投资0.5亿元",
        "养老服务工程包，全年力争完成投资0.3亿元",
    ]
    assert units_of(tasks[0])[0] == ("区交通与建设局", "lead")
    assert "简化项目审批" in tasks[0].content
    assert units_of(tasks[1]) == [("区社会事业局", "lead")]


def test_parts_under_one_item_alone_stay_tasks() -> None:
    # one item with parts is no template: its parts may be the tasks
    tasks = _tasks(
        [
            "某区工作方案",
            "一、重点任务",
            "（一）推进停车场建设",
            "1.投资重点",
            "在老城区建设一批公共停车场（区交通与建设局负责）。",
            "2.主要措施",
            "争取专项建设基金支持（区财政金融局负责）。",
        ]
    )
    assert [t.title for t in tasks] == ["投资重点", "主要措施"]


def test_two_bodies_joined_by_the_one_and_where_both_sides_are_bodies() -> None:
    from tracker.drafting.units import split_units

    assert split_units("交通与建设处与资源生态处") == ["交通与建设处", "资源生态处"]
    assert split_units("市委宣传部与市文明办") == ["市委宣传部", "市文明办"]
    assert split_units("区文化与旅游局") == ["区文化与旅游局"]  # one body whose name holds 与
    assert split_units("交通与建设处") == ["交通与建设处"]


def test_items_opening_each_with_a_different_body_answer_to_it() -> None:
    tasks = _tasks(
        [
            "某区水源保护工作要点",
            "一、整治水源污染",
            "（一）综合整治水源保护区污染。开展专项行动：",
            "1.岚城乡重点关闭清理辖区内的养殖场。",
            "2.北厝镇重点清理不规范堆放的生活垃圾。",
            "3.苏澳镇要就生活污水直排问题提出处理意见。",
        ]
    )
    assert [units_of(t) for t in tasks] == [
        [("岚城乡", "responsible")],
        [("北厝镇", "responsible")],
        [("苏澳镇", "responsible")],
    ]


def test_two_items_opening_with_a_body_are_no_duty_list() -> None:
    tasks = _tasks(
        [
            "某区水源保护工作要点",
            "一、整治水源污染",
            "（一）综合整治水源保护区污染（区环土局负责）。",
            "1.岚城乡重点关闭清理辖区内的养殖场。",
            "2.北厝镇重点清理不规范堆放的生活垃圾。",
        ]
    )
    assert all(("岚城乡", "responsible") not in units_of(t) for t in tasks)


def test_a_bracketed_number_the_page_spaced_out_is_still_a_number() -> None:
    tasks = _tasks(
        [
            "某区实施意见",
            "一、维护权益",
            "（十）畅通维权渠道。推进网格化管理。（区社会事业局牵头，区公安局配合）",
            "（十 一）加强法律援助。简化申请程序。（区司法局牵头，区财政局配合）",
        ]
    )
    assert [(t.code, t.title) for t in tasks] == [("（十）", "畅通维权渠道"), ("（十一）", "加强法律援助")]
    assert units_of(tasks[1]) == [("区司法局", "lead"), ("区财政局", "support")]


def test_a_bracket_of_time_alone_closing_an_item_is_its_own_deadline() -> None:
    # the stage above is due in August; this step of it is due in April
    tasks = _tasks(
        [
            "某区2018年电梯安全整治方案",
            "一、工作安排",
            "（一）第二阶段：查改并举（8月底前）",
            "1.使用单位开展自查",
            "（1）自查自纠阶段。各使用单位开展自查自纠，确保问题整改到位。（4月底前）",
            "（2）标准化创建阶段。各使用单位开展标准化达标创建。（6月底前）",
        ]
    )
    assert [t.deadline for t in tasks] == [date(2018, 4, 30), date(2018, 6, 30)]


def test_a_stage_whose_words_open_with_its_months_is_due_when_they_end() -> None:
    tasks = _tasks(
        [
            "某区2016年创建工作方案",
            "一、时间安排",
            "（一）动员部署。2016年5月—6月，各乡镇要部署好创建工作。",
            "（二）组织实施。2016年6月—8月，各辖区要全力开展创建活动。",
            "（三）验收考核。2016年9月，区打传办组织自查自评。",
        ]
    )
    assert [t.deadline for t in tasks] == [date(2016, 6, 30), date(2016, 8, 31), date(2016, 9, 30)]


def test_a_task_whose_words_open_with_a_date_is_no_stage() -> None:
    # a long title is a task's own sentence, and a date opening the next one is no deadline of it
    tasks = _tasks(
        [
            "某区2016年工作要点",
            "一、重点任务",
            "（一）加快推进区公共资源交易平台和电子化系统的全面建设。2016年5月，区财政局要完成招标（区财政局负责）。",
        ]
    )
    assert tasks[0].deadline != date(2016, 5, 31)


def test_an_item_defining_a_class_by_its_cases_is_no_task() -> None:
    tasks = _tasks(
        [
            "某区欠薪预警信息通报制度",
            "一、明确部门职责",
            "（一）区社会事业局负责汇总各类预警信息（区社会事业局负责）。",
            "（二）区市场监管局负责公示企业登记信息（区市场监管局负责）。",
            "二、明确信息等级",
            "（一）出现以下情形之一的，为一般风险预警信息：（1）欠薪1个月以上；（2）欠缴社保费。",
            "（二）出现以下情形之一的，为重大风险预警信息：（1）欠薪3个月以上。",
        ]
    )
    assert [t.title for t in tasks] == [
        "区社会事业局负责汇总各类预警信息",
        "区市场监管局负责公示企业登记信息",
    ]


def test_a_number_printed_hundreds_of_times_stays_a_short_code() -> None:
    # each “1.” of 300 runs under one heading got one more ′ than the last: codes past the plan
    # file's 40 characters, and the draft refused as “String should have at most 40 characters”
    lines = ["某片区整治方案", "一、分工", "（一）保洁"]
    for i in range(300):
        lines += ["中心区：", "1.做好保洁。", "2.做好清理。", f"责任单位：第{i}处"]
    tasks = _tasks(lines)
    assert len(tasks) == 600
    codes = [t.code for t in tasks]
    assert len(set(codes)) == 600
    assert max(len(c) for c in codes) <= 6
    assert codes[:4] == ["1", "2", "1′", "2′"]
    assert codes[-1] == "2′299"


@given(st.lists(st.text(alphabet="一二三1（）′", min_size=1, max_size=45), max_size=300))
def test_repeated_codes_come_out_unique_and_short(codes: list[str]) -> None:
    from tracker.drafting.serial_codes import unique_code

    seen: set[str] = set()
    again: dict[str, int] = {}
    out = [unique_code(code, seen, again) for code in codes]
    assert len(set(out)) == len(out)
    # a repeat is its first 30 characters, ′ and a count: never longer than the plan file allows
    assert all(len(new) <= max(len(old), 34) for old, new in zip(codes, out, strict=True))
