"""The enterprise rule domains and their dated sets; add a later revision here beside the older ones.

Registered on import (the rules are plain Python, used without Django by the CLI and the benchmarks), in
the shared :mod:`kechuang.core.rulesets` registry, which refuses a set whose period overlaps or leaves a
gap after the sets already there.
"""

from __future__ import annotations

from kechuang.core import rulesets
from kechuang.core.rulesets import RuleSetRegistry

from .params import DeductionRules, HteRules, SmeRules
from .rev2023 import DEDUCTION_2023, HTE_2023, SME_2023

HTE_RULES: RuleSetRegistry[HteRules] = rulesets.domain("enterprises.hte")
SME_RULES: RuleSetRegistry[SmeRules] = rulesets.domain("enterprises.tech_sme")
DEDUCTION_RULES: RuleSetRegistry[DeductionRules] = rulesets.domain("enterprises.deduction")

HTE_RULES.register(HTE_2023)
SME_RULES.register(SME_2023)
DEDUCTION_RULES.register(DEDUCTION_2023)
