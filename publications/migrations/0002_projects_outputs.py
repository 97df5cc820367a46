"""The projects' "Outputs" that are publications become publications linked to their project (publications/outputs.py).

Where there are outputs, it works with the models as they are when it runs, not the migration state's: a page is
made through Wagtail's tree API, which historical models lack. On a database with no outputs (every new one) it
does nothing."""

from django.db import migrations


def move(apps, schema_editor):
    # Asked of the migration state first: on a new database, Page's translated columns (wagtail-modeltranslation's
    # migrate adds them after the migrations) do not exist yet, and the models of today cannot be read.
    historical = apps.get_model("projects", "ProjectPage").objects.values_list("outputs_en", "outputs_zh_hans")
    if any(len(english or []) or len(chinese or []) for english, chinese in historical):
        from publications.outputs import move_outputs_to_publications

        move_outputs_to_publications()


class Migration(migrations.Migration):
    dependencies = [
        ("publications", "0001_initial"),
        ("projects", "0005_projectpage_sort_title_projectpage_sort_title_en_and_more"),
        ("home", "0001_initial"),
    ]

    operations = [migrations.RunPython(move, migrations.RunPython.noop)]
