"""The two roles of the office's staff and the moderation workflow between them.

Editors create and edit pages, submit them for moderation and upload images and documents, but cannot publish.
Moderators can also publish, and approve or reject what editors submit ("Moderator approval", assigned to the
home page so it covers every section). Safe to run again: it adds what is missing and removes nothing."""

from django.contrib.auth.models import Group, Permission

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS, MODERATORS = "Editors", "Moderators"
WORKFLOW_NAME = "Moderator approval"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"],
}
COLLECTION_PERMISSIONS = [
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
]
MODEL_PERMISSIONS = {
    EDITORS: ["wagtailadmin.access_admin", "projects.add_researchfield", "projects.change_researchfield"],
    MODERATORS: [
        "wagtailadmin.access_admin",
        "projects.add_researchfield",
        "projects.change_researchfield",
        "projects.delete_researchfield",
    ],
}


def permission(dotted):
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def ensure_roles_and_workflow(home):
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    groups = {}
    for name, codenames in PAGE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(*(permission(dotted) for dotted in MODEL_PERMISSIONS[name]))
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=page_permission(codename))
        for codename in COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(
                    content_type__app_label__in=["wagtailimages", "wagtaildocs"], codename=codename
                ),
            )

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME)
        task.groups.set([groups[MODERATORS]])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    return groups, workflow
