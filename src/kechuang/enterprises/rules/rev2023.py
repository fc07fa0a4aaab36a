"""The rule set in force from 1 January 2023.

Sources (figures carried over from the regulations, each cited where it is used):

- HTE: 《高新技术企业认定管理办法》 国科发火〔2016〕32号 (第十一条 conditions, 第十四条 3-year validity) and
  《高新技术企业认定管理工作指引》 国科发火〔2016〕195号 (二(三) IP classes; 四(二) innovation score).
- Tech SME: 《科技型中小企业评价办法》 国科发政〔2017〕115号 (第六条 conditions, 第七条 score tables,
  第八条 direct routes), applied as 《科技型中小企业评价服务工作指引》 国科火字〔2022〕67号 carries them.
- Super deduction: 财政部 税务总局公告2023年第7号 (100 %, intangible assets at 200 %);
  财政部 税务总局 国家发展改革委 工业和信息化部公告2023年第44号 (120 % / 220 % for integrated-circuit and
  industrial mother-machine enterprises, 2023–2027); 财税〔2015〕119号 一(二) 6 and 国家税务总局公告2015年
  第97号 (other-expense cap), 财税〔2015〕119号 四 (excluded industries by GB/T 4754).

The effective date is that of 公告2023年第7号, the newest document in the set; the HTE and SME
thresholds are unchanged since 2016/2017.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

from kechuang.core.rulesets import RuleSet, Source

from .params import DeductionRules, HteRules, Ladder, SmeRules
from .results import Band

MILLION = D(1_000_000)

HTE_2016 = HteRules(
    # 第十一条(一): 注册成立一年以上.
    min_registration_years=1,
    # 第十四条: 资格自颁发证书之日起有效期为三年.
    certificate_years=3,
    # 第十一条(四): 科技人员占当年职工总数的比例不低于10%.
    st_staff_min=D("0.10"),
    # 第十一条(五): 最近一年销售收入 ≤5,000万元(含) → 5%; 5,000万–2亿元(含) → 4%; 2亿元以上 → 3%.
    rd_rate_by_sales=((50 * MILLION, D("0.05")), (200 * MILLION, D("0.04")), (None, D("0.03"))),
    # 第十一条(五): 在中国境内发生的研究开发费用总额占全部研究开发费用总额的比例不低于60%.
    domestic_rd_min=D("0.60"),
    # 第十一条(六): 近一年高新技术产品(服务)收入占企业同期总收入的比例不低于60%.
    high_tech_income_min=D("0.60"),
    # 工作指引 四(二): 综合得分达到71分以上(含71分).
    innovation_min=71,
    # 工作指引 四(二)1: 知识产权 ≤30分; grades A 7–8, B 5–6, C 3–4, D 1–2, E 0.
    ip_max=30,
    ip_grade_bands={"A": Band(7, 8), "B": Band(5, 6), "C": Band(3, 4), "D": Band(1, 2), "E": Band(0, 0)},
    # 知识产权数量: A 1项及以上(Ⅰ类) 7–8; B 5项及以上(Ⅱ类) 5–6; C 3–4项(Ⅱ类) 3–4; D 1–2项(Ⅱ类) 1–2; E 0.
    ip_class_i_band=Band(7, 8),
    ip_class_ii_bands=Ladder(
        steps=((D(5), False, Band(5, 6)), (D(3), False, Band(3, 4)), (D(1), False, Band(1, 2))),
        default=Band(0, 0),
    ),
    # 知识产权获得方式: A 有自主研发 1–6; B 仅有受让、受赠和并购等 1–3.
    ip_self_developed_band=Band(1, 6),
    ip_acquired_only_band=Band(1, 3),
    # 加分项: 参与编制国家标准、行业标准、检测方法、技术规范 1–2 (IP total still ≤30).
    ip_standard_bonus=Band(1, 2),
    # 工作指引 四(二)2: 科技成果转化能力 ≤30分, by the three-year annual average number converted.
    conversion_bands=Ladder(
        steps=(
            (D(5), False, Band(25, 30)),
            (D(4), False, Band(19, 24)),
            (D(3), False, Band(13, 18)),
            (D(2), False, Band(7, 12)),
            (D(1), False, Band(1, 6)),
        ),
        default=Band(0, 0),
    ),
    conversion_max=30,
    # 工作指引 四(二)3: 研究开发组织管理水平 ≤20分: items of ≤6, ≤6, ≤4, ≤4 points.
    rd_org_items=(
        ("management_system", 6),
        ("institution_and_cooperation", 6),
        ("conversion_incentives", 4),
        ("talent_system", 4),
    ),
    # 工作指引 四(二)4: 企业成长性 ≤20分; 净资产增长率 and 销售收入增长率 each ≤10分:
    # ≥35% 9–10, ≥25% 7–8, ≥15% 5–6, ≥5% 3–4, >0 1–2, ≤0 0.
    growth_bands=Ladder(
        steps=(
            (D("0.35"), False, Band(9, 10)),
            (D("0.25"), False, Band(7, 8)),
            (D("0.15"), False, Band(5, 6)),
            (D("0.05"), False, Band(3, 4)),
            (D(0), True, Band(1, 2)),
        ),
        default=Band(0, 0),
    ),
    growth_item_max=10,
)

SME_2017 = SmeRules(
    # 第六条(二): 职工总数不超过500人、年销售收入不超过2亿元、资产总额不超过2亿元.
    max_employees=500,
    max_sales=200 * MILLION,
    max_assets=200 * MILLION,
    # 第六条(五): 综合评价所得分值不低于60分，且科技人员指标得分不得为0分.
    pass_score=60,
    # 第七条1: 科技人员数占职工总数 30%(含)以上 20; 25%–30% 16; 20%–25% 12; 15%–20% 8; 10%–15% 4; 以下 0.
    st_staff_points=Ladder(
        steps=(
            (D("0.30"), False, 20),
            (D("0.25"), False, 16),
            (D("0.20"), False, 12),
            (D("0.15"), False, 8),
            (D("0.10"), False, 4),
        ),
        default=0,
    ),
    # 第七条2(1): 研发费用总额占销售收入总额 6%(含)以上 50; 5% 40; 4% 30; 3% 20; 2% 10; 以下 0.
    rd_sales_points=Ladder(
        steps=(
            (D("0.06"), False, 50),
            (D("0.05"), False, 40),
            (D("0.04"), False, 30),
            (D("0.03"), False, 20),
            (D("0.02"), False, 10),
        ),
        default=0,
    ),
    # 第七条2(2): 研发费用总额占成本费用支出总额 30%(含)以上 50; 25% 40; 20% 30; 15% 20; 10% 10; 以下 0.
    rd_cost_points=Ladder(
        steps=(
            (D("0.30"), False, 50),
            (D("0.25"), False, 40),
            (D("0.20"), False, 30),
            (D("0.15"), False, 20),
            (D("0.10"), False, 10),
        ),
        default=0,
    ),
    # 第七条3: 1项及以上Ⅰ类知识产权 30; 4项及以上Ⅱ类 24; 3项 18; 2项 12; 1项 6; 没有 0.
    ip_class_i_points=30,
    ip_class_ii_points=Ladder(
        steps=((D(4), False, 24), (D(3), False, 18), (D(2), False, 12), (D(1), False, 6)),
        default=0,
    ),
    # 第八条: 近五年内国家级科技奖励 / 主导制定标准.
    direct_route_award_years=5,
    hte_certificate_years=3,
)

DEDUCTION_RULES_2023 = DeductionRules(
    source="财政部 税务总局公告2023年第7号",
    # 公告2023年第7号 一: 未形成无形资产的按实际发生额的100%加计扣除; 形成无形资产的按成本的200%摊销.
    rate=D("1.00"),
    # 公告2023年第44号: 集成电路企业和工业母机企业 2023-01-01 至 2027-12-31 按120% / 220%.
    special_rate=D("1.20"),
    special_years=(2023, 2027),
    special_source="财政部 税务总局 国家发展改革委 工业和信息化部公告2023年第44号",
    # 财税〔2015〕119号 一(二)6: 其他相关费用总额不得超过可加计扣除研发费用总额的10%;
    # 国家税务总局公告2015年第97号: 限额 = 前五项之和 × 10% ÷ (1 − 10%).
    other_expense_cap=D("0.10"),
    # 财税〔2015〕119号 四(一): 烟草制造业 (C16); 住宿和餐饮业 (H 61–62); 批发和零售业 (F 51–52);
    # 房地产业 (K 70); 租赁和商务服务业 (L 71–72); 娱乐业 (R 90), by GB/T 4754.
    excluded_divisions=frozenset({"16", "51", "52", "61", "62", "70", "71", "72", "90"}),
    excluded_sections=frozenset({"F", "H", "K", "L"}),
    excluded_source="财税〔2015〕119号 四",
)

# One dated set per domain. All three start on 2023-01-01, the date of 公告2023年第7号 (the newest document
# the figures were checked against); assessments before it are not guessed. Their id stays "2023", the
# name results and the API have always carried.
EFFECTIVE_FROM = date(2023, 1, 1)

HTE_2023: RuleSet[HteRules] = RuleSet(
    id="2023",
    effective_from=EFFECTIVE_FROM,
    params=HTE_2016,
    sources=(Source("国科发火〔2016〕32号", "第十一条、第十四条"), Source("国科发火〔2016〕195号", "二(三)、四(二)")),
)

SME_2023: RuleSet[SmeRules] = RuleSet(
    id="2023",
    effective_from=EFFECTIVE_FROM,
    params=SME_2017,
    sources=(Source("国科发政〔2017〕115号", "第六条–第八条"), Source("国科火字〔2022〕67号")),
)

DEDUCTION_2023: RuleSet[DeductionRules] = RuleSet(
    id="2023",
    effective_from=EFFECTIVE_FROM,
    params=DEDUCTION_RULES_2023,
    sources=(
        Source("财政部 税务总局公告2023年第7号"),
        Source("财政部 税务总局 国家发展改革委 工业和信息化部公告2023年第44号"),
        Source("财税〔2015〕119号", "一(二)6、四"),
        Source("国家税务总局公告2015年第97号"),
    ),
)
