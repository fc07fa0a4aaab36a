"""The daily reminder job (临近提醒 → 到期催办 → 情况通报) on top of the engine's ladder.

The engine decides which rungs are due; this module finds the deadlines (each lead unit's reporting
periods), sends the notifications, grouped into one message per unit and rung so a unit with forty
targets gets one reminder rather than forty, and records every rung sent so a rerun sends nothing.

Recipients: ``unit`` is every active member of the unit; ``unit_head`` is the unit's members with
the leader role, or, when it has none, the leaders of its parent organisation (the bureau's leaders
for a department); ``leaders_dashboard`` raises a red flag on the leaders' dashboard and tells the
planners, who chase late units.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kechuang.core.models import Organisation, User
from kechuang.core.notifications import notify
from kechuang.core.roles import Role
from kechuang.tracking.engine import Deadline, Recipient, Reminder, ReminderPolicy, reminders_to_send
from kechuang.tracking.models import Assignment, ProgressReport, ReminderSent
from kechuang.tracking.specs import periods_between

LOOKBACK_DAYS = 120  # older deadlines are the assessment's business, not the reminders'

LEVELS = {0: "info", 1: "warning", 2: "warning", 3: "danger"}


def _deadlines(today: dt.date, policy: ReminderPolicy) -> tuple[list[Deadline], dict[int, str]]:
    horizon = today + dt.timedelta(days=policy.due_soon_days)
    earliest = today - dt.timedelta(days=LOOKBACK_DAYS)
    deadlines, names = [], {}
    rows = Assignment.objects.filter(period_start__lte=horizon, period_end__gte=earliest - dt.timedelta(days=31))
    for aid, unit_id, start, end, frequency, metric in rows.values_list(
            "id", "lead_unit_id", "period_start", "period_end", "frequency", "target__metric"):
        names[aid] = metric
        deadlines += [Deadline(str(unit_id), str(aid), p.key, p.due)
                      for p in periods_between(start, end, frequency) if earliest <= p.due <= horizon]
    return deadlines, names


def _recipients(unit: Organisation, recipient: Recipient, cache: dict) -> list[User]:
    key = (unit.pk, recipient)
    if key not in cache:
        active = User.objects.filter(is_active=True)
        if recipient is Recipient.UNIT:
            users = active.filter(organisation=unit)
        elif recipient is Recipient.UNIT_HEAD:
            users = active.filter(organisation=unit, role_grants__role=Role.LEADER)
            if not users.exists() and unit.parent_id:
                users = active.filter(organisation_id=unit.parent_id, role_grants__role=Role.LEADER)
        else:
            users = active.filter(role_grants__role=Role.PLANNER)
        cache[key] = list(users.distinct())
    return cache[key]


def reminders_run(*, today: dt.date | None = None, policy: ReminderPolicy | None = None) -> list[ReminderSent]:
    """Send every reminder due by ``today`` and not sent before; return what was recorded."""
    today = today or timezone.localdate()
    policy = policy or ReminderPolicy()
    deadlines, names = _deadlines(today, policy)
    submitted = {(str(u), str(a), k) for u, a, k in ProgressReport.objects.filter(
        is_contribution=False, state__in=[ProgressReport.State.SUBMITTED, ProgressReport.State.ACCEPTED],
    ).values_list("unit_id", "assignment_id", "period_key")}
    sent = {(str(u), str(a), k, kind) for u, a, k, kind in
            ReminderSent.objects.values_list("unit_id", "assignment_id", "period_key", "kind")}
    due = reminders_to_send(deadlines, today, submitted=submitted, sent=sent, policy=policy)
    groups: dict[tuple[str, str], list[Reminder]] = defaultdict(list)
    for reminder in due:
        groups[(reminder.deadline.unit, reminder.kind.value)].append(reminder)
    units = Organisation.objects.in_bulk([int(u) for u, _kind in groups])
    cache: dict = {}
    records = []
    with transaction.atomic():
        for (unit_id, _kind), reminders in groups.items():
            unit, first = units[int(unit_id)], reminders[0]
            people = _recipients(unit, first.recipient, cache)
            title = _title(first, unit, len(reminders))
            body = "\n".join(f"{names.get(int(r.deadline.target), '')} · {r.deadline.period} · "
                             + _("due %(date)s") % {"date": r.deadline.due} for r in reminders[:20])
            link = "/tracking/my/" if first.recipient is Recipient.UNIT else "/tracking/"
            for person in people:
                notify(recipient=person, title=title, body=body, link=link, level=LEVELS[first.level])
            records += [ReminderSent(assignment_id=int(r.deadline.target), unit=unit, period_key=r.deadline.period,
                                     kind=r.kind.value, level=r.level, due=r.deadline.due, sent_on=today,
                                     recipients=len(people)) for r in reminders]
        ReminderSent.objects.bulk_create(records, batch_size=1000, ignore_conflicts=True)
    return records


def _title(reminder: Reminder, unit: Organisation, count: int) -> str:
    params = {"unit": unit.short_name or unit.name, "n": count}
    return {
        "due_soon": _("%(n)d progress report(s) of %(unit)s due within days"),
        "overdue": _("%(n)d progress report(s) of %(unit)s are overdue"),
        "warning": _("Warning: %(unit)s has %(n)d report(s) overdue"),
        "red_flag": _("Red flag: %(unit)s has %(n)d report(s) long overdue"),
    }[reminder.kind.value] % params
