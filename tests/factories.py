"""The minimal tree every test starts from, and small helpers that add records under its index pages, through each
section's factories (<app>/factories.py), with the plain defaults these tests expect (no Chinese title, summary,
status or kind). They work in English, so that title= and slug= fill the English columns whatever language the last
request left active. The real content (casted_site/seed) is loaded only by the tests about it: the `seeded` fixture."""

import datetime
import functools

from django.conf import settings
from django.utils import timezone, translation

from wagtail.models import Locale, Page, Site

from casted_site.home.factories import HomePageFactory
from casted_site.staff.roles import ensure_roles_and_workflow
from events.factories import EventIndexPageFactory, EventPageFactory
from events.models import EventIndexPage, EventPartner
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsIndexPage
from partners.factories import MouIndexPageFactory, MouPageFactory, PartnerIndexPageFactory, PartnerPageFactory
from partners.models import MouIndexPage, PartnerIndexPage
from projects.factories import ProjectIndexPageFactory, ProjectPageFactory
from projects.models import ProjectIndexPage, ProjectPartner
from publications.factories import PublicationIndexPageFactory, PublicationPageFactory
from publications.models import PublicationIndexPage

# The section index pages under the home page: factory, slug, English and Chinese title.
SECTION_INDEXES = [
    (ProjectIndexPageFactory, "projects", "Projects", "项目"),
    (PartnerIndexPageFactory, "partners", "Partners", "合作伙伴"),
    (MouIndexPageFactory, "mous", "Memoranda of understanding", "合作备忘录"),
    (EventIndexPageFactory, "events", "Events", "活动"),
    (NewsIndexPageFactory, "news", "News", "新闻动态"),
    (PublicationIndexPageFactory, "publications", "Publications", "研究成果"),
]


def build_minimal_tree():
    """A home page as the default site's root, one empty index page per section, and the staff roles and workflow:
    what a site has before any record is added. Returns the home page."""
    with translation.override("en"):
        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        root = Page.get_first_root_node()
        # Wagtail's own "Welcome" placeholder holds the slug "home".
        root.get_children().filter(content_type__app_label="wagtailcore").delete()
        home = HomePageFactory(
            parent=root,
            slug="home",
            slug_zh_hans="home",
            title="CASTED test site",
            title_zh_hans="测试站点",
            intro="<p>A site for tests.</p>",
            intro_zh_hans="<p>测试用的站点。</p>",
        )
        publish(home)
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "CASTED test site"},
        )
        for factory, slug, title, title_zh_hans in SECTION_INDEXES:
            index = factory(
                parent=home, slug=slug, slug_zh_hans=slug, title=title, title_zh_hans=title_zh_hans, show_in_menus=True
            )
            publish(index)
        ensure_roles_and_workflow(home)
    return home


def in_english(factory):
    @functools.wraps(factory)
    def wrapper(*args, **kwargs):
        with translation.override("en"):
            return factory(*args, **kwargs)

    return wrapper


def publish(page):
    """Publish the page's content as staff do, through a revision: it gets its live revision and publish date,
    and the caches are cleared as on every publish."""
    page.save_revision().publish()
    return page


def _add(factory, index_model, **fields):
    page = factory(parent=index_model.objects.get(), **fields)
    return publish(page) if page.live else page


@in_english
def make_partner(slug, **fields):
    fields.setdefault("title", f"Partner {slug}")
    fields.setdefault("title_zh_hans", "")
    fields.setdefault("summary", "")
    fields.setdefault("summary_zh_hans", "")
    return _add(PartnerPageFactory, PartnerIndexPage, slug=slug, **fields)


@in_english
def make_project(slug, partners=(), role="partner", **fields):
    """partners: partner pages, each in `role`, or (partner, its role) pairs."""
    fields.setdefault("title", f"Project {slug}")
    fields.setdefault("title_zh_hans", "")
    fields.setdefault("summary", "")
    fields.setdefault("summary_zh_hans", "")
    fields.setdefault("status", "")
    pairs = [item if isinstance(item, tuple) else (item, role) for item in partners]
    links = [ProjectPartner(partner=partner, role=partner_role) for partner, partner_role in pairs]
    return _add(ProjectPageFactory, ProjectIndexPage, slug=slug, project_partners=links, **fields)


@in_english
def make_mou(slug, partner, **fields):
    fields.setdefault("title", f"MOU {slug}")
    fields.setdefault("title_zh_hans", "")
    fields.setdefault("summary", "")
    fields.setdefault("summary_zh_hans", "")
    fields.setdefault("status", "")
    return _add(MouPageFactory, MouIndexPage, slug=slug, partner=partner, **fields)


