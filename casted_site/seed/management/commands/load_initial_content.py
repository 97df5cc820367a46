"""Build the page tree and load the initial content. Safe to run again: it only creates what is missing
and never overwrites a record an editor may have changed."""

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation
from django.utils.html import escape

from wagtail.models import Locale, Page, Site

from casted_site.home.models import HomePage
from casted_site.institution.models import InstitutionSettings
from casted_site.seed import initial_content
from casted_site.staff.roles import ensure_roles_and_workflow
from events.models import EventIndexPage, EventPage
from partners.models import MouIndexPage, MouPage, PartnerIndexPage, PartnerPage
from projects.models import ProjectIndexPage, ProjectPage, ProjectPartner, ResearchField


def paragraphs(*sentences):
    """[(en, zh), …] -> ("<p>en</p>…", "<p>zh</p>…"), each sentence a paragraph, HTML-escaped."""
    return tuple("".join(f"<p>{escape(pair[language])}</p>" for pair in sentences) for language in (0, 1))


def translated(**fields):
    """{"title": ("Projects", "项目")} -> {"title": "Projects", "title_en": "Projects", "title_zh_hans": "项目"}.
    The untranslated column keeps the English value, as modeltranslation expects of the default language."""
    values = {}
    for name, (english, chinese) in fields.items():
        values[name] = english
        values[f"{name}_en"] = english
        values[f"{name}_zh_hans"] = chinese
    return values


class Command(BaseCommand):
    help = "Create the home page, the section index pages and the initial records, where missing."

    def handle(self, *args, **options):
        # Pages made before the language columns existed (Wagtail's root) need their *_en values filled.
        call_command("update_translation_fields", verbosity=0)
        with translation.override("en"), transaction.atomic():
            home = self.ensure_home()
            for section in initial_content.SECTIONS:
                model = apps.get_model(section["app"], section["model"])
                self.ensure_child(
                    home,
                    model,
                    section["slug"],
                    show_in_menus=True,
                    **translated(title=section["title"], summary=section["summary"], intro=section["intro"]),
                )
            self.ensure_research_fields()
            partners = self.ensure_partners(home.get_children().type(PartnerIndexPage).get().specific)
            self.ensure_projects(home.get_children().type(ProjectIndexPage).get().specific, partners)
            self.ensure_mous(home.get_children().type(MouIndexPage).get().specific, partners)
            self.ensure_events(home.get_children().type(EventIndexPage).get().specific)
            ensure_roles_and_workflow(home)
            self.ensure_institution()
        self.stdout.write(self.style.SUCCESS("Initial content is in place."))

    def ensure_home(self):
        home = HomePage.objects.first()
        if home is None:
            # Wagtail's migrations make the locale and the root; a flushed database (a transactional test) has none.
            Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
            root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
            # Wagtail's own "Welcome" placeholder holds the slug "home": make way for the real home page.
            for placeholder in root.get_children().filter(
                content_type__model="page", content_type__app_label="wagtailcore"
            ):
                placeholder.delete()
            data = initial_content.HOME
            home = root.add_child(
                instance=HomePage(
                    slug=data["slug"],
                    slug_en=data["slug"],
                    slug_zh_hans=data["slug"],
                    **translated(title=data["title"], intro=data["intro"]),
                )
            )
            home.save_revision().publish()
            self.stdout.write(f"Created {home.title}")
        site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80)
        if site.root_page_id != home.pk:
            site.root_page = home
            site.is_default_site = True
            site.site_name = "CASTED International Cooperation"
            site.save()
        return home

    def ensure_institution(self):
        """The footer's privacy note, where staff have not written one. The names come from the catalogue until
        staff set them; the address, contact and filing numbers are not in the content and stay empty."""
        site = Site.objects.get(is_default_site=True)
        institution = InstitutionSettings.for_site(site)
        if not institution.privacy_note_en:
            for field, value in translated(privacy_note=initial_content.PRIVACY_NOTE).items():
                setattr(institution, field, value)
            institution.save()

    def ensure_child(self, parent, model, slug, **fields):
        existing = model.objects.child_of(parent).filter(slug_en=slug).first()
        if existing is not None:
            return existing, False
        page = parent.add_child(instance=model(slug=slug, slug_en=slug, slug_zh_hans=slug, **fields))
        page.save_revision().publish()
        self.stdout.write(f"Created {page.title}")
        return page, True

    def ensure_research_fields(self):
        for order, field in enumerate(initial_content.RESEARCH_FIELDS):
            if not ResearchField.objects.filter(slug=field["slug"]).exists():
                ResearchField.objects.create(slug=field["slug"], sort_order=order, **translated(name=field["name"]))

    def ensure_partners(self, index):
        """Create the partners; return every partner page by slug, for the links of the other records."""
        for data in initial_content.PARTNERS:
            self.ensure_child(
                index,
                PartnerPage,
                data["slug"],
                kind=data["kind"],
                country=data["country"],
                stable_partnership=data["stable_partnership"],
                joint_research=data["joint_research"],
                **translated(
                    title=data["title"],
                    acronym=data["acronym"],
                    city=data["city"],
                    description=paragraphs(*data["facts"]),
                ),
            )
        return {page.slug_en: page for page in PartnerPage.objects.child_of(index)}

    def ensure_projects(self, index, partners):
        for data in initial_content.PROJECTS:
            links = [ProjectPartner(partner=partners[slug], role=role) for slug, role in data["partners"]]
            self.ensure_child(
                index,
                ProjectPage,
                data["slug"],
                status="completed",
                project_partners=links,
                **translated(
                    title=data["title"],
                    summary=data["summary"],
                    funding_programme=data.get("funding_programme", ("", "")),
                ),
            )

    def ensure_mous(self, index, partners):
        for slug in initial_content.MOU_PARTNERS:
            partner = partners[slug]
            name_en, name_zh = partner.title_en, partner.title_zh_hans
            label_en = f"{name_en} ({partner.acronym})" if partner.acronym else name_en
            self.ensure_child(
                index,
                MouPage,
                f"mou-{slug}",
                partner=partner,
                **translated(
                    title=(f"Bilateral cooperation memorandum with {label_en}", f"与{name_zh}签署的双边合作备忘录"),
                    summary=(
                        f"CASTED and {label_en} signed a bilateral cooperation memorandum; a stable long-term "
                        "cooperation mechanism has been set up.",
                        f"中国科学技术发展战略研究院与{name_zh}签署了双边合作备忘录，双方建立了稳定的长期合作机制。",
                    ),
                ),
            )

    def ensure_events(self, index):
        for slug, title, kind, event_format in initial_content.EVENTS:
            self.ensure_child(
                index,
                EventPage,
                slug,
                kind=kind,
                format=event_format,
                # The text says nothing of one event it does not say of all: no summary (the card shows its kind).
                **translated(title=title),
            )
