"""import_records and export_records: per-row reports, dry runs, bad rows and files, and round trips."""

import csv
import io
import json
from io import StringIO
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command

from partners.models import PartnerPage
from projects.models import ProjectPage
from tests.factories import make_partner

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample")]

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def run_refusing(*args):
    """An import with refused rows: its report, and the error that makes the command exit 1."""
    out = StringIO()
    with pytest.raises(CommandError, match=r"row\(s\) refused; the others were"):
        call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_the_example_files_create_records_once_then_match_them():
    first = run("import_records", str(EXAMPLES / "partners.csv"), "--kind", "partners")
    assert "row 1: created: example-policy-institute" in first and "2 created" in first
    partner = PartnerPage.objects.get(slug_en="example-policy-institute")
    assert (partner.title_zh_hans, partner.city_en, partner.country.code, partner.live) == (
        "示例政策研究所（示例记录）",
        "Berlin",
        "DE",
        True,
    )
    second = run("import_records", str(EXAMPLES / "partners.csv"), "--kind", "partners")
    assert "0 created" in second and "2 unchanged" in second
    assert PartnerPage.objects.filter(slug_en="example-policy-institute").count() == 1

    projects = run("import_records", str(EXAMPLES / "projects.json"), "--kind", "projects")
    assert "1 created" in projects
    project = ProjectPage.objects.get(slug_en="example-joint-study")
    assert sorted((link.partner.slug_en, link.role) for link in project.project_partners.all()) == [
        ("example-policy-institute", "partner"),
        ("oecd", "sponsor"),
    ]
    assert sorted(field.slug for field in project.research_fields.all()) == ["innovation-policy", "st-policy"]
    # Again: the partner named by its acronym (OECD) is the partner exported by its slug (oecd).
    revisions = project.revisions.count()
    again = run("import_records", str(EXAMPLES / "projects.json"), "--kind", "projects")
    assert "row 1: unchanged: example-joint-study" in again
    assert project.revisions.count() == revisions


def test_a_blank_cell_leaves_its_field_and_clear_empties_it(tmp_path):
    file = tmp_path / "partners.csv"
    file.write_text("slug,city_en,city_zh_hans,website,stable_partnership\noecd,,,,\n", encoding="utf-8")
    before = PartnerPage.objects.get(slug_en="oecd")
    before.city_en, before.website = "Paris", "https://www.oecd.org/"
    before.save_revision().publish()
    assert "row 1: unchanged: oecd" in run("import_records", str(file), "--kind", "partners")
    file.write_text("slug,city_en,website\noecd,[clear],[CLEAR]\n", encoding="utf-8")
    assert "row 1: updated: oecd" in run("import_records", str(file), "--kind", "partners")
    after = PartnerPage.objects.get(slug_en="oecd")
    assert (after.city_en, after.website, after.title_en) == ("", "", before.title_en)


def test_clear_empties_a_projects_links(tmp_path, sample):
    file = tmp_path / "projects.csv"
    file.write_text("slug,partners,research_fields\nphd-career-survey,[clear],\n", encoding="utf-8")
    fields = sorted(sample.survey.research_fields.values_list("slug", flat=True))
    assert "row 1: updated" in run("import_records", str(file), "--kind", "projects")
    project = ProjectPage.objects.get(pk=sample.survey.pk)
    assert project.project_partners.count() == 0
    assert sorted(project.research_fields.values_list("slug", flat=True)) == fields  # blank: as it was


def test_a_changed_row_updates_the_page_with_a_new_revision(tmp_path):
    file = tmp_path / "partners.csv"
    file.write_text("slug,city_en,city_zh_hans\noecd,Paris,法国巴黎\n", encoding="utf-8")
    oecd = PartnerPage.objects.get(slug_en="oecd")
    revisions = oecd.revisions.count()
    assert "row 1: updated: oecd" in run("import_records", str(file), "--kind", "partners")
    oecd.refresh_from_db()
    assert oecd.city_zh_hans == "法国巴黎" and oecd.title_en.startswith("Organisation")
    assert oecd.revisions.count() == revisions + 1


