"""Abstract pieces the section apps share."""

from functools import cache

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import gettext_lazy as _

from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from casted_site.core.feeds import SectionFeed
from casted_site.core.page_cache import cached_content
from casted_site.core.search import ChineseSearchMixin
from casted_site.sections import SectionRecord


@cache
def choice_labels(field, language):
    """A field's choices as value -> label, built once per field and language (a CountryField's labels are
    translated as its choices are read)."""
    return {make_hashable(value): label for value, label in field.flatchoices}


class ChoiceLabelsMixin:
    """get_FOO_display as Django gives it, without its cost on every card: Django builds a dict of all the
    choices on each call, and hashing their lazy labels translates every one of them."""

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        labels = choice_labels(field, translation.get_language())
        return force_str(labels.get(make_hashable(value), value), strings_only=True)


class BilingualPreviewMixin:
    """Editors preview a page in English or in Chinese, whatever the admin's own language."""

    preview_modes = [("en", "English"), ("zh-hans", "中文")]
    default_preview_mode = "en"

    def serve_preview(self, request, mode_name):
        language = mode_name if mode_name in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        # The preview is rendered right after this returns, in the same request: activate, don't override.
        translation.activate(language)
        request.LANGUAGE_CODE = language
        return super().serve_preview(request, mode_name)


def route_by_indexed_slug(self, request, path_components):
    """Page.route that finds the child a URL names with one indexed query. wagtail-modeltranslation's own route
    (set on every translated page model) loads every child page and compares slugs in Python, which grows with
    the section; CoreConfig.ready puts this one back on our page models."""
    from wagtail.contrib.routable_page.models import RoutablePageMixin
    from wagtail.url_routing import RouteResult
    from wagtail_modeltranslation.patch_wagtailadmin import _new_route

    if not path_components:
        return _new_route(self, request, path_components)  # this page itself, or its routable index view
    child = child_by_slug(self, path_components[0])
    if child is not None:
        return child.specific.route(request, path_components[1:])
    if isinstance(self, RoutablePageMixin) and self.live:
        view, args, kwargs = self.resolve_subpage("/" + "/".join(path_components) + "/")  # or Http404
        return RouteResult(self, args=(view, args, kwargs))
    raise Http404


def child_by_slug(page, slug):
    """The child with this slug in the active language, or with this English slug where it has no slug of its own
    in the active language (the English fallback). Where the page allows one type of child only (a section's
    records), the child comes from that model at once, without a second query for its specific page."""
    field = build_localized_fieldname("slug", translation.get_language() or settings.LANGUAGE_CODE)
    if page.route_children_from_cache:
        return next(
            (child for child in cached_children(page) if (getattr(child, field) or child.slug_en) == slug), None
        )
    # A record's page is read on every visit, and the query (Wagtail's page table has some 60 columns) costs a
    # quarter of a detail page's time: kept until anything is published, moved or deleted.
    return cached_content(f"child:{page.pk}:{field}:{slug}", lambda: find_child_by_slug(page, field, slug))


def find_child_by_slug(page, field, slug):
    child_models = page.specific_class.allowed_subpage_models()
    children = child_models[0].objects.child_of(page) if len(child_models) == 1 else page.get_children()
    child = children.filter(**{field: slug}).first()
    if child is None and field != "slug_en":
        no_own_slug = models.Q(**{f"{field}__isnull": True}) | models.Q(**{field: ""})
        child = children.filter(no_own_slug, slug_en=slug).first()
    return child


def cached_children(page):
    """A page's children (specific pages, in the tree's order), kept in the cache until anything is published,
    moved or deleted: for the home page, whose few children, the sections, every URL passes through and every
    page's menu shows."""

    def build():
        # One query per kind of child the page allows, each giving specific pages, rather than Wagtail's one for
        # the children and then one per kind; where a child is of some other kind, Wagtail's way.
        children = [
            child
            for model in page.specific_class.allowed_subpage_models()
            for child in model.objects.child_of(page).filter(
                content_type__app_label=model._meta.app_label, content_type__model=model._meta.model_name
            )
        ]
        if len(children) != page.numchild:  # numchild: every child, of any kind, live or not
            return list(page.get_children().specific())
        return sorted(children, key=lambda child: child.path)

    return cached_content(f"children:{page.pk}", build)


class SectionIndexPage(BilingualPreviewMixin, Page):
    """The landing page of one section (projects, partners, MOUs, events): an intro, then its records."""

    summary = models.CharField(
        _("summary"),
        max_length=255,
        blank=True,
        help_text=_("One sentence that introduces the section on the home page."),
    )
    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Shown at the top of the section page, above its records."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class SectionFeedMixin(RoutablePageMixin):
    """An index page with an Atom feed of its newest records, at feed/."""

    # RoutablePageMixin's own serve_preview would skip the language of the preview.
    serve_preview = BilingualPreviewMixin.serve_preview

    def feed_records(self):
        """The records the feed gives: the index's live, visible children of its one kind of record."""
        record_model = self.specific_class.allowed_subpage_models()[0]
        return record_model.objects.child_of(self).live().filter(not_view_restricted()).defer_streamfields()

    @path("feed/")
    def feed(self, request):
        return SectionFeed(self, self.feed_records())(request)


