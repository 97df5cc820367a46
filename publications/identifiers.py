"""The identifiers a publication carries, checked as their standards define them: a DOI (ISO 26324, "10." then a
registrant code and a suffix), an ISBN (ISO 2108, 10 or 13 digits with a check digit) and an ISSN (ISO 3297)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DOI = re.compile(r"10\.\d{4,9}/\S+")
DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:")


def normal_doi(value):
    """The DOI itself, from the forms it is pasted in (https://doi.org/10…, doi:10…)."""
    value = value.strip()
    for prefix in DOI_PREFIXES:
        if value.lower().startswith(prefix):
            return value[len(prefix) :].strip()
    return value


def validate_doi(value):
    if value and not DOI.fullmatch(normal_doi(value)):
        raise ValidationError(_("A DOI starts with 10. and a number, then a slash: 10.1787/9789264239012-en."))


def digits_of(value):
    return re.sub(r"[\s-]", "", value).upper()


def isbn_is_valid(value):
    digits = digits_of(value)
    if re.fullmatch(r"\d{9}[\dX]", digits):
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(digits))
        return total % 11 == 0
    if re.fullmatch(r"97[89]\d{10}", digits):
        total = sum((3 if i % 2 else 1) * int(c) for i, c in enumerate(digits))
        return total % 10 == 0
    return False


def validate_isbn(value):
    if value and not isbn_is_valid(value):
        raise ValidationError(_("This is not an ISBN: it has 10 or 13 digits, and its last digit checks the others."))


def issn_is_valid(value):
    digits = digits_of(value)
    if not re.fullmatch(r"\d{7}[\dX]", digits):
        return False
    total = sum((8 - i) * int(c) for i, c in enumerate(digits[:7]))
    check = (11 - total % 11) % 11
    return digits[7] == ("X" if check == 10 else str(check))


def validate_issn(value):
    if value and not issn_is_valid(value):
        raise ValidationError(_("This is not an ISSN: it reads 1234-5679, the last digit checking the others."))
