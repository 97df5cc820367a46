"""Factories for this section's pages and snippets, for tests (wagtail-factories, a test dependency: nothing at run
time imports this module). Records get both titles; the parent is given: ProjectPageFactory(parent=index)."""

import factory
import wagtail_factories

from projects.models import ProjectIndexPage, ProjectPage, ResearchField


class ResearchFieldFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda number: f"Research field {number}")
    name_zh_hans = factory.Sequence(lambda number: f"研究领域{number}")
    slug = factory.Sequence(lambda number: f"research-field-{number}")

    class Meta:
        model = ResearchField


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda number: f"Projects {number}")
    title_zh_hans = factory.Sequence(lambda number: f"项目{number}")
    summary = "Cooperative research projects"
    summary_zh_hans = "合作研究项目"

    class Meta:
        model = ProjectIndexPage


class ProjectPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda number: f"Research project {number}")
    title_zh_hans = factory.Sequence(lambda number: f"研究项目{number}")
    summary = "A cooperative research project."
    summary_zh_hans = "一个合作研究项目。"
    status = "ongoing"

    class Meta:
        model = ProjectPage
