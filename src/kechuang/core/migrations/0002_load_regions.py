"""Load the GB/T 2260 administrative divisions shipped in kechuang/core/data/regions.csv."""

from django.db import migrations

LEVEL_ORDER = {"province": 0, "prefecture": 1, "county": 2}


def load(apps, schema_editor):
    from kechuang.core.regions_data import load_regions

    Region = apps.get_model("core", "Region")
    if Region.objects.exists():
        return
    rows = sorted(load_regions(), key=lambda r: (LEVEL_ORDER[r.level], r.code))
    Region.objects.bulk_create(
        [Region(code=r.code, name=r.name, level=r.level, parent_id=r.parent_code or None) for r in rows],
        batch_size=500,
    )


def unload(apps, schema_editor):
    apps.get_model("core", "Region").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
