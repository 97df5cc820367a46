"""The two roles of the office's staff and the moderation workflow between them.

Editors create and edit pages, submit them for moderation and upload images and documents, but cannot publish,
change anything a live page shows outside moderation (another person's upload, an upload a live page uses: see
uploads.py), or change a snippet. Moderators can also publish, and approve or reject what editors submit
("Moderator approval", assigned to the home page so it covers every section). Safe to run again: it gives each
role exactly the permissions below, taking back any an earlier version gave."""

from django.apps import apps
from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.snippets.models import get_snippet_models

EDITORS, MODERATORS = "Editors", "Moderators"
WORKFLOW_NAME = "Moderator approval"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"],
}
COLLECTION_PERMISSIONS = {
    EDITORS: ["add_image", "choose_image", "add_document", "choose_document"],
    MODERATORS: ["add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"],
}
# On every registered snippet model (lookup data such as research fields, shown on every page that uses them).
SNIPPET_ACTIONS = {EDITORS: ["add", "view"], MODERATORS: ["add", "change", "delete", "view"]}


def model_permissions(role):
    """The admin itself, the role's actions on every registered snippet model, and those a model declares for the
    roles in `role_actions` (registrations: personal data that only Moderators read)."""
    permissions = [Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")]
    actions = dict.fromkeys(get_snippet_models(), SNIPPET_ACTIONS[role])
    for model in apps.get_models():
        if hasattr(model, "role_actions"):
            actions[model] = model.role_actions.get(role, [])
    for model, model_actions in actions.items():
        content_type = ContentType.objects.get_for_model(model)
        for action in model_actions:
            permissions.append(
                Permission.objects.get(content_type=content_type, codename=get_permission_codename(action, model._meta))
            )
    return permissions


def page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def ensure_roles_and_workflow(home):
    root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
    groups = {}
    for name, codenames in PAGE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.set(model_permissions(name))
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(group=group, page=home, permission=page_permission(codename))
        collection_permissions = [
            Permission.objects.get(content_type__app_label__in=["wagtailimages", "wagtaildocs"], codename=codename)
            for codename in COLLECTION_PERMISSIONS[name]
        ]
        for permission in collection_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )
        GroupCollectionPermission.objects.filter(group=group).exclude(permission__in=collection_permissions).delete()

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name=WORKFLOW_NAME)
        task.groups.set([groups[MODERATORS]])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})
    return groups, workflow
