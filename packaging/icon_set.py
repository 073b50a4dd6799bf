"""The app's icons, made from the one SVG source: PNGs (Qt's SVG renderer), and a multi-size
ICO and an ICNS (Pillow), so no binary icon is kept in the repository."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]


def render_all(svg: Path, out: Path) -> dict[str, Any]:
    out.mkdir(parents=True, exist_ok=True)
    pngs = {size: render_png(svg, out / f"{size}x{size}.png", size) for size in PNG_SIZES}
    from PIL import Image

    with Image.open(pngs[256]) as image:
        image.save(out / "voice-assistant.ico", sizes=ICO_SIZES)
    with Image.open(pngs[512]) as image:
        image.save(out / "voice-assistant.icns")
    return {"png": pngs, "ico": out / "voice-assistant.ico", "icns": out / "voice-assistant.icns"}


def render_png(svg: Path, target: Path, size: int) -> Path:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target)):
        raise OSError(f"could not write {target}")
    return target
