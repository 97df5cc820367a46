"""Staff create and edit every page type through the admin's own forms, both languages side by side."""

from django.contrib.auth import get_user_model

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from casted_site.home.models import HomePage
from events.models import EventIndexPage, EventPage
from news.models import NewsIndexPage
from partners.models import MouIndexPage, MouPage, PartnerIndexPage, PartnerPage
from projects.models import ProjectIndexPage, ProjectPage
from publications.models import PublicationIndexPage
from tests.factories import build_sample_records, make_mou, make_partner, make_project


def names(title_en, title_zh, slug):
    return {"title_en": title_en, "title_zh_hans": title_zh, "slug_en": slug, "slug_zh_hans": slug}


def empty_streams(*fields):
    return {f"{name}_{language}": streamfield([]) for name in fields for language in ("en", "zh_hans")}


class AdminPageTests(WagtailPageTestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_superuser("editor-admin", "a@example.org", "password")
        self.client.force_login(self.user)
        self.sample = build_sample_records()

    def test_page_tree_rules(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {ProjectIndexPage, PartnerIndexPage, MouIndexPage, EventIndexPage, NewsIndexPage, PublicationIndexPage},
        )
        self.assertAllowedSubpageTypes(ProjectIndexPage, {ProjectPage})
        self.assertAllowedSubpageTypes(PartnerIndexPage, {PartnerPage})
        self.assertAllowedSubpageTypes(MouIndexPage, {MouPage})
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})
        for leaf in (ProjectPage, PartnerPage, MouPage, EventPage):
            self.assertAllowedSubpageTypes(leaf, set())
        self.assertCanNotCreateAt(HomePage, ProjectPage)

    def test_can_create_a_partner_in_both_languages(self):
        self.assertCanCreate(
            PartnerIndexPage.objects.get(),
            PartnerPage,
            nested_form_data(
                {
                    **names("Swiss Federal Institute", "瑞士联邦研究所", "swiss-institute"),
                    "acronym": "SFI",
                    "kind": "research-institute",
                    "country": "CH",
                    "city_en": "Zurich",
                    "city_zh_hans": "苏黎世",
                    "description_en": rich_text("<p>A research institute.</p>"),
                    "description_zh_hans": rich_text("<p>一家研究机构。</p>"),
                }
            ),
        )
        partner = PartnerPage.objects.get(slug_en="swiss-institute")
        assert (partner.title_zh_hans, partner.city_en, partner.country.code) == ("瑞士联邦研究所", "Zurich", "CH")

    def test_can_create_a_project_with_partners_and_fields(self):
        oecd = PartnerPage.objects.get(slug_en="oecd")
        self.assertCanCreate(
            ProjectIndexPage.objects.get(),
            ProjectPage,
            nested_form_data(
                {
                    **names("Innovation survey", "创新调查", "innovation-survey"),
                    "summary_en": "A survey.",
                    "summary_zh_hans": "一项调查。",
                    "status": "ongoing",
                    "start_year": "2025",
                    **empty_streams("body", "outputs"),
                    "project_partners": inline_formset([{"partner": oecd.pk, "role": "sponsor"}]),
                }
            ),
        )
        project = ProjectPage.objects.get(slug_en="innovation-survey")
        assert project.project_partners.get().partner == oecd
        assert (
            self.client.get("/zh-hans/partners/oecd/").content.decode().count("/zh-hans/projects/innovation-survey/")
            == 1
        )

    def test_can_create_an_mou(self):
        nistep = PartnerPage.objects.get(slug_en="nistep")
        self.assertCanCreate(
            MouIndexPage.objects.get(),
            MouPage,
            nested_form_data(
                {
                    **names(
                        "Renewed memorandum with NISTEP", "与日本科学技术・学术政策研究所续签的备忘录", "mou-nistep-2"
                    ),
                    "partner": nistep.pk,
                    "status": "renewed",
                    "date_signed": "2024-05-01",
                    "scope_en": rich_text("<p>Exchange of researchers.</p>"),
                    "scope_zh_hans": rich_text("<p>研究人员交流。</p>"),
                }
            ),
        )
        html = self.client.get("/zh-hans/mous/mou-nistep-2/").content.decode()
        assert "2024年5月1日" in html and "已续签" in html

    def test_can_create_an_event(self):
        nistep = PartnerPage.objects.get(slug_en="nistep")
        self.assertCanCreate(
            EventIndexPage.objects.get(),
            EventPage,
            nested_form_data(
                {
                    **names("China-Norway policy forum", "中挪政策论坛", "china-norway-forum"),
                    "kind": "forum",
                    "format": "bilateral",
                    "start_date": "2027-03-02",
                    "end_date": "2027-03-03",
                    "city_en": "Beijing",
                    "city_zh_hans": "北京",
                    "country": "CN",
                    "time_zone": "Asia/Shanghai",
                    "status": "scheduled",
                    "attendance": "in-person",
                    "waiting_list": "on",
                    "registration_retention_days": "90",
                    **empty_streams("programme", "body", "documents", "materials"),
                    "event_partners": inline_formset([{"partner": nistep.pk, "role": "co-organiser"}]),
                    "sessions": inline_formset([]),
                    "registration_fields": inline_formset([]),
                }
            ),
        )
        html = self.client.get("/en/events/").content.decode()
        assert "Upcoming events" in html and "/en/events/china-norway-forum/" in html

    def test_can_create_each_index_page_where_its_section_is_missing(self):
        home = HomePage.objects.get()
        for model, slug in (
            (ProjectIndexPage, "projects"),
            (PartnerIndexPage, "partners"),
            (MouIndexPage, "mous"),
            (EventIndexPage, "events"),
        ):
            model.objects.get().delete()
            self.assertCanCreate(
                home, model, nested_form_data({**names(f"New {slug}", f"新{slug}", slug), "intro_en": rich_text("")})
            )
            assert self.client.get(f"/zh-hans/{slug}/").status_code == 200

    def test_deleting_a_partner_keeps_its_mou_and_unlinks_its_projects(self):
        fafo = make_partner("fafo-ais")
        make_mou("mou-fafo-ais", fafo)
        make_project("western-china", partners=[fafo])
        response = self.client.post(f"/admin/pages/{fafo.pk}/delete/")
        assert response.status_code == 302
        mou = MouPage.objects.get(slug_en="mou-fafo-ais")
        assert mou.partner is None
        assert "Partner" not in self.client.get("/en/mous/mou-fafo-ais/").content.decode().split("<main")[1]
        assert 'id="partners-heading"' not in self.client.get("/en/projects/western-china/").content.decode()

    def test_edit_forms_answer_with_english_and_chinese_fields(self):
        for model in (HomePage, ProjectIndexPage, ProjectPage, PartnerPage, MouPage, EventPage, EventIndexPage):
            page = model.objects.first()
            response = self.client.get(f"/admin/pages/{page.pk}/edit/")
            html = response.content.decode()
            assert response.status_code == 200, model
            assert 'name="title_en"' in html and 'name="title_zh_hans"' in html, model

    def test_every_page_type_renders(self):
        for model in (HomePage, ProjectIndexPage, ProjectPage, PartnerIndexPage, PartnerPage):
            self.assertPageIsRenderable(model.objects.first())
        for model in (MouIndexPage, MouPage, EventIndexPage, EventPage):
            self.assertPageIsRenderable(model.objects.first())
