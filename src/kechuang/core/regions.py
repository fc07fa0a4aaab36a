"""Loading the GB/T 2260 table (kechuang/core/data/regions.csv) into the Region model."""

from __future__ import annotations

from django.db import models

from kechuang.core.regions_data import load_regions

LEVEL_ORDER = {"province": 0, "prefecture": 1, "county": 2}


def regions_load(region_model: type[models.Model] | None = None) -> int:
    """Fill an empty region table from the packaged data; return how many rows were added.

    Called by the data migration (with the historical model) and by anything that must cope with a
    flushed database, such as a restore or a test that empties every table.
    """
    if region_model is None:
        from kechuang.core.models import Region as region_model
    if region_model.objects.exists():
        return 0
    rows = sorted(load_regions(), key=lambda r: (LEVEL_ORDER[r.level], r.code))
    region_model.objects.bulk_create(
        [region_model(code=r.code, name=r.name, level=r.level, parent_id=r.parent_code or None) for r in rows],
        batch_size=500,
    )
    return len(rows)
