"""Load the GB/T 2260 administrative divisions shipped in kechuang/core/data/regions.csv."""

from django.db import migrations

def load(apps, schema_editor):
    from kechuang.core.regions import regions_load

    regions_load(apps.get_model("core", "Region"))


def unload(apps, schema_editor):
    apps.get_model("core", "Region").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
