"""Assessing many stored enterprises at once and caching each outcome on its profile.

Used after an import, by the nightly ``enterprise_assess`` command and by the demo data: rows are
read in chunks with their related rows prefetched (four queries per chunk), the engine runs over the
chunk, and the cached fields are written back with one UPDATE per distinct outcome (outcomes repeat a
lot, and Django's CASE-based bulk_update is far slower on thousands of rows).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from kechuang.enterprises import adapter
from kechuang.enterprises.models import EnterpriseProfile
from kechuang.enterprises.rules import assess_many

CHUNK = 2000


def assess_profiles(profile_ids: Iterable[int] | None, *, on: date) -> int:
    """Re-assess the given profiles (all when ``None``) on ``on``; returns how many were assessed."""
    qs = EnterpriseProfile.objects.order_by("pk")
    ids = None if profile_ids is None else sorted(set(profile_ids))
    done = 0
    last_pk = 0
    while True:
        chunk_qs = qs.filter(pk__gt=last_pk)[:CHUNK] if ids is None else qs.filter(pk__in=ids[done:done + CHUNK])
        profiles = list(chunk_qs.prefetch_related("figures", "ip_items", "qualifications"))
        if not profiles:
            return done
        results = assess_many([adapter.profile_to_engine(p, on=on) for p in profiles], on=on)
        same: dict[tuple, list[int]] = defaultdict(list)
        for profile, result in zip(profiles, results, strict=True):
            adapter.apply_outcome(profile, result, on=on)
            same[tuple(getattr(profile, name) for name in adapter.OUTCOME_FIELDS)].append(profile.pk)
        for values, pks in same.items():
            outcome = dict(zip(adapter.OUTCOME_FIELDS, values, strict=True))
            EnterpriseProfile.objects.filter(pk__in=pks).update(**outcome)
        done += len(profiles)
        last_pk = profiles[-1].pk