@in_english
def make_event(slug, partners=(), projects=(), **fields):
    fields.setdefault("title", f"Event {slug}")
    fields.setdefault("title_zh_hans", "")
    fields.setdefault("summary", "")
    fields.setdefault("summary_zh_hans", "")
    fields.setdefault("kind", "")
    links = [EventPartner(partner=partner) for partner in partners]
    event = _add(EventPageFactory, EventIndexPage, slug=slug, event_partners=links, **fields)
    if projects:
        event.related_projects.set(projects)
        publish(event)  # the links are content: the live revision holds them
    return event


def linked(page, **links):
    """Set a record's many-to-many links (partners=[…], projects=[…]) and publish them: the live revision holds
    them."""
    for field, records in links.items():
        getattr(page, field).set(records)
    return publish(page) if links else page


@in_english
def make_news(slug, partners=(), projects=(), mous=(), events=(), **fields):
    fields.setdefault("title", f"News {slug}")
    fields.setdefault("title_zh_hans", "")
    fields.setdefault("summary", "")
    fields.setdefault("summary_zh_hans", "")
    news = _add(NewsPageFactory, NewsIndexPage, slug=slug, **fields)
    links = {"partners": partners, "projects": projects, "mous": mous, "events": events}
    return linked(news, **{field: records for field, records in links.items() if records})


@in_english
def make_publication(slug, partners=(), projects=(), events=(), **fields):
    fields.setdefault("title", f"Publication {slug}")
    fields.setdefault("title_zh_hans", "")
    fields.setdefault("summary", "")
    fields.setdefault("summary_zh_hans", "")
    publication = _add(PublicationPageFactory, PublicationIndexPage, slug=slug, **fields)
    links = {"partners": partners, "projects": projects, "events": events}
    return linked(publication, **{field: records for field, records in links.items() if records})


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def build_sample_records():
    """A few linked records for the tests that need some: three partners, a project with two of them, an MOU, an
    event linked to both, and three research fields. Test data modelled on the seed's shape, not the seed (which tests load only to check it)."""
    from types import SimpleNamespace

    from projects.factories import ResearchFieldFactory

    fields = {
        slug: ResearchFieldFactory(slug=slug, name=name, name_zh_hans=name_zh_hans)
        for slug, name, name_zh_hans in [
            ("st-statistics", "S&T statistics", "科技统计"),
            ("innovation-policy", "Innovation policy", "创新政策"),
            ("st-policy", "S&T policy", "科技政策"),
        ]
    }
    oecd = make_partner(
        "oecd",
        title="Organisation for Economic Co-operation and Development",
        title_zh_hans="经济合作与发展组织",
        acronym="OECD",
        acronym_zh_hans="经合组织",
        kind="international-organisation",
        stable_partnership=True,
        summary="An international organisation.",
        summary_zh_hans="一个国际组织。",
    )
    uis = make_partner(
        "uis",
        title="UNESCO Institute for Statistics",
        title_zh_hans="联合国教科文组织统计研究所",
        acronym="UIS",
        acronym_zh_hans="UIS",
        kind="international-organisation",
    )
    nistep = make_partner(
        "nistep",
        title="National Institute of Science and Technology Policy",
        title_zh_hans="日本科学技术・学术政策研究所",
        acronym="NISTEP",
        acronym_zh_hans="NISTEP",
        kind="research-institute",
        country="JP",
        summary="A research institute in Japan.",
        summary_zh_hans="日本的一家研究机构。",
    )
    survey = make_project(
        "phd-career-survey",
        partners=[oecd, uis],
        title="PhD career survey",
        title_zh_hans="博士职业发展调查",
        summary="A survey carried out together with OECD and the UNESCO Institute for Statistics.",
        summary_zh_hans="与经济合作与发展组织和联合国教科文组织统计研究所共同开展的调查。",
        status="completed",
    )
    survey.research_fields.add(fields["st-statistics"])
    publish(survey)
    mou = make_mou(
        "mou-nistep",
        nistep,
        title="Memorandum of understanding with NISTEP",
        title_zh_hans="与日本科学技术・学术政策研究所的合作备忘录",
    )
    forum = make_event(
        "china-us-forum",
        partners=[oecd],
        projects=[survey],
        title="China-U.S. Forum on Science and Technology Policy",
        title_zh_hans="中美科技政策论坛",
        kind="forum",
        summary="A forum on science and technology policy.",
        summary_zh_hans="一个科技政策论坛。",
    )
    return SimpleNamespace(oecd=oecd, uis=uis, nistep=nistep, survey=survey, mou=mou, forum=forum, fields=fields)


def make_staff(name, group):
    """A staff account in one of the roles ("Editors", "Moderators"), logged in with client.force_login(user)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(name, f"{name}@example.org", "password")
    user.groups.add(Group.objects.get(name=group))
    return user


def prefer_language(user, language):
    """The admin language a staff member chose on their Account page."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user
