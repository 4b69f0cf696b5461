"""Reading rules of session 21, each found on a document of session 20's unseen sets.

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

from draft_helpers import leaves, table_of, units_of

from tracker.drafting.draft import draft_blocks, draft_text


def test_a_time_schedule_column_is_the_tasks_deadline() -> None:
    table = table_of(
        ["序号", "重点任务", "时间进度", "责任部门"],
        [
            ["1", "编制温室气体排放清单", "年内完成", "生态环境局"],
            ["2", "做好目标责任评价各项工作", "三季度完成", "发展改革委、统计局"],
            ["3", "强化光伏项目事中事后监管", "持续推进", "发展改革委"],
        ],
    )
    plan = draft_blocks(["某区2031年节能减排重点工作安排", table], "安排.docx").plan
    assert [(t.title, str(t.deadline), t.deadline_text) for t in leaves(plan)] == [
        ("编制温室气体排放清单", "2031-12-31", "年内完成"),
        ("做好目标责任评价各项工作", "2031-09-30", "三季度完成"),
        ("强化光伏项目事中事后监管", "None", "持续推进"),
    ]


def test_a_groups_unit_labels_over_its_numbered_duties_are_each_dutys() -> None:
    text = "\n".join(
        [
            "某片区2031年创建文明城市工作方案",
            "三、任务分工",
            "（一）办公室",
            "主 任：张某",
            "牵头单位：党群工作处",
            "主要责任单位：党政办公室、财政经管办",
            "主要工作职责：",
            "1.负责指挥部日常工作；",
            "2.负责制定阶段工作计划。",
            "（二）问卷调查组",
            "组 长：李某",
            "牵头单位：党群工作处",
            "主要责任单位：纪检监察组、经济发展处",
            "主要工作职责：",
            "1.负责组织问卷调查；",
            "2.负责收集整理意见建议。",
        ]
    )
    plan = draft_text(text, "方案.txt").plan
    first = [("党群工作处", "lead"), ("党政办公室", "support"), ("财政经管办", "support")]
    second = [("党群工作处", "lead"), ("纪检监察组", "support"), ("经济发展处", "support")]
    assert [(t.title, units_of(t)) for t in leaves(plan)] == [
        ("负责指挥部日常工作", first),
        ("负责制定阶段工作计划", first),
        ("负责组织问卷调查", second),
        ("负责收集整理意见建议", second),
    ]


def test_main_responsible_units_after_a_lead_label_support_it() -> None:
    text = "\n".join(
        [
            "某镇2031年重点工作方案",
            "一、重点任务",
            "1.开展人居环境整治。",
            "牵头单位：农业农村办",
            "主要责任单位：各村、城建办",
            "2.开展安全生产检查。",
            "主要责任单位：应急办",
        ]
    )
    plan = draft_text(text, "方案.txt").plan
    assert [units_of(t) for t in leaves(plan)] == [
        [("农业农村办", "lead"), ("各村", "support"), ("城建办", "support")],
        [("应急办", "lead")],
    ]


def test_a_bodys_item_over_sub_items_gives_the_body_to_each_sub_item() -> None:
    text = "\n".join(
        [
            "某街道2031年垃圾分类工作实施细则",
            "三、职责分工",
            "1．街道领导小组：组长负责全面工作。",
            "2．各居民区：居委党组织承担总牵头的责任。",
            "（1）听取居民的意见建议。",
            "（2）发放生活垃圾分类告知书。",
            "3．物业公司：物业公司协助居委开展工作。",
            "（1）设置定时定点投放点位。",
            "（2）在投放点位周边提供水源。",
            "4．业委会：将分类投放要求纳入管理规约。",
        ]
    )
    plan = draft_text(text, "细则.txt").plan
    assert [(t.title, units_of(t)) for t in leaves(plan)] == [
        ("组长负责全面工作", [("街道领导小组", "responsible")]),
        ("听取居民的意见建议", [("各居民区", "responsible")]),
        ("发放生活垃圾分类告知书", [("各居民区", "responsible")]),
        ("设置定时定点投放点位", [("物业公司", "responsible")]),
        ("在投放点位周边提供水源", [("物业公司", "responsible")]),
        ("将分类投放要求纳入管理规约", [("业委会", "responsible")]),
    ]


def test_a_body_told_its_work_without_a_modal_verb_is_the_items_unit() -> None:
    from tracker.drafting.subjects import subject_units

    assert subject_units("加强巡查。公安部门做好轨道交通区域巡逻查控工作。") == (["公安部门"], [])
    assert subject_units("管理保护区。市交通管理部门依法落实作业项目行政许可制度。") == (
        ["市交通管理部门"],
        [],
    )
    # (a later clause, a verb of handing over, a heading's verb: no body)
    assert subject_units("加强执法，属地乡镇移送区综合执法局依法查处。") is None
    assert subject_units("提升部门联动能力") is None
    assert subject_units("这是省人民政府首次对设区市人民政府履行教育职责开展督导") is None


def test_a_heading_without_a_stop_does_not_glue_to_its_paragraphs_subject() -> None:
    text = "\n".join(
        [
            "某市2031年零碳园区建设工作方案",
            "一、主要任务",
            "各区要结合实际推进零碳园区建设。",
            "二、组织保障",
            "（一）开展统筹推进与顶层设计",
            "市发展改革委负责零碳园区申报、评审和验收。",
            "（二）培育绿色低碳产业集群",
            "市经济信息化委推动园区布局新型产业。",
            "（三）加快构建零碳标准体系",
            "市市场监管局推动相关标准编制和实施。",
        ]
    )
    plan = draft_text(text, "方案.txt").plan
    assert [(t.title, units_of(t)) for t in leaves(plan) if t.units] == [
        ("开展统筹推进与顶层设计", [("市发展改革委", "responsible")]),
        ("培育绿色低碳产业集群", [("市经济信息化委", "responsible")]),
        ("加快构建零碳标准体系", [("市市场监管局", "responsible")]),
    ]


def test_a_list_of_powers_reads_its_name_body_and_duty_columns() -> None:
    table = table_of(
        ["项目序号", "任务类型", "权力责任名称", "行使  主体", "权力责任事项"],
        [
            ["1", "管理", "公路的具体管理", "区交通委", "区交通委负责所辖区域内公路的具体管理。"],
            ["2", "", "农村公路废弃", "区规划资源部门、区交通委", "区交通委对失去使用功能的公路宣布废弃。"],
        ],
    )
    plan = draft_blocks(["某区2031年农村公路管理权责清单", table], "清单.docx").plan
    assert [(t.code, t.title, units_of(t)) for t in leaves(plan)] == [
        ("1", "公路的具体管理", [("区交通委", "responsible")]),
        ("2", "农村公路废弃", [("区规划资源部门", "responsible"), ("区交通委", "responsible")]),
    ]


def test_a_bodys_other_name_on_the_next_line_of_its_cell_stays_with_it() -> None:
    from tracker.drafting.units import split_units

    assert split_units("区建设管理委\n（区水务局）\n上海城投集团") == [
        "区建设管理委（区水务局）",
        "上海城投集团",
    ]
