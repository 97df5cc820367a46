"""What an uploaded document must contain: what its extension says (a PNG named .pdf is refused), and never a web
page, a script or a program whatever its name. Used by the upload form (uploads.CheckedDocumentForm) and by the
pages that require a kind of document (a signed MOU is a PDF that parses)."""

import zipfile

import filetype
from pypdf import PdfReader

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# What each document extension must contain. Office files are ZIP packages with their own parts; text must be text.
OFFICE_PACKAGES = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
OPEN_DOCUMENT_TYPES = {"odt": b"application/vnd.oasis.opendocument.text"}
TEXT_EXTENSIONS = {"txt", "csv"}
# A text file that a browser would take for a page or a program runs as one if it is ever served as such.
MARKUP = (b"<!doctype", b"<html", b"<script", b"<svg", b"<?xml", b"#!")
HEAD_BYTES = 8192
NOT_FOR_UPLOAD = _("Web pages, scripts and programs cannot be uploaded, whatever their name.")


def check_document_content(file, extension):
    """Refuse a file whose content is not what its extension says (a PNG named .pdf, a page named .txt)."""
    extension = extension.lower()
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(0)
    guessed = filetype.guess(head)
    if guessed is not None and guessed.mime.startswith(("application/x-executable", "application/x-msdownload")):
        raise ValidationError(NOT_FOR_UPLOAD, code="forbidden_content")
    if extension == "pdf":
        check_pdf(file, head)
    elif extension in OFFICE_PACKAGES or extension in OPEN_DOCUMENT_TYPES:
        check_package(file, extension)
    elif extension in TEXT_EXTENSIONS:
        check_text(head, guessed, extension)
    file.seek(0)


def require_pdf(document, field, message):
    """A page's document field that must hold a PDF that parses: the upload form checks new documents, this holds
    for older ones too. The error names the field, with message first."""
    if document.file_extension.lower() != "pdf":
        raise ValidationError({field: message})
    try:
        with document.file.open("rb") as file:
            check_document_content(file, "pdf")
    except OSError as error:
        raise ValidationError({field: message}) from error
    except ValidationError as error:
        raise ValidationError({field: [message, *error.messages]}) from error


def not_a(extension):
    return ValidationError(
        _("The content of this file is not a .%(extension)s document. Upload the file itself, saved in that format."),
        code="wrong_content",
        params={"extension": extension},
    )


def check_pdf(file, head):
    if b"%PDF-" not in head[:1024]:
        raise not_a("pdf")
    try:
        reader = PdfReader(file)
        readable = reader.is_encrypted or len(reader.pages) > 0
    except Exception as error:  # noqa: BLE001 - a damaged or hostile PDF can make pypdf raise anything
        raise ValidationError(
            _("This PDF cannot be read: it may be damaged. Save it again as a PDF and upload it."), code="damaged_pdf"
        ) from error
    finally:
        file.seek(0)
    if not readable:
        raise ValidationError(_("This PDF has no pages."), code="damaged_pdf")


def check_package(file, extension):
    try:
        with zipfile.ZipFile(file) as package:
            names = package.namelist()
            if extension in OPEN_DOCUMENT_TYPES:
                matches = "mimetype" in names and package.read("mimetype").strip() == OPEN_DOCUMENT_TYPES[extension]
            else:
                part = OFFICE_PACKAGES[extension]
                matches = "[Content_Types].xml" in names and any(name.startswith(part) for name in names)
    except (zipfile.BadZipFile, OSError, KeyError):
        matches = False
    if not matches:
        raise not_a(extension)


def check_text(head, guessed, extension):
    if guessed is not None or b"\0" in head:
        raise not_a(extension)
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith(MARKUP) or b"<script" in head.lower() or b"<html" in head.lower():
        raise ValidationError(NOT_FOR_UPLOAD, code="forbidden_content")
    for encoding in ("utf-8", "gb18030"):  # Chinese CSV files from Excel are often GB18030
        try:
            head.decode(encoding)
            return
        except UnicodeDecodeError as error:
            if error.start >= len(head) - 4:  # a character cut by the end of the head
                return
    raise not_a(extension)
