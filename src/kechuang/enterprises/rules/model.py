"""Plain input data describing one enterprise for the qualification engine.

Money is in yuan as :class:`~decimal.Decimal` (``int`` is accepted too, it mixes with Decimal exactly).
Decimal, not float, because the same figures feed tax working (R&D super deduction) where fen must add
up exactly, and because the thresholds are compared at their exact boundary (sales of exactly 50 million
yuan, R&D of exactly 5 % of sales): with Decimal ``rd >= rate * sales`` is exact, with float it is not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

Money = Decimal | int


class TechField(StrEnum):
    """The eight fields of 《国家重点支持的高新技术领域》 (annex to 国科发火〔2016〕32号)."""

    ELECTRONIC_INFORMATION = "electronic_information"  # 电子信息
    BIOLOGY_AND_NEW_MEDICINE = "biology_and_new_medicine"  # 生物与新医药
    AEROSPACE = "aerospace"  # 航空航天
    NEW_MATERIALS = "new_materials"  # 新材料
    HIGH_TECH_SERVICES = "high_tech_services"  # 高技术服务
    NEW_ENERGY_AND_ENERGY_SAVING = "new_energy_and_energy_saving"  # 新能源与节能
    RESOURCES_AND_ENVIRONMENT = "resources_and_environment"  # 资源与环境
    ADVANCED_MANUFACTURING = "advanced_manufacturing"  # 先进制造与自动化


class IpClass(StrEnum):
    """IP classes of 工作指引 (国科发火〔2016〕195号) 二(三)."""

    CLASS_I = "I"
    CLASS_II = "II"


class IpKind(StrEnum):
    """Kinds of intellectual property; :attr:`ip_class` maps each to its class."""

    INVENTION_PATENT = "invention_patent"  # 发明专利 (incl. defence patents)
    PLANT_VARIETY = "plant_variety"  # 植物新品种
    NATIONAL_CROP_VARIETY = "national_crop_variety"  # 国家级农作物品种
    NATIONAL_NEW_DRUG = "national_new_drug"  # 国家新药
    TCM_PROTECTED_VARIETY = "tcm_protected_variety"  # 国家一级中药保护品种
    IC_LAYOUT_DESIGN = "ic_layout_design"  # 集成电路布图设计专有权
    UTILITY_MODEL = "utility_model"  # 实用新型专利
    DESIGN_PATENT = "design_patent"  # 外观设计专利
    SOFTWARE_COPYRIGHT = "software_copyright"  # 软件著作权
    TRADEMARK = "trademark"  # 商标: not counted by either rule set

    @property
    def ip_class(self) -> IpClass | None:
        """Class I / II as 工作指引 二(三) defines them; trademarks have no class."""
        if self in _CLASS_II:
            return IpClass.CLASS_II
        if self is IpKind.TRADEMARK:
            return None
        return IpClass.CLASS_I


_CLASS_II = frozenset({IpKind.UTILITY_MODEL, IpKind.DESIGN_PATENT, IpKind.SOFTWARE_COPYRIGHT})


class Acquisition(StrEnum):
    """How an IP item was obtained (认定办法 第十一条(二): 自主研发、受让、受赠、并购)."""

    SELF_DEVELOPED = "self_developed"
    TRANSFERRED = "transferred"
    GIFTED = "gifted"
    MERGER = "merger"


class Level(StrEnum):
    """Questionnaire answer for one R&D-organisation item: absent, partly in place, fully in place."""

    NONE = "none"
    PARTLY = "partly"
    FULLY = "fully"


class Grade(StrEnum):
    """Expert grade letters of 工作指引 (A best … E none) for the IP sub-items only experts can judge."""

    A = "A"
    B = "B"
    C = "C"
    D = "D"
    E = "E"


@dataclass(frozen=True, slots=True)
class IpItem:
    """One intellectual-property right held by the enterprise.

    ``used_in_hte`` marks a Class II item already used in an earlier HTE application: 工作指引 二(三)
    allows a Class II item to be used once only.
    """

    kind: IpKind
    granted_on: date
    acquisition: Acquisition = Acquisition.SELF_DEVELOPED
    expires_on: date | None = None
    used_in_hte: bool = False

    def valid_on(self, on: date) -> bool:
        return self.granted_on <= on and (self.expires_on is None or on < self.expires_on)


@dataclass(frozen=True, slots=True)
class RdExpenses:
    """One year's R&D expense by the categories of 财税〔2015〕119号 一(二), expensed part.

    ``capitalised`` is the cost of intangible assets formed by R&D in the year; ``amortisation_years``
    their tax amortisation period (not under 10 years, 企业所得税法实施条例 第六十七条).
    """

    personnel: Money = 0  # 人员人工费用
    direct_inputs: Money = 0  # 直接投入费用
    depreciation: Money = 0  # 折旧费用
    amortisation: Money = 0  # 无形资产摊销
    design_and_trials: Money = 0  # 新产品设计费、新工艺规程制定费、临床试验费、现场试验费
    other_related: Money = 0  # 其他相关费用 (capped)
    capitalised: Money = 0
    amortisation_years: int = 10


@dataclass(frozen=True, slots=True)
class AnnualFigures:
    """One accounting year's figures (yuan; ``achievements_converted`` in items).

    ``costs_and_expenses`` (成本费用支出总额) is only used by the tech-SME R&D score's second option.
    """

    year: int
    sales_revenue: Money
    total_income: Money
    rd_expense: Money
    rd_expense_domestic: Money
    high_tech_income: Money
    net_assets: Money
    total_assets: Money
    costs_and_expenses: Money | None = None
    achievements_converted: int = 0
    rd_breakdown: RdExpenses | None = None


@dataclass(frozen=True, slots=True)
class RdOrganisation:
    """Answers to the four R&D-organisation items of 工作指引 四(二)3 (max 6, 6, 4, 4 points)."""

    management_system: Level = Level.NONE  # 研发组织管理制度、研发投入核算体系、研发费用辅助账
    institution_and_cooperation: Level = Level.NONE  # 内部研发机构、产学研合作
    conversion_incentives: Level = Level.NONE  # 成果转化组织实施与激励奖励制度、开放式创新创业平台
    talent_system: Level = Level.NONE  # 人才培养、引进与绩效评价奖励制度


@dataclass(frozen=True, slots=True)
class IpJudgement:
    """Optional self-assessed grades for the IP sub-items that only experts judge.

    Left ``None``, the engine assumes the widest band an enterprise with IP can get (D–A, 1–8 points).
    """

    advancement: Grade | None = None  # 技术的先进程度
    core_support: Grade | None = None  # 对主要产品(服务)在技术上发挥核心支持作用


@dataclass(frozen=True, slots=True)
class Qualifications:
    """Qualifications and honours held; flags are as of the assessment date.

    The tech-SME direct routes follow 国科发政〔2017〕115号 第八条.
    """

    hte_certificate_on: date | None = None  # 高新技术企业证书 issue date
    tech_sme_registered: bool = False  # already in the national tech-SME database this year
    national_award_top3_5y: bool = False  # 近五年国家级科技奖励, among the first three units
    provincial_rd_institution: bool = False  # 经认定的省部级以上研发机构
    led_standard_5y: bool = False  # 近五年主导制定国际/国家/行业标准
    drafted_standard: bool = False  # 参与编制国家/行业标准、检测方法、技术规范 (HTE IP bonus)


@dataclass(frozen=True, slots=True)
class Enterprise:
    """Everything the engine reads about one enterprise.

    ``years`` holds the figures of up to the last three accounting years, any order.
    ``restricted_products`` and ``serious_incident`` are the tech-SME exclusions the data can show
    (评价办法 第六条(三)(四)): products in the prohibited/restricted/obsolete catalogues; a major safety,
    quality or environmental incident, serious research dishonesty, or listing as abnormal/dishonest.
    """

    id: str
    registered_on: date
    main_field: TechField | None
    employees: int
    st_staff: int
    years: tuple[AnnualFigures, ...] = ()
    ip_items: tuple[IpItem, ...] = ()
    rd_organisation: RdOrganisation = field(default_factory=RdOrganisation)
    ip_judgement: IpJudgement = field(default_factory=IpJudgement)
    qualifications: Qualifications = field(default_factory=Qualifications)
    industry_code: str | None = None
    restricted_products: bool = False
    serious_incident: bool = False
