import gc
from datetime import date

from kechuang.enterprises.rules import Verdict, assess, assess_many

from .factories import ON, enterprise


def _batch():
    return [
        enterprise(id="a"),
        enterprise(id="b", st_staff=5),
        enterprise(id="c", registered_on=date(2025, 1, 1)),
    ]


def test_assess_many_matches_assess_one_by_one():
    batch = _batch()
    many = assess_many(batch, on=ON)
    one = [assess(e, on=ON) for e in batch]
    assert [(a.hte.verdict, a.sme.verdict) for a in many] == [(a.hte.verdict, a.sme.verdict) for a in one]
    assert [a.hte.gaps for a in many] == [a.hte.gaps for a in one]
    assert [a.hte.enterprise_id for a in many] == ["a", "b", "c"]
    assert many[1].hte.verdict is Verdict.FAIL


def test_details_are_built_once_and_cached():
    result = assess(enterprise(), on=ON).hte
    assert result.details is result.details
    assert result.conditions is result.details.conditions


def test_garbage_collector_state_is_restored():
    assert gc.isenabled()
    assess_many(_batch(), on=ON)
    assert gc.isenabled()
    gc.disable()
    try:
        assess_many(_batch(), on=ON)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_messages_are_format_templates_with_named_values():
    for condition in assess(enterprise(st_staff=5), on=ON).hte.conditions:
        assert condition.message.template.format(**condition.message.params) == condition.message.text
