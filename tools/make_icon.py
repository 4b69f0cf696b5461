"""Draw the program icon: a red seal (印章) with 督, in the shipped font.

    python tools/make_icon.py

writes resources/icons/app.png (256 px) and resources/icons/app.ico (16–256 px), which
build.spec and the window use. Needs Pillow (in the `build` extra). The result is
committed, so a build does not need to run this.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
OUT = ROOT / "resources" / "icons"
SEAL_RED = (200, 30, 36, 255)
PAPER = (255, 250, 240, 255)
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def draw_seal(size: int = 1024) -> Image.Image:
    """A rounded red square, a pale inner border, and 督 filling the middle."""
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    margin = size // 32
    draw.rounded_rectangle((margin, margin, size - margin, size - margin), radius=size // 8, fill=SEAL_RED)
    inset = size // 10
    draw.rounded_rectangle(
        (inset, inset, size - inset, size - inset),
        radius=size // 16,
        outline=PAPER,
        width=max(2, size // 36),
    )
    font = ImageFont.truetype(str(FONT), int(size * 0.62), index=0)
    box = draw.textbbox((0, 0), "督", font=font)
    width, height = box[2] - box[0], box[3] - box[1]
    draw.text(((size - width) / 2 - box[0], (size - height) / 2 - box[1]), "督", font=font, fill=PAPER)
    return image


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    seal = draw_seal()
    seal.resize((256, 256), Image.Resampling.LANCZOS).save(OUT / "app.png", optimize=True)
    seal.save(OUT / "app.ico", sizes=ICO_SIZES)
    print(f"wrote {OUT / 'app.png'} and {OUT / 'app.ico'}")


if __name__ == "__main__":
    main()
