"""Reading rules of session 22, each found on a document of session 21's unseen sets.

Each test writes a small document of its own in the shape a real one had; none is copied.
"""

from __future__ import annotations

from draft_helpers import leaves, table_of, units_of

from tracker.drafting.draft import draft_blocks, draft_text


def test_a_notices_closing_span_is_every_problems_deadline() -> None:
    text = "\n".join(
        [
            "某县创文办暗访督查情况通报",
            "一、主次干道",
            "1、滨江路 - 护栏破损",
            "（责任单位：住建局）",
            "2、滨江路 - 乱堆建筑垃圾",
            "（责任单位：城关社区）",
            "二、小区",
            "1、桂花园小区 - 公益广告未上墙",
            "（责任单位：南门社区）",
            "针对本次通报指出的问题，相关单位要迅速落实整改措施，五个工作日内完成整改任务，并将整改情况报送县创文办。",
            "2031年8月31日",
        ]
    )
    plan = draft_text(text, "通报.txt").plan
    assert [(t.title, t.deadline_text) for t in leaves(plan)] == [
        ("滨江路 - 护栏破损", "五个工作日内"),
        ("滨江路 - 乱堆建筑垃圾", "五个工作日内"),
        ("桂花园小区 - 公益广告未上墙", "五个工作日内"),
    ]
    assert all("五个工作日内" not in t.content for t in leaves(plan))


def test_a_heading_naming_whose_remit_the_problems_fall_in_gives_them_that_body() -> None:
    text = "\n".join(
        [
            "某县创建办督查发现问题通报",
            "一、属住建局职责范围：",
            "1、工地围挡未布置公益广告。",
            "2、建筑材料堆放不规范。",
            "二、属城关镇职责范围：",
            "1、流动摊点沿街随意摆摊。",
            "2、乱停车现象严重。",
        ]
    )
    plan = draft_text(text, "通报.txt").plan
    assert [(t.title, units_of(t)) for t in leaves(plan)] == [
        ("工地围挡未布置公益广告", [("住建局", "responsible")]),
        ("建筑材料堆放不规范", [("住建局", "responsible")]),
        ("流动摊点沿街随意摆摊", [("城关镇", "responsible")]),
        ("乱停车现象严重", [("城关镇", "responsible")]),
    ]


def test_picture_captions_number_the_problems_they_hand_out() -> None:
    text = "\n".join(
        [
            "县组织创建点位专项督查",
            "近日，县创建指挥部督查组深入部分点位进行专项督查，发现问题如下。",
            "图①：滨湖大道公交站台没有公益广告。责任单位：县交通局。",
            "图②：财富广场工地围墙广告破损。责任单位：县住建局。",
            "图③：东方广场内乱停车。责任单位：县城管局。",
        ]
    )
    plan = draft_text(text, "督查.txt").plan
    assert [(t.code, t.title, units_of(t)) for t in leaves(plan)] == [
        ("图①", "滨湖大道公交站台没有公益广告", [("县交通局", "responsible")]),
        ("图②", "财富广场工地围墙广告破损", [("县住建局", "responsible")]),
        ("图③", "东方广场内乱停车", [("县城管局", "responsible")]),
    ]


def test_a_point_over_its_problem_line_names_the_task_and_attendees_are_no_task() -> None:
    text = "\n".join(
        [
            "某县第8次实地督查问题曝光通报",
            "5月24日，县创建领导小组开展第8次实地督导检查，现",
            "桂园小区",
            "存在问题：公示栏管理不到位，电动车乱停放。",
            "责任单位：城关街道",
            "人民路医院路段",
            "存在问题：流动摊点管理不到位。",
            "责任单位：县卫生健康局、县公安局",
            "县委副书记，县卫生健康局、县公安局等相关单位负责人参加检查。",
        ]
    )
    plan = draft_text(text, "通报.txt").plan
    assert [(t.title, units_of(t)) for t in leaves(plan)] == [
        ("桂园小区", [("城关街道", "responsible")]),
        ("人民路医院路段", [("县卫生健康局", "responsible"), ("县公安局", "responsible")]),
    ]
    assert leaves(plan)[0].content.startswith("存在问题：公示栏管理不到位")


