"""Rule sets dated by when they apply, one registry per domain (plain Python, no Django).

Regulations change on a date: the high-tech enterprise thresholds of 2016, the technology-contract rules in
force from 2026-03-01, a province's carrier evaluation revised every few years. A case is judged by the rules
in force on *its own* date — an application of 2025 by the 2025 rules even when it is reviewed in 2026 — so
each revision is a :class:`RuleSet` of its own, registered beside the older ones, never an edit of them.

A domain (``"enterprises.hte"``, ``"enterprises.tech_sme"``, ``"techmarket.contracts"`` …) holds its sets
as one unbroken run of periods: registration refuses a period that overlaps another or leaves a gap after
the previous one, naming both sets and the days concerned, so "which rules applied on D?" always has
exactly one answer from the first set's start on. A date before that start has no answer, and
:class:`NoRuleSetInForce` says so in words a user can read.

Messages are English templates marked with :func:`kechuang.i18n.gettext_noop` plus their parameters; the
web layer shows ``gettext(error.template) % error.params``. Registration errors are for the developer who
adds a set (they stop the app loading) and name the domain; a lookup error is for the user whose case falls
before the first set.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Generic, TypeVar

from kechuang.i18n import MessageError, gettext_noop

P = TypeVar("P")

_DAY = timedelta(days=1)
NONE_REGISTERED = gettext_noop("No rules are in force on %(date)s: none are registered yet.")


class RuleSetError(MessageError):
    """A rule set or a lookup is wrong; ``template % params`` says what and where."""


class RuleSetRegistrationError(RuleSetError):
    """A rule set was refused at registration (bad period, overlap, gap, duplicate id)."""


class NoRuleSetInForce(RuleSetError, LookupError):
    """No rule set of the domain is in force on the date asked for (it is before the first one).

    The message leaves the domain out (the page it shows on names the subject, and the domain is a code);
    ``params["domain"]`` carries it for logs and callers.
    """


@dataclass(frozen=True, slots=True)
class Source:
    """Where the rules come from: a document number (文号) and, where it helps, the article (条款)."""

    document: str
    article: str = ""

    def __str__(self) -> str:
        return f"{self.document} {self.article}".strip()


@dataclass(frozen=True, slots=True)
class RuleSet(Generic[P]):
    """One revision of a domain's rules.

    ``effective_to`` is the last day in force (inclusive) or ``None`` while no later revision exists; only
    the newest set of a domain may be open-ended. ``params`` is whatever the domain's rules read
    (thresholds, band tables …), typically a frozen dataclass.
    """

    id: str
    effective_from: date
    params: P
    sources: tuple[Source, ...]
    effective_to: date | None = None

    def in_force_on(self, on: date) -> bool:
        return self.effective_from <= on and (self.effective_to is None or on <= self.effective_to)

    def period(self) -> str:
        """The period as text for messages, e.g. ``2023-01-01 – 2026-02-28`` or ``2026-03-01 – (open)``."""
        return f"{self.effective_from.isoformat()} – {self.effective_to.isoformat() if self.effective_to else '…'}"


class RuleSetRegistry(Generic[P]):
    """The rule sets of one domain, kept as one unbroken run of periods."""

    def __init__(self, domain: str) -> None:
        self.domain = domain
        self._starts: list[date] = []
        self._sets: list[RuleSet[P]] = []

    def __iter__(self) -> Iterator[RuleSet[P]]:
        return iter(self._sets)

    def __len__(self) -> int:
        return len(self._sets)

    def register(self, rule_set: RuleSet[P]) -> RuleSet[P]:
        """Add ``rule_set``; refuse it, saying why, if its period does not fit the run of the others."""
        self._check(rule_set)
        at = bisect_right(self._starts, rule_set.effective_from)
        self._starts.insert(at, rule_set.effective_from)
        self._sets.insert(at, rule_set)
        return rule_set

    def in_force(self, on: date) -> RuleSet[P]:
        """The set in force on ``on``; :class:`NoRuleSetInForce` before the first one."""
        at = bisect_right(self._starts, on)
        if at == 0:
            if not self._sets:
                raise NoRuleSetInForce(NONE_REGISTERED, domain=self.domain, date=on.isoformat())
            raise NoRuleSetInForce(
                gettext_noop("No rules were in force on %(date)s: the earliest (%(id)s) apply from %(first)s."),
                domain=self.domain, date=on.isoformat(), id=self._sets[0].id,
                first=self._sets[0].effective_from.isoformat())
        found = self._sets[at - 1]
        if not found.in_force_on(on):
            # Only the newest set can have ended: registration keeps the periods unbroken.
            raise NoRuleSetInForce(
                gettext_noop("No rules are in force on %(date)s: the latest (%(id)s) ended on %(last)s."),
                domain=self.domain, date=on.isoformat(), id=found.id, last=found.effective_to.isoformat())
        return found

    def _check(self, new: RuleSet[P]) -> None:
        refuse = RuleSetRegistrationError
        where = {"domain": self.domain, "id": new.id}
        if new.effective_to is not None and new.effective_to < new.effective_from:
            raise refuse(gettext_noop("Rule set %(id)s of “%(domain)s” ends (%(end)s) before it starts (%(start)s)."),
                         end=new.effective_to.isoformat(), start=new.effective_from.isoformat(), **where)
        if not new.sources:
            raise refuse(gettext_noop("Rule set %(id)s of “%(domain)s” names no source document."), **where)
        if any(s.id == new.id for s in self._sets):
            raise refuse(gettext_noop("Rule set %(id)s of “%(domain)s” is already registered."), **where)
        at = bisect_right(self._starts, new.effective_from)
        before = self._sets[at - 1] if at else None
        after = self._sets[at] if at < len(self._sets) else None
        if before is not None:
            self._check_pair(before, new)
        if after is not None:
            self._check_pair(new, after)

    def _check_pair(self, earlier: RuleSet[P], later: RuleSet[P]) -> None:
        """``earlier`` must end on the day before ``later`` starts: no overlap, no gap."""
        params = {"domain": self.domain, "earlier": earlier.id, "earlier_period": earlier.period(),
                  "later": later.id, "later_period": later.period()}
        if earlier.effective_to is None or earlier.effective_to >= later.effective_from:
            raise RuleSetRegistrationError(
                gettext_noop("Rule sets %(earlier)s (%(earlier_period)s) and %(later)s (%(later_period)s) of "
                             "“%(domain)s” overlap: %(earlier)s must end on %(day_before)s."),
                day_before=(later.effective_from - _DAY).isoformat(), **params)
        if earlier.effective_to + _DAY < later.effective_from:
            raise RuleSetRegistrationError(
                gettext_noop("Between rule sets %(earlier)s (%(earlier_period)s) and %(later)s (%(later_period)s) "
                             "of “%(domain)s” no rules are in force from %(gap_from)s to %(gap_to)s."),
                gap_from=(earlier.effective_to + _DAY).isoformat(),
                gap_to=(later.effective_from - _DAY).isoformat(), **params)


_domains: dict[str, RuleSetRegistry[Any]] = {}


def domain(name: str) -> RuleSetRegistry[Any]:
    """The registry of domain ``name`` (``"<app>.<subject>"``), created on first use."""
    registry = _domains.get(name)
    if registry is None:
        registry = _domains[name] = RuleSetRegistry(name)
    return registry


def register(domain_name: str, rule_set: RuleSet[P]) -> RuleSet[P]:
    """Register ``rule_set`` in ``domain_name``; refused with the reason if its period does not fit."""
    return domain(domain_name).register(rule_set)


def in_force(domain_name: str, on: date) -> RuleSet[Any]:
    """The set of ``domain_name`` in force on ``on`` (a case is judged by the set of its own date)."""
    registry = _domains.get(domain_name)
    if registry is None:
        raise NoRuleSetInForce(NONE_REGISTERED, domain=domain_name, date=on.isoformat())
    return registry.in_force(on)


def domains() -> dict[str, RuleSetRegistry[Any]]:
    """Every domain with its sets (for listing the rules the platform applies)."""
    return dict(_domains)
