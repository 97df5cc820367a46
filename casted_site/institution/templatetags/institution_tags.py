from django import template

from casted_site.institution.identity import institution, share_images

register = template.Library()


@register.simple_tag(takes_context=True)
def site_institution(context):
    """The institution (casted_site.institution.identity.Institution) for the header, the footer and the head."""
    request = context.get("request")
    return institution(request) if request is not None else None


@register.simple_tag(takes_context=True)
def page_share_images(context, page):
    """(wide, square) URLs of the image a share of this page shows (og:image, and itemprop for WeChat's card)."""
    return share_images(page, context["request"])