def test_findings_against_bodies_keep_the_body_in_their_name() -> None:
    text = "\n".join(
        [
            "某区疫情防控监督检查问题通报",
            "一、存在的问题",
            "东山镇：未落实经营场所暂停营业规定，场镇上仍有商铺营业。",
            "北街街道：环境整治不到位。社区垃圾未及时清运。",
            "人民医院（老院区）：预检分诊台未建立消毒记录。",
            "二、下步工作要求",
            "各乡镇要进一步压实责任。",
        ]
    )
    plan = draft_text(text, "通报.txt").plan
    assert [(t.title, units_of(t)) for t in leaves(plan)] == [
        ("东山镇：未落实经营场所暂停营业规定，场镇上仍有商铺营业", [("东山镇", "responsible")]),
        ("北街街道：环境整治不到位", [("北街街道", "responsible")]),
        ("人民医院（老院区）：预检分诊台未建立消毒记录", [("人民医院（老院区）", "responsible")]),
    ]


def test_duty_paragraphs_by_subject_read_each_bodys_clause() -> None:
    text = "\n".join(
        [
            "某开发区园区管理实施意见",
            "三、工作职责",
            "管委会的主要职责是维护开发区的形象，强化园区安全。",
            "综合执法局作为园区管理工作牵头部门，负责安全生产监督管理。",
            "投资促进部负责园区企业的帮办和服务。",
            "综合工作部做好舆情处置；财政审计局保障园区管理资金使用；区派出所及时处置社会治理问题。",
        ]
    )
    plan = draft_text(text, "意见.txt").plan
    assert [(t.title, units_of(t)) for t in leaves(plan)] == [
        ("管委会的主要职责是维护开发区的形象，强化园区安全", [("管委会", "responsible")]),
        ("综合执法局作为园区管理工作牵头部门，负责安全生产监督管理", [("综合执法局", "lead")]),
        ("投资促进部负责园区企业的帮办和服务", [("投资促进部", "responsible")]),
        ("综合工作部做好舆情处置", [("综合工作部", "responsible")]),
        ("财政审计局保障园区管理资金使用", [("财政审计局", "responsible")]),
        ("区派出所及时处置社会治理问题", [("区派出所", "responsible")]),
    ]


def test_body_headings_name_branches_departments_and_zones_and_stages_date_before_a_colon() -> None:
    text = "\n".join(
        [
            "2031年某区运输行业清水行动工作方案",
            "三、职责分工",
            "（一）区公安分局（交管）",
            "对运输车辆高频通行路段实施动态巡查。",
            "（二）城管执法部门",
            "依法严查运输车辆未密闭等违法行为。",
            "（三）各街镇、经开区",
            "落实属地管理责任，开展拉网式排查。",
            "四、实施进度",
            "（一）动员部署阶段（4月底前）：全面部署任务，开展宣传告知。",
            "（二）集中整治阶段（5-7月）：开展全覆盖巡查。",
        ]
    )
    plan = draft_text(text, "方案.txt").plan
    got = [(t.title[:8], units_of(t), str(t.deadline)) for t in leaves(plan)]
    assert got == [
        ("对运输车辆高频通", [("区公安分局（交管）", "responsible")], "None"),
        ("依法严查运输车辆", [("城管执法部门", "responsible")], "None"),
        ("落实属地管理责任", [("各街镇", "responsible"), ("经开区", "responsible")], "None"),
        ("动员部署阶段（4", [], "2031-04-30"),
        ("集中整治阶段（5", [], "2031-07-31"),
    ]


