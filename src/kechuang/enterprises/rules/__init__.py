"""Enterprise qualification engine: high-tech enterprise, tech-based SME and R&D super deduction.

Plain Python (no Django): views, the API, the CLI and background tasks all call these functions.
"""

from .batch import assess, assess_many
from .deduction import SpecialEnterprise, SuperDeduction, WorkingStep, super_deduction
from .growth import growth_rate
from .hte import assess_hte
from .model import (
    Acquisition,
    AnnualFigures,
    Enterprise,
    Grade,
    IpItem,
    IpJudgement,
    IpKind,
    Level,
    Qualifications,
    RdExpenses,
    RdOrganisation,
    TechField,
)
from .registry import DEDUCTION_RULES, HTE_RULES, SME_RULES
from .results import (
    Assessment,
    Band,
    Condition,
    Gap,
    HteResult,
    Message,
    ScoreItem,
    SmeResult,
    Verdict,
)
from .sme import assess_sme

__all__ = [
    "DEDUCTION_RULES",
    "HTE_RULES",
    "SME_RULES",
    "Acquisition",
    "AnnualFigures",
    "Assessment",
    "Band",
    "Condition",
    "Enterprise",
    "Gap",
    "Grade",
    "HteResult",
    "IpItem",
    "IpJudgement",
    "IpKind",
    "Level",
    "Message",
    "Qualifications",
    "RdExpenses",
    "RdOrganisation",
    "ScoreItem",
    "SmeResult",
    "SpecialEnterprise",
    "SuperDeduction",
    "TechField",
    "Verdict",
    "WorkingStep",
    "assess",
    "assess_hte",
    "assess_many",
    "assess_sme",
    "growth_rate",
    "super_deduction",
]
