import pytest

from kechuang.tracking.engine import Light, Status, light_from_observations, light_of, next_light

from .factories import day, spec

S = Status


@pytest.mark.parametrize(
    ("statuses", "light"),
    [
        ([], None),
        ([S.NOT_STARTED], None),
        ([S.ON_TRACK], Light.GREEN),
        ([S.AT_RISK], Light.GREEN),
        ([S.ACHIEVED], Light.GREEN),
        ([S.MISSED], Light.RED),
        ([S.ON_TRACK, S.BEHIND], Light.RED),
        ([S.ON_TRACK, S.BEHIND, S.ON_TRACK], Light.YELLOW),  # the red gap was made up
        ([S.BEHIND, S.AT_RISK], Light.RED),  # at risk is not yet made up
        ([S.BEHIND, S.AT_RISK, S.ACHIEVED], Light.YELLOW),
        ([S.BEHIND, S.ON_TRACK, S.AT_RISK], Light.YELLOW),
        ([S.BEHIND, S.ON_TRACK, S.ON_TRACK], Light.YELLOW),  # yellow never returns to green
        ([S.BEHIND, S.ON_TRACK, S.BEHIND], Light.RED),
        ([S.BEHIND, S.ON_TRACK, S.BEHIND, S.ACHIEVED], Light.YELLOW),
        ([S.ON_TRACK, S.AT_RISK, S.ON_TRACK], Light.GREEN),
        ([S.ON_TRACK, S.NOT_STARTED], Light.GREEN),
    ],
)
def test_light_follows_the_status_history(statuses, light):
    assert light_of(statuses) is light


def test_next_light_continues_from_a_stored_light():
    assert next_light(Light.RED, S.ON_TRACK) is Light.YELLOW
    assert next_light(Light.YELLOW, S.BEHIND) is Light.RED
    assert next_light(Light.GREEN, S.ACHIEVED) is Light.GREEN


def test_light_from_observations_replays_reports():
    target = spec(value=100)
    made_up = [(day(50), 30), (day(80), 85)]  # behind on day 50 (30/50), on track on day 80 (85/80)
    assert light_from_observations(target, made_up, day(90)) is Light.YELLOW
    assert light_from_observations(target, made_up[1:], day(90)) is Light.GREEN
    assert light_from_observations(target, made_up[:1], day(60)) is Light.RED
    assert light_from_observations(target, [], day(20)) is None


def test_light_codes_are_stable():
    assert [light.value for light in Light] == ["green", "yellow", "red"]