def test_dry_run_writes_nothing():
    out = run("import_records", str(EXAMPLES / "partners.csv"), "--kind", "partners", "--dry-run")
    assert "Dry run, nothing written: 2 created" in out
    assert not PartnerPage.objects.filter(slug_en="example-policy-institute").exists()


def test_a_bad_row_is_refused_with_its_reason_and_the_rest_goes_on(tmp_path):
    file = tmp_path / "mixed.csv"
    file.write_text(
        "slug,title_en,title_zh_hans,kind,country,stable_partnership\n"
        "good-one,Good One,好机构,university,GB,false\n"
        "bad-kind,Bad Kind,坏类型,spaceship,GB,false\n"
        "bad-flag,Bad Flag,,university,GB,perhaps\n"
        ",No Slug,,university,,false\n"
        "no-title,,,university,,false\n",
        encoding="utf-8",
    )
    out = run_refusing("import_records", str(file), "--kind", "partners")
    assert "row 1: created: good-one" in out
    assert "row 2: refused: kind:" in out and "spaceship" in out
    assert "row 3: refused: stable_partnership: 'perhaps' is not true or false" in out
    assert "row 4: refused: slug is empty" in out
    assert "row 5: refused: title_en is empty" in out
    assert list(
        PartnerPage.objects.filter(slug_en__in=["good-one", "bad-kind", "bad-flag"]).values_list("slug_en", flat=True)
    ) == ["good-one"]


def test_unknown_links_and_dates_are_refused(tmp_path):
    file = tmp_path / "mous.csv"
    file.write_text(
        "slug,title_en,partner,date_signed\nmou-x,MOU X,nobody,2024-01-01\nmou-y,MOU Y,NISTEP,2024-13-45\n"
        "mou-z,MOU Z,nistep,2024-02-29\n",
        encoding="utf-8",
    )
    out = run_refusing("import_records", str(file), "--kind", "mous")
    assert "row 1: refused: no partner with the slug or acronym 'nobody'" in out
    assert "row 2: refused: date_signed: '2024-13-45' is not a date" in out
    assert "row 3: created: mou-z" in out


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.json", b"{not json", "is not valid JSON"),
        ("object.json", b'{"slug": "x"}', "must hold a JSON list of objects"),
        ("latin1.csv", "slug,title_en\nx,Caf\xe9\n".encode("latin-1"), "is not UTF-8 text"),
        ("noslug.csv", b"name,title\nx,y\n", "has no 'slug' column"),
        ("quotes.csv", b'slug,title_en\n"x,"y\n', "is not valid CSV"),
        ("data.xlsx", b"PK\x03\x04", "must end in .csv or .json"),
    ],
)
def test_a_file_that_is_not_valid_csv_or_json_is_refused_clearly(tmp_path, name, content, message):
    file = tmp_path / name
    file.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        run("import_records", str(file), "--kind", "partners")


def test_a_missing_file_is_refused_clearly():
    with pytest.raises(CommandError, match="Cannot read"):
        run("import_records", "/nonexistent/file.csv", "--kind", "partners")


@pytest.mark.parametrize("kind", ["partners", "projects", "mous", "events"])
@pytest.mark.parametrize("file_format", ["csv", "json"])
def test_export_then_import_leaves_everything_unchanged(tmp_path, kind, file_format):
    file = tmp_path / f"{kind}.{file_format}"
    run("export_records", "--kind", kind, "--output", str(file))
    before = file.read_text(encoding="utf-8")
    out = run("import_records", str(file), "--kind", kind)
    assert " 0 created, 0 updated" in " " + out.splitlines()[-1] and "0 refused" in out
    run("export_records", "--kind", kind, "--output", str(file))
    assert file.read_text(encoding="utf-8") == before


FORMULAS = ['=HYPERLINK("http://example.com/x","click")', "+CMD|' /C calc'!A0", "@SUM(1+1)", "-2+3", "'quoted"]


