"""Import and export columns that name partners, by slug or acronym, with a role where the link has one. The
partner model and the roles are read from the fields themselves, so that partners.models can use these too."""

from django.utils.translation import gettext_lazy as _

from casted_site.records.records_io import RowError, split_list, text


def find_partner(partner_model, reference):
    reference = reference.strip()
    partner = None
    if reference:
        partner = partner_model.objects.filter(slug_en=reference).first()
        partner = partner or partner_model.objects.filter(acronym__iexact=reference).first()
    if partner is None:
        raise RowError(_("no partner with the slug or acronym '%(reference)s'"), reference=reference)
    return partner


class PartnerLinks:
    """A record's partners with their roles (a project's or an event's links): "oecd:partner;uis:sponsor"."""

    def __init__(self, relation):
        self.relation = relation

    def import_value(self, page, raw):
        link_model = page._meta.get_field(self.relation).related_model
        partner_model = link_model._meta.get_field("partner").related_model
        roles = [value for value, _label in link_model._meta.get_field("role").choices]
        links = []
        for item in split_list(raw):
            reference, _sep, role = item.partition(":")
            role = role.strip() or "partner"
            if role not in roles:
                raise RowError(
                    _("partners: role '%(role)s' is not one of %(roles)s"), role=role, roles=", ".join(roles)
                )
            links.append(link_model(partner=find_partner(partner_model, reference), role=role))
        setattr(page, self.relation, links)

    def export_value(self, page):
        return ";".join(f"{link.partner.slug_en}:{link.role}" for link in getattr(page, self.relation).all())

    def canonical(self, page, raw):
        """The cell as export_value writes it: each partner by its slug, each with its role."""
        partner_model = page._meta.get_field(self.relation).related_model._meta.get_field("partner").related_model
        items = []
        for item in split_list(raw):
            reference, _sep, role = item.partition(":")
            items.append(f"{find_partner(partner_model, reference).slug_en}:{role.strip() or 'partner'}")
        return ";".join(items)


class OnePartner:
    """The one partner of a record (an MOU's), by slug or acronym."""

    def __init__(self, field):
        self.field = field

    def import_value(self, page, raw):
        setattr(page, self.field, find_partner(page._meta.get_field(self.field).related_model, text(raw)))

    def export_value(self, page):
        partner = getattr(page, self.field)
        return partner.slug_en if partner else ""

    def canonical(self, page, raw):
        return find_partner(page._meta.get_field(self.field).related_model, text(raw)).slug_en if text(raw) else ""