class SectionRecordPage(SectionRecord, ChoiceLabelsMixin, BilingualPreviewMixin, ChineseSearchMixin, Page):
    """A record of a section (a project, partner, MOU or event): a title and a short summary for its cards. Each
    concrete one declares what the shared code needs of its section (casted_site.sections.SectionRecord)."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences, shown on listing cards, in search results and to search engines."),
    )

    content_panels = [*Page.content_panels, FieldPanel("summary")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("chinese_search_text"),
        index.AutocompleteField("titles_for_autocomplete"),
    ]

    class Meta:
        abstract = True


def slug_clashes_by_indexed_query(page):
    """wagtail-modeltranslation's check, when a page is saved, that no sibling has its slug in any language (or
    falls back to the same English slug), in one query per language. Its own loads every sibling page: with
    10,000 projects each save took half a second. CoreConfig.ready puts this one in its place."""
    if page.depth is None or page.depth <= 1:
        return {}
    siblings = page.get_siblings(inclusive=False)
    fallback = build_localized_fieldname("slug", settings.LANGUAGE_CODE)
    errors = {}
    for language, _name in settings.LANGUAGES:
        field = build_localized_fieldname("slug", language)
        with translation.override(language):
            slug = page.slug  # this language's slug, or the English one it falls back to
        clash = models.Q(**{field: slug})
        if field != fallback:
            no_own_slug = models.Q(**{f"{field}__isnull": True}) | models.Q(**{field: ""})
            clash |= no_own_slug & models.Q(**{fallback: slug})
        if siblings.filter(clash).exists():
            errors[field] = _("This slug is already in use")
    return errors


def view_restrictions_where_there_are_any(self):
    """Page.get_view_restrictions, asking the database only where a restriction can apply: a page that is not
    under a restricted page, nor under an alias of one, has none, and those pages' paths (few, on a public site)
    are kept in the cache until a restriction, an alias or anything published changes. Elsewhere, one query:
    the restrictions on this page, its ancestors (their paths are prefixes of its own) and the pages any of them
    is an alias of. Wagtail's own makes two queries on every page served."""
    from wagtail.models import PageViewRestriction

    if not is_under_restricted_path(self):
        return no_view_restrictions()
    paths = [self.path[:end] for end in range(Page.steplen, len(self.path) + 1, Page.steplen)]
    alias_sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of")
    return PageViewRestriction.objects.filter(models.Q(page__path__in=paths) | models.Q(page__in=alias_sources))


@cache
def no_view_restrictions():
    """No restriction, as a queryset evaluated once: Wagtail iterates it on every page served, and iterating a
    fresh .none() compiles a whole query before finding it empty. Shared: callers read it or chain from it."""
    from wagtail.models import PageViewRestriction

    restrictions = PageViewRestriction.objects.none()
    len(restrictions)  # evaluates it, without a query
    return restrictions


def restricted_paths():
    """The paths of the pages that have a view restriction, or are an alias of one that has."""

    def build():
        restricted = models.Q(view_restrictions__isnull=False) | models.Q(alias_of__view_restrictions__isnull=False)
        return sorted(set(Page.objects.filter(restricted).values_list("path", flat=True)))

    return cached_content("restricted-paths", build)


def cached_for_page(page, request, what, build):
    """What a page shows that changes only when something is published (the records linked to it, its URL in each
    language, its structured data): kept until then, per page, language and host (absolute URLs hold the host).
    A preview builds it afresh, from the draft."""
    if getattr(request, "is_preview", False):
        return build()
    if not hasattr(request, "_origin"):  # a page asks four times; Django checks the host anew on each get_host()
        request._origin = f"{request.scheme}://{request.get_host()}"
    return cached_content(f"{what}:{page.pk}:{translation.get_language()}:{request._origin}", build)


def linked_records(page, request, build):
    """What a record's page shows of the records linked to it, as the dict build() gives: reading them is most of
    the queries of a record's page (the lists are in the order of their titles)."""
    return cached_for_page(page, request, "linked", build)


def is_under_restricted_path(page):
    """Whether a view restriction can apply to the page: the same test as not_view_restricted, in Python."""
    return any(page.path.startswith(path) for path in restricted_paths())


def not_view_restricted(through=""):
    """A filter for pages with no view restriction on them or an ancestor (for pages reached through a relation,
    through is its path, such as "project__"): pages outside the restricted paths kept in the cache, with no query
    of its own and, on a site with no restriction, no condition at all. Wagtail's .public() loads every
    restriction in a query of its own, on every call."""
    condition = models.Q()
    for restricted in restricted_paths():
        condition &= ~models.Q(**{f"{through}path__startswith": restricted})
    return condition