def test_csv_export_writes_formula_looking_cells_as_text_and_imports_them_back_unchanged(tmp_path):
    for number, value in enumerate(FORMULAS):
        make_partner(f"formula-{number}", title=value, summary=value)
    file = tmp_path / "partners.csv"
    run("export_records", "--kind", "partners", "--output", str(file))
    rows = {row["slug"]: row for row in csv.DictReader(io.StringIO(file.read_text(encoding="utf-8")))}
    for number, value in enumerate(FORMULAS):
        assert rows[f"formula-{number}"]["title_en"] == f"'{value}"  # text to a spreadsheet, not a formula
    out = run("import_records", str(file), "--kind", "partners")
    assert "0 created, 0 updated" in out and "0 refused" in out
    assert [PartnerPage.objects.get(slug_en=f"formula-{n}").summary_en for n in range(len(FORMULAS))] == FORMULAS
    # JSON is data, not a spreadsheet: written as it is.
    run("export_records", "--kind", "partners", "--output", str(tmp_path / "partners.json"))
    assert '"title_en": "@SUM(1+1)"' in (tmp_path / "partners.json").read_text(encoding="utf-8")


HOSTILE_HTML = (
    '<p>Facts.</p><script>alert(1)</script><img src="x" onerror="alert(2)"><a href="javascript:alert(3)">link</a>'
    '<iframe src="https://evil.example/"></iframe><meta http-equiv="refresh" content="0;url=https://evil.example/">'
    '<p><a href="https://example.org/" onclick="alert(4)">kept</a></p>'
)


def test_imported_rich_text_is_cleaned_as_the_editor_cleans_it(client, tmp_path):
    file = tmp_path / "partners.json"
    file.write_text(
        json.dumps([{"slug": "hostile", "title_en": "Hostile", "kind": "university", "description_en": HOSTILE_HTML}]),
        encoding="utf-8",
    )
    assert "row 1: created: hostile" in run("import_records", str(file), "--kind", "partners")
    html = client.get("/en/partners/hostile/").content.decode()
    main = html[html.index("<main") :]
    assert "Facts." in main and '<a href="https://example.org/">kept</a>' in main
    for hostile in ("<script>alert", "onerror", "javascript:", "<iframe", 'http-equiv="refresh"', "onclick"):
        assert hostile not in html
    assert "row 1: unchanged" in run("import_records", str(file), "--kind", "partners")  # read again: the same


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ({"summary_en": "x" * 100_000}, "summary_en: Ensure this value has at most 600 characters"),
        ({"title_en": {"a": 1}}, "title_en: must be text, not an object"),
        ({"title_en": ["a"]}, "title_en: must be text, not a list"),
        ({"title_en": "Nul\x00here"}, "it holds a NUL character"),
        ({"start_year": 20025}, "start_year: Ensure this value is less than or equal to 2100"),
        ({"start_year": "1066"}, "start_year: Ensure this value is greater than or equal to 1950"),
        ({"status": "finished"}, "status: Select a valid choice"),
        ({"title_en": "t" * 300}, "title_en: Ensure this value has at most 255 characters"),
    ],
)
def test_import_enforces_the_limits_the_admin_enforces(tmp_path, row, reason):
    file = tmp_path / "projects.json"
    file.write_text(
        json.dumps([{"slug": "limited", "title_en": "Limited", **row}, {"slug": "fine", "title_en": "Fine"}])
    )
    out = run_refusing("import_records", str(file), "--kind", "projects")
    assert f"row 1: refused: {reason}" in out and "row 2: created: fine" in out
    assert not ProjectPage.objects.filter(slug_en="limited").exists()


def test_a_csv_row_with_more_fields_than_the_header_is_refused_alone(tmp_path):
    file = tmp_path / "projects.csv"
    file.write_text("slug,title_en\nextra,Extra,surplus\nfine,Fine\n", encoding="utf-8")
    out = run_refusing("import_records", str(file), "--kind", "projects")
    assert "row 1: refused: it has more fields than the first line names" in out and "row 2: created: fine" in out


def test_deeply_nested_json_is_refused_as_a_file_clearly(tmp_path):
    file = tmp_path / "partners.json"
    file.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(CommandError, match="nests its JSON too deeply"):
        run("import_records", str(file), "--kind", "partners")


def test_a_nul_in_a_link_column_is_refused_on_every_database(tmp_path):
    file = tmp_path / "projects.json"
    file.write_text(json.dumps([{"slug": "linked", "title_en": "Linked", "partners": "oecd\x00:partner"}]))
    assert "row 1: refused: it holds a NUL character" in run_refusing("import_records", str(file), "--kind", "projects")
