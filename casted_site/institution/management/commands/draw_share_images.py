"""Draw the site's own share images (static/img/share-1200x630.png and share-square.png): the wordmark and the
institution's names in both languages, what a shared page shows until staff upload a share image. Run again after
a change of name; it needs Debian's fonts-noto-cjk."""

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

FONT_DIR = Path("/usr/share/fonts/opentype/noto")
BRAND, BRAND_DARK, ACCENT, WHITE = "#0b3d6e", "#072a4d", "#b3261e", "#ffffff"
LINES = [
    # (text, size, bold, colour)
    ("中国科学技术发展战略研究院", 46, True, WHITE),
    ("Chinese Academy of Science and Technology for Development", 28, False, WHITE),
    ("国际交流与合作 · International Exchange and Cooperation", 30, False, "#d6e2ee"),
]


def font(bold, size):
    path = FONT_DIR / ("NotoSansCJK-Bold.ttc" if bold else "NotoSansCJK-Regular.ttc")
    if not path.exists():
        raise CommandError(f"{path} is missing: apt-get install fonts-noto-cjk")
    return ImageFont.truetype(str(path), size, index=2)  # index 2: the Simplified Chinese face


def draw_wordmark(draw, left, top, size):
    """The wordmark the header shows: CASTED in a white frame, a red rule beneath."""
    text_font = font(True, size)
    box = draw.textbbox((0, 0), "CASTED", font=text_font)
    width, height = box[2] - box[0], box[3] - box[1]
    pad = size // 3
    draw.rounded_rectangle(
        (left, top, left + width + 2 * pad, top + height + 2 * pad), radius=size // 6, outline=WHITE, width=size // 12
    )
    draw.text((left + pad - box[0], top + pad - box[1]), "CASTED", font=text_font, fill=WHITE)
    return top + height + 2 * pad


def draw(width, height, square):
    image = Image.new("RGB", (width, height), BRAND)
    canvas = ImageDraw.Draw(image)
    canvas.rectangle((0, height - 24, width, height), fill=BRAND_DARK)
    canvas.rectangle((0, height - 24, width // 3, height), fill=ACCENT)
    left = 64
    y = draw_wordmark(canvas, left, 64, 72 if square else 88) + (40 if square else 56)
    for text, size, bold, colour in LINES if not square else LINES[:1] + LINES[2:3]:
        if square:
            size = int(size * 0.72)
        line_font = font(bold, size)
        for part in text.split(" · ") if square else [text]:
            canvas.text((left, y), part, font=line_font, fill=colour)
            y += int(size * 1.6)
    return image


class Command(BaseCommand):
    help = "Draw static/img/share-1200x630.png and static/img/share-square.png."

    def handle(self, *args, **options):
        folder = Path(settings.BASE_DIR) / "static" / "img"
        for name, size, square in (("share-1200x630.png", (1200, 630), False), ("share-square.png", (600, 600), True)):
            draw(*size, square).save(folder / name, optimize=True)
            self.stdout.write(f"Wrote {folder / name}")
