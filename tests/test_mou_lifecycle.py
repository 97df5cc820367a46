"""An MOU's status follows its dates where they are recorded, the dashboard lists those to renew, and a daily
command mails that list to moderators in their admin language."""

import datetime
import io

import pytest

from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from partners.models import MouPage, current_status_expression, status_on
from tests.factories import make_mou, make_staff, prefer_language
from tests.test_production_server import free_port

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("sample")]

TODAY = timezone.localdate()


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.mark.parametrize(
    ("status", "expiry", "expected"),
    [
        ("active", None, "active"),  # no dates: what staff recorded
        ("", None, ""),
        ("active", days(400), "active"),
        ("", days(400), "active"),
        ("active", days(90), "expiring"),
        ("active", days(0), "expiring"),
        ("active", days(-1), "expired"),
        ("expired", days(30), "expiring"),  # the dates decide
        ("renewed", days(-10), "renewed"),  # a renewal is staff's word
    ],
)
def test_the_status_follows_the_recorded_dates_in_python_and_in_the_database(sample, status, expiry, expected):
    mou = make_mou("dated", sample.nistep, status=status, expiry_date=expiry)
    assert status_on(TODAY, status, expiry) == expected
    assert mou.current_status == expected
    annotated = MouPage.objects.filter(pk=mou.pk).annotate(now=current_status_expression(TODAY)).get()
    assert annotated.now == expected


def test_visitors_see_the_status_the_dates_give_and_can_filter_by_it(client, sample):
    make_mou("soon", sample.nistep, title="MOU ending soon", status="active", expiry_date=days(30))
    make_mou("old", sample.nistep, title="MOU that ended", status="active", expiry_date=days(-30))
    page = client.get("/en/mous/soon/").content.decode()
    assert "Expiring soon" in page
    assert "即将到期" in client.get("/zh-hans/mous/soon/").content.decode()
    expiring = client.get("/en/mous/?status=expiring").content.decode()
    assert "MOU ending soon" in expiring and "MOU that ended" not in expiring
    expired = client.get("/en/mous/?status=expired").content.decode()
    assert "MOU that ended" in expired and "MOU ending soon" not in expired


def test_the_dashboard_lists_the_mous_to_renew(client, sample):
    make_mou("soon", sample.nistep, title="MOU ending soon", status="active", expiry_date=days(30))
    make_mou("old", sample.nistep, title="MOU that ended", status="active", expiry_date=days(-30))
    make_mou("far", sample.nistep, title="MOU for years", status="active", expiry_date=days(900))
    client.force_login(make_staff("mo", "Moderators"))
    dashboard = client.get("/admin/").content.decode()
    assert "Memoranda of understanding to renew" in dashboard
    assert "MOU ending soon" in dashboard and "MOU that ended" in dashboard and "MOU for years" not in dashboard


def test_the_daily_command_mails_moderators_in_their_language(sample, inbox):
    make_mou("soon", sample.nistep, title="MOU ending soon", title_zh_hans="即将到期的备忘录", expiry_date=days(30))
    make_staff("mo", "Moderators")
    prefer_language(make_staff("wang", "Moderators"), "zh-hans")
    make_staff("erin", "Editors")
    call_command("notify_mou_expiry", stdout=io.StringIO())
    [english] = inbox.bodies_to("mo@example.org")
    [chinese] = inbox.bodies_to("wang@example.org")
    assert "MOU ending soon" in english and "/admin/pages/" in english
    assert "即将到期的备忘录" in chinese and "天内到期" in chinese
    assert not inbox.bodies_to("erin@example.org")


def test_the_daily_command_sends_nothing_when_nothing_expires(sample, inbox):
    make_staff("mo", "Moderators")
    call_command("notify_mou_expiry", stdout=io.StringIO())
    assert inbox.messages == []


def test_a_mail_server_that_fails_makes_the_command_fail_and_shows_on_the_dashboard(client, sample):
    make_mou("soon", sample.nistep, title="MOU ending soon", expiry_date=days(30))
    make_staff("mo", "Moderators")
    closed = {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": free_port(), "EMAIL_TIMEOUT": 2}
    smtp = override_settings(EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", **closed)
    with smtp, pytest.raises(CommandError, match="could not be sent"):
        call_command("notify_mou_expiry", stdout=io.StringIO())
    client.force_login(make_staff("boss", "Moderators"))
    assert "Failed to send e-mail to mo" in client.get("/admin/").content.decode()
