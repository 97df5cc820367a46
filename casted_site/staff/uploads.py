"""Images and documents under moderation: an editor uploads and may change or delete what they uploaded, but not
once a live page uses it (a signed MOU's PDF, say: replacing it would change the public download without a
moderator), and never another person's upload. Moderators, who hold the "change" permission on the collection,
may change any. Wagtail's own ownership policy, with one more condition, registered through Wagtail's
register_permission_policy for the image and document models. A document only private pages use is not
for visitors (visible_to_visitors, asked before Wagtail serves one: wagtail_hooks.py). And a document is what its
name says it is (CheckedDocumentForm, Wagtail's document form base: WAGTAILDOCS_DOCUMENT_FORM_BASE)."""

from django.contrib.contenttypes.models import ContentType

from wagtail.documents.forms import BaseDocumentForm
from wagtail.models import GroupCollectionPermission, Page, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from casted_site.framework_fixes.view_restrictions import not_view_restricted
from casted_site.staff.file_content import check_document_content

CHANGING_ACTIONS = {"change", "delete"}


class ModeratedUploadsPolicy(CollectionOwnershipPermissionPolicy):
    def user_has_any_permission_for_instance(self, user, actions, instance):
        allowed = super().user_has_any_permission_for_instance(user, actions, instance)
        if allowed and set(actions) <= CHANGING_ACTIONS and not self.moderates(user, instance):
            return not used_on_a_live_page(instance)
        return allowed

    def moderates(self, user, instance):
        """A superuser, or a member of a group with the "change" permission on the instance's collection."""
        if user.is_superuser:
            return True
        return GroupCollectionPermission.objects.filter(
            group__user=user,
            permission__content_type=ContentType.objects.get_for_model(self.auth_model),
            permission__codename=f"change_{self.auth_model._meta.model_name}",
            collection__in=instance.collection.get_ancestors(inclusive=True),
        ).exists()


def used_on_a_live_page(instance):
    """Wagtail's reference index lists every page that links to it (its fields, rich text and blocks)."""
    return Page.objects.live().filter(pk__in=pages_using(instance)).exists()


def visible_to_visitors(document):
    """A document that pages use may be downloaded by visitors when one of them is live and not restricted; one no
    page uses keeps Wagtail's rule (its collection's privacy)."""
    page_ids = pages_using(document)
    if not page_ids:
        return True
    return Page.objects.live().filter(not_view_restricted(), pk__in=page_ids).exists()


def pages_using(instance):
    references = ReferenceIndex.get_references_to(instance)
    page_type = ContentType.objects.get_for_model(Page)
    return [int(pk) for pk in references.filter(base_content_type=page_type).values_list("object_id", flat=True)]


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form (every upload path: the add and edit forms, the multiple upload, the chooser's),
    checking a new file's content against its extension."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            check_document_content(file, file.name.rpartition(".")[2])
        return file

    def _post_clean(self):
        """Django's ModelForm step that validates the instance. When the field refused the file, the instance has
        none, and Wagtail's Document.clean adds "File extension '' is not allowed" below the real reason."""
        super()._post_clean()
        if "file" in self._errors:
            del self._errors["file"][1:]


def register():
    from wagtail.documents import get_document_model, get_document_model_string
    from wagtail.images import get_image_model, get_image_model_string
    from wagtail.permissions import register_permission_policy

    for model, label, auth_model in (
        (get_image_model(), get_image_model_string(), "wagtailimages.Image"),
        (get_document_model(), get_document_model_string(), "wagtaildocs.Document"),
    ):
        policy = ModeratedUploadsPolicy(label, auth_model=auth_model, owner_field_name="uploaded_by_user")
        register_permission_policy(model, policy, exact_class=True)
