"""The one StreamBlock every page body uses."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = _("A section heading inside the body.")
        preview_value = {"text": "International cooperative research"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        description = _("An image with an optional caption; its alt text comes from the image library.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        description = _("A quotation with the name of whoever said it.")
        preview_value = {"text": "Science and technology cooperation knows no borders."}


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=250)

    class Meta:
        icon = "doc-full"
        template = "blocks/document_block.html"
        description = _("A link to download a document from the document library.")


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description=_("Running text with links and lists."),
        preview_value="<p>CASTED cooperates with research institutes around the world.</p>",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    document = DocumentBlock()
