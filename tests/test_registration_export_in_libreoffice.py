"""The registrations staff export open in LibreOffice Calc (Debian's, headless) with their Chinese intact: the XLSX
and the CSV, converted by LibreOffice itself back to text and read. A developer without LibreOffice gets a skip
with a message; in CI (CI=true) a missing LibreOffice fails."""

import os
import shutil
import subprocess
from io import StringIO

import pytest

from django.core.management import call_command

from events.models import EventPage
from events.registration import register
from tests.factories import make_staff

SOFFICE = shutil.which("soffice")
if not SOFFICE:
    if os.environ.get("CI"):
        pytest.fail("LibreOffice is missing: CI installs Debian's libreoffice-calc-nogui.", pytrace=False)
    pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui).", allow_module_level=True)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded")]


def opened_in_libreoffice(path, tmp_path):
    """The file as LibreOffice reads it, saved by LibreOffice as UTF-8 CSV (filter options: comma, quote, UTF-8).
    A CSV is read as its import dialog reads it once UTF-8 is chosen there (headless, it has no dialog to ask)."""
    profile = tmp_path / "profile"
    reading = ["--infilter=Text - txt - csv (StarCalc):44,34,76"] if path.suffix == ".csv" else []
    subprocess.run(  # noqa: S603 - LibreOffice from PATH, on a file the test wrote
        [
            SOFFICE,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            *reading,
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(tmp_path / "out"),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return (tmp_path / "out" / (path.stem + ".csv")).read_text(encoding="utf-8")


@pytest.mark.parametrize("export_format", ["xlsx", "csv"])
def test_the_export_opens_in_libreoffice_with_chinese_intact(client, tmp_path, export_format):
    call_command("load_example_conference", stdout=StringIO())
    event = EventPage.objects.get(slug_en="sample-forum-2nd-edition")
    register(
        event,
        {"name": "张三", "affiliation": "中国科学技术发展战略研究院", "email": "zhang@example.org", "country": "CN"},
        {"饮食要求": "清真"},
        "zh-hans",
    )
    register(
        event,
        {"name": "=1+1", "affiliation": "@SUM(A1)", "email": "formula@example.org", "country": "DE"},
        {},
        "en",
    )
    client.force_login(make_staff("mo", "Moderators"))
    response = client.get(f"/admin/registrations/?export={export_format}")
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    path = tmp_path / f"registrations.{export_format}"
    path.write_bytes(content)
    text = opened_in_libreoffice(path, tmp_path)
    assert "张三" in text and "中国科学技术发展战略研究院" in text and "清真" in text
    # A visitor's "=1+1" stays text: LibreOffice shows it, it does not compute 2.
    assert "=1+1" in text and "@SUM(A1)" in text