def test_a_heading_about_bodies_is_no_bodys_name() -> None:
    # (a guard, not a new reading: body headings may now end 部门, and this one must not count)
    text = "\n".join(
        [
            "某省规划纲要主要目标工作分工",
            "1. 约束性指标的责任部门",
            "单位生产总值能耗降低20%左右。（省经信委牵头）",
            "耕地保有量完成国家下达指标。（省国土厅牵头）",
        ]
    )
    plan = draft_text(text, "分工.txt").plan
    assert [(t.title, units_of(t)) for t in leaves(plan)] == [
        ("单位生产总值能耗降低20%左右", [("省经信委", "lead")]),
        ("耕地保有量完成国家下达指标", [("省国土厅", "lead")]),
    ]


def test_a_lead_working_with_others_after_its_qiantou_has_them_as_support() -> None:
    text = "\n".join(
        [
            "某区共享单车停放管理实施意见",
            "1.对占用人行道设置的共享单车实行总量控制。由区市政办牵头会同区建管委、公安分局、区城管执法局，研究制定投放总量。",
            "2.加强停放秩序管理。（区城管执法局负责）",
        ]
    )
    plan = draft_text(text, "意见.txt").plan
    assert units_of(leaves(plan)[0]) == [
        ("区市政办", "lead"),
        ("区建管委", "support"),
        ("公安分局", "support"),
        ("区城管执法局", "support"),
    ]


def test_a_unit_column_with_its_heads_name_reads_the_unit_not_the_person() -> None:
    table = table_of(
        ["序号", "工作任务", "牵头单位及\n主要负责人", "落实进展情况"],
        [
            ["1", "提高城乡低保补差水平", "市民政局\n伍某国", "已完成。"],
            ["2", "提高困难残疾人生活补贴标准", "市残联\n李某", "已完成。"],
        ],
    )
    plan = draft_blocks(["某市2031年底线民生工作任务落实进展", table], "进展.docx").plan
    assert [(t.title, units_of(t)) for t in leaves(plan)] == [
        ("提高城乡低保补差水平", [("市民政局", "lead")]),
        ("提高困难残疾人生活补贴标准", [("市残联", "lead")]),
    ]


def test_flower_pots_and_sculpture_sets_are_counted_targets() -> None:
    text = "\n".join(
        [
            "某市2031年百万鲜花活动通知",
            "（一）由东区政府负责，在重要路段和节点摆放鲜花120万盆，制作绿色植物雕塑30组。",
            "（二）由西区政府负责，在滨河路摆放鲜花60万盆，制作植物雕塑5组。",
        ]
    )
    plan = draft_text(text, "通知.txt").plan
    got = [[(m.unit, m.targets[0].value) for m in t.metrics] for t in leaves(plan)]
    assert got == [
        [("万盆", 120.0), ("组", 30.0)],
        [("万盆", 60.0), ("组", 5.0)],
    ]


def test_a_closing_span_leaves_the_groups_bodies_to_their_problems() -> None:
    text = "\n".join(
        [
            "某县创文办暗访督查情况通报",
            "一、属住建局职责范围：",
            "1、滨江路 - 护栏破损",
            "2、滨江路 - 乱堆建筑垃圾",
            "二、属城关镇职责范围：",
            "1、桂花园小区 - 公益广告未上墙",
            "针对本次通报指出的问题，相关单位要迅速落实整改措施，三个工作日内完成整改任务。",
        ]
    )
    plan = draft_text(text, "通报.txt").plan
    assert [(t.title, units_of(t), t.deadline_text) for t in leaves(plan)] == [
        ("滨江路 - 护栏破损", [("住建局", "responsible")], "三个工作日内"),
        ("滨江路 - 乱堆建筑垃圾", [("住建局", "responsible")], "三个工作日内"),
        ("桂花园小区 - 公益广告未上墙", [("城关镇", "responsible")], "三个工作日内"),
    ]
