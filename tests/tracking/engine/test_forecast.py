import pytest

from kechuang.tracking.engine import ForecastMethod, Kind, forecast

from .factories import day, spec


def test_two_observations_extend_their_line():
    result = forecast(spec(value=100), [(day(20), 10), (day(60), 50)])
    assert result.method is ForecastMethod.LINEAR_TREND
    assert result.value == pytest.approx(90)
    assert result.reaches is False


def test_several_observations_use_least_squares():
    # t̄ = 20, ȳ = 20, Sxx = 200, Sxy = 250 → slope 1.25; at t = 100: 20 + 1.25 × 80 = 120
    result = forecast(spec(value=100), [(day(30), 30), (day(10), 5), (day(20), 25)])
    assert result.value == pytest.approx(120)
    assert result.reaches is True


def test_one_observation_of_an_amount_is_extrapolated_pro_rata_from_zero():
    result = forecast(spec(value=100), [(day(25), 30)])
    assert (result.method, result.value, result.reaches) == (
        ForecastMethod.PRO_RATA,
        pytest.approx(120),
        True,
    )


def test_one_observation_of_growth_is_extrapolated_from_the_baseline():
    result = forecast(spec(Kind.GROWTH, 10, baseline_value=200), [(day(50), 204)])
    assert (result.method, result.value, result.reaches) == (
        ForecastMethod.PRO_RATA,
        pytest.approx(208),
        False,
    )


def test_without_a_start_the_last_value_is_carried_forward():
    assert forecast(spec(Kind.LEVEL, 2.1), [(day(50), 2.2)]).method is ForecastMethod.LAST_VALUE
    assert forecast(spec(), [(day(0), 3)]).value == 3


def test_no_observation_in_the_period_gives_no_forecast():
    result = forecast(spec(), [(day(-3), 50), (day(120), 80)])
    assert (result.method, result.value, result.reaches) == (ForecastMethod.NONE, None, None)


def test_same_day_observations_are_one_point_for_the_method():
    assert forecast(spec(), [(day(25), 30), (day(25), 30)]).method is ForecastMethod.PRO_RATA
