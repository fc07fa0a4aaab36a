import datetime as dt

from kechuang.tracking import services
from kechuang.tracking.models import LightChange, MetricReading, StatusSnapshot
from kechuang.tracking.recompute import status_recompute

from .helpers import accepted


def snap(assignment) -> StatusSnapshot:
    return StatusSnapshot.objects.get(assignment=assignment)


def test_a_red_gap_made_up_turns_yellow_and_the_history_is_kept(tracked):
    hte = tracked.by_metric("高新技术企业")  # 40 by year end, quarterly
    accepted(tracked, hte, "2025-Q1", 4, today=dt.date(2025, 4, 5))  # expected ≈ 9.9 on 31 March: behind
    status_recompute(on=dt.date(2025, 4, 20))
    first = snap(hte)
    assert (first.status, first.light) == ("behind", "red")
    assert first.actual == 4 and round(first.expected, 2) == round(40 * 89 / 364, 2)
    accepted(tracked, hte, "2025-Q2", 25, today=dt.date(2025, 7, 5))  # expected ≈ 19.9 on 30 June
    status_recompute(on=dt.date(2025, 7, 20))
    second = snap(hte)
    assert (second.status, second.light) == ("on_track", "yellow")
    assert second.forecast_method == "linear_trend" and second.forecast_reaches is True
    assert list(LightChange.objects.filter(assignment=hte).values_list("light_from", "light_to")) == [
        ("", "red"), ("red", "yellow")]
    status_recompute(on=dt.date(2025, 7, 21))  # nothing new: no new change recorded
    assert LightChange.objects.filter(assignment=hte).count() == 2


def test_a_target_without_reports_is_not_started_then_missed(tracked):
    lab = tracked.by_metric("重点实验室")
    status_recompute(on=dt.date(2025, 6, 1))
    assert snap(lab).status == "not_started" and snap(lab).light == ""
    status_recompute(on=dt.date(2026, 1, 5))
    assert (snap(lab).status, snap(lab).light) == ("missed", "red")


def test_a_growth_target_needs_its_baseline(tracked):
    energy = tracked.by_metric("能耗")  # 下降5%: a decrease against the baseline
    status_recompute(on=dt.date(2025, 6, 1))
    assert snap(energy).note == "no baseline"
    energy.baseline_value, energy.baseline_year = 100.0, 2024
    energy.save()
    accepted(tracked, energy, "2025-Q2", 96, today=dt.date(2025, 7, 1))
    status_recompute(on=dt.date(2025, 7, 2))
    # goal 95 by year end; expected on 30 June ≈ 97.5, so 96 is ahead of the path but not yet there
    assert snap(energy).status == "on_track"
    accepted(tracked, energy, "2025-Q3", 94.5, today=dt.date(2025, 10, 1))
    status_recompute(on=dt.date(2025, 10, 2))
    assert (snap(energy).status, snap(energy).light) == ("achieved", "green")


def test_a_bound_target_reads_the_metric_and_an_override_wins(tracked):
    hte = tracked.by_metric("高新技术企业")
    services.metric_bind(actor=tracked.planner, assignment=hte, code="core.organisation_count",
                         filters={"kind": "enterprise"})
    status_recompute(on=dt.date(2025, 6, 30))
    assert MetricReading.objects.get(assignment=hte).value == 4  # the world's four enterprises
    assert (snap(hte).actual, snap(hte).source) == (4, "metric")
    report = services.report_save(actor=tracked.dept, assignment=hte, unit=tracked.world.department,
                                  data=services.ReportInput("2025-Q2", value=22, override_reason="含迁入企业"),
                                  today=dt.date(2025, 6, 30))
    services.report_transition(actor=tracked.dept, report=report, name="submit")
    services.report_transition(actor=tracked.planner, report=report, name="accept")
    status_recompute(on=dt.date(2025, 6, 30))
    assert snap(hte).actual == 22


def test_an_at_risk_target_keeps_its_stored_light_on_the_next_run(tracked):
    hte = tracked.by_metric("高新技术企业")
    accepted(tracked, hte, "2025-Q1", 8.5, today=dt.date(2025, 4, 5))  # 87% of the expected ≈ 9.8
    status_recompute(on=dt.date(2025, 4, 20))
    status_recompute(on=dt.date(2025, 4, 21))
    assert (snap(hte).status, snap(hte).light) == ("at_risk", "green")
