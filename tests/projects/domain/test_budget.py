from decimal import Decimal as D

import pytest

from kechuang.projects.domain.budget import (
    PURE_THEORY_INDIRECT_BANDS,
    Budget,
    BudgetRules,
    check_budget,
    indirect_cost_cap,
)


@pytest.mark.parametrize(
    ("base", "cap"),
    [
        (D(0), D(0)),
        (D(1_000_000), D(300_000)),  # 30% of 1M
        (D(5_000_000), D(1_500_000)),  # exactly the first band: 30% of 5M
        (D(5_000_001), D("1500000.25")),  # one yuan into the second band earns 25 fen
        (D(7_000_000), D(2_000_000)),  # 1.5M + 25% of 2M
        (D(10_000_000), D(2_750_000)),  # 1.5M + 25% of 5M
        (D(10_000_001), D("2750000.20")),  # one yuan into the third band earns 20 fen
        (D(12_000_000), D(3_150_000)),  # 2.75M + 20% of 2M
        (D("333.33"), D("99.99")),  # 99.999 rounds down to the fen
    ],
)
def test_indirect_cap_is_progressive_by_band(base, cap):
    assert indirect_cost_cap(base) == cap


def test_pure_theory_cap_is_sixty_percent():
    assert indirect_cost_cap(D(6_000_000), PURE_THEORY_INDIRECT_BANDS) == D(3_600_000)


def make_budget(**changes) -> Budget:
    values = {
        "equipment_purchase": D(1_000_000), "equipment_other": D(200_000), "operations": D(3_000_000),
        "labour": D(1_800_000), "indirect": D(1_500_000), "self_raised": D(7_500_000),
    }
    values.update(changes)
    direct = sum(values[k] for k in ("equipment_purchase", "equipment_other", "operations", "labour"))
    values.setdefault("direct_total", direct)
    values.setdefault("requested_total", direct + values["indirect"])
    return Budget(**values)


def codes(violations):
    return [(v.field, v.code) for v in violations]


def test_budget_at_the_cap_is_clean():
    # direct 6.0M, less equipment purchase 1.0M -> base exactly 5.0M -> cap 1.5M
    budget = make_budget()
    assert budget.indirect_base == D(5_000_000)
    assert check_budget(budget, BudgetRules(per_project_cap=D(7_500_000), co_funding_ratio=D(1))) == []


def test_indirect_one_fen_over_the_cap():
    violations = check_budget(make_budget(indirect=D("1500000.01")), BudgetRules())
    assert codes(violations) == [("indirect", "indirect_over_cap")]
    assert violations[0].message == (
        "Indirect costs of 1500000.01 yuan exceed the cap of 1500000.00 yuan on a base of 5000000 yuan "
        "(direct costs less equipment purchase)"
    )


def test_other_equipment_costs_stay_in_the_base():
    # Moving 1M from purchase to lease raises the base to 6M and the cap to 1.75M.
    budget = make_budget(equipment_purchase=D(0), equipment_other=D(1_200_000), indirect=D(1_750_000))
    assert check_budget(budget, BudgetRules()) == []


def test_totals_must_add_up():
    budget = make_budget(direct_total=D(5_900_000), requested_total=D(1))
    assert codes(check_budget(budget, BudgetRules())) == [
        ("direct_total", "direct_total_mismatch"),
        ("requested_total", "requested_total_mismatch"),
    ]


def test_project_cap_and_co_funding_ratio():
    violations = check_budget(make_budget(self_raised=D(3_000_000)),
                              BudgetRules(per_project_cap=D(5_000_000), co_funding_ratio=D("0.5")))
    assert codes(violations) == [("requested_total", "over_project_cap"), ("self_raised", "co_funding_short")]
    assert violations[1].params["needed"] == D("3750000.00")


def test_negative_amounts_are_named():
    violations = check_budget(make_budget(labour=D(-1)), BudgetRules())
    assert ("labour", "negative_amount") in codes(violations)
