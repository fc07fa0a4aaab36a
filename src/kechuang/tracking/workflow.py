"""The progress report's workflow, declared once as data: states, transitions and who may act.

Stored state codes are stable (``ProgressReport.State``); only labels are translated. Services read
this table to check a transition and write the audit row with from, to and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from kechuang.i18n import gettext_noop


class Actor(StrEnum):
    UNIT = "unit"  # a member of the reporting unit
    PLANNER = "planner"


@dataclass(frozen=True)
class Transition:
    name: str
    source: tuple[str, ...]
    target: str
    actor: Actor
    label: str
    needs_reason: bool = False
    lead_only: bool = False  # contributions of supporting units go to the lead unit, not to the planner


TRANSITIONS: dict[str, Transition] = {t.name: t for t in (
    Transition("submit", ("draft", "returned"), "submitted", Actor.UNIT, gettext_noop("Submit")),
    Transition("accept", ("submitted",), "accepted", Actor.PLANNER, gettext_noop("Accept"), lead_only=True),
    Transition("return", ("submitted",), "returned", Actor.PLANNER, gettext_noop("Return"),
               needs_reason=True, lead_only=True),
)}
EDITABLE_STATES = frozenset({"draft", "returned"})


def available(state: str, *, contribution: bool) -> list[Transition]:
    """Transitions that leave ``state``."""
    return [t for t in TRANSITIONS.values() if state in t.source and not (contribution and t.lead_only)]
