"""Projects once listed their results as "Outputs": links to publications elsewhere and documents from the library.
A publication is now a record of its own that the project's page lists; this moves each output that is one (every
link: its block was "a link to a publication or report"; a document that is a PDF) into a publication linked to
its project, once, in the migration publications/0002. What is not a publication (an Office document, say) stays."""

from django.db import transaction
from django.utils import translation
from django.utils.text import slugify

from casted_site.home.models import HomePage
from projects.models import ProjectPage
from publications.models import PublicationIndexPage, PublicationPage

LANGUAGES = ("en", "zh_hans")


def output_key(block):
    """What tells two blocks (the English and the Chinese output) to be the same publication: its address."""
    if block.block_type == "link":
        return ("link", block.value["url"])
    document = block.value["document"]
    if document is not None and document.file_extension.lower() == "pdf":
        return ("pdf", document.pk)
    return None


def block_title(block):
    if block.block_type == "link":
        return block.value["title"]
    return block.value["title"] or block.value["document"].title


def publications_index():
    index = PublicationIndexPage.objects.first()
    if index is None:
        # The seed's load_initial_content gives it its summary; it finds the index by this slug.
        home = HomePage.objects.first()
        index = home.add_child(
            instance=PublicationIndexPage(
                title="Publications",
                title_en="Publications",
                title_zh_hans="研究成果",
                slug="publications",
                slug_en="publications",
                slug_zh_hans="publications",
                show_in_menus=True,
            )
        )
        index.save_revision().publish()
    return index


def unique_slug(model, title, fallback):
    base = slugify(title)[:60].strip("-") or fallback
    slug, number = base, 1
    while model.objects.filter(slug_en=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def move_outputs_to_publications():
    projects = [project for project in ProjectPage.objects.all() if project.outputs_en or project.outputs_zh_hans]
    if not projects:
        return 0
    moved = 0
    with translation.override("en"):
        index = publications_index()
        for project in projects:
            found = {}  # key: {"titles": {language: title}, "block": the first block}
            for language in LANGUAGES:
                for block in getattr(project, f"outputs_{language}"):
                    key = output_key(block)
                    if key is not None:
                        entry = found.setdefault(key, {"titles": {}, "block": block})
                        entry["titles"].setdefault(language, block_title(block))
            for key, entry in found.items():
                titles = entry["titles"]
                title = titles.get("en") or titles["zh_hans"]
                publication = PublicationPage(
                    title=title,
                    title_en=title,
                    title_zh_hans=titles.get("zh_hans", ""),
                    slug=unique_slug(PublicationPage, title, f"output-{project.pk}-{moved + 1}"),
                    language="en" if "en" in titles else "zh",
                    live=project.live,
                )
                publication.slug_en = publication.slug_zh_hans = publication.slug
                if key[0] == "link":
                    publication.external_url = key[1]
                else:
                    publication.pdf = entry["block"].value["document"]
                index.add_child(instance=publication)
                publication.projects.set([project])
                revision = publication.save_revision()
                if project.live:
                    revision.publish()
                moved += 1
            for language in LANGUAGES:
                stream = getattr(project, f"outputs_{language}")
                kept = [(block.block_type, block.value) for block in stream if output_key(block) is None]
                setattr(project, f"outputs_{language}", kept)
            # The project's row only: its revisions keep the outputs as they were, and nothing is republished.
            ProjectPage.objects.filter(pk=project.pk).update(
                outputs_en=project.outputs_en, outputs_zh_hans=project.outputs_zh_hans
            )
    return moved
