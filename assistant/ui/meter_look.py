"""What a level meter paints with, made once per size and palette: its rectangles, its colours,
and the track and the lit bar as pictures with the tick marks in them.

A meter repaints up to 20 times a second while it moves, and each call into Qt from Python
costs a few microseconds on a thread that wakes cold: so a paint is a fill, two blits and a
fill for the peak, with nothing built or looked up (timed in the app, conversation bench: a
paint took 136-152 us building its pens, rectangles and ticks each time, 77-84 us so; README,
Decisions: *The level meters paint themselves whole, from pictures*).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLineF, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QLinearGradient, QPainter, QPalette, QPen, QPixmap

from assistant.audio.levels import iec_scale

TICKS_DB = (-60, -40, -30, -20, -10, -6, -3, 0)
LABEL_WIDTH = 60


@dataclass(frozen=True)
class MeterLook:
    bar: QRect                  # where the bar sits in the meter
    origin: QPoint              # its top left
    dirty: QRect                # what a level change repaints (the bar and the peak's overhang)
    label: QRect
    track: QPixmap              # unlit, ticks in it
    lit: QPixmap                # fully lit, ticks in it
    ratio: float                # the pictures' device pixel ratio
    background: QBrush
    text: QColor
    peak: QColor


def meter_look(size: QSize, palette: QPalette, ratio: float) -> MeterLook:
    bar = QRect(LABEL_WIDTH + 4, 5, max(10, size.width() - 70), size.height() - 10)
    dark = palette.window().color().lightness() < 128
    return MeterLook(
        bar=bar, origin=bar.topLeft(), dirty=bar.adjusted(-2, -2, 2, 2),
        label=QRect(0, 0, LABEL_WIDTH, size.height()),
        track=_picture(bar.size(), QBrush(QColor(128, 128, 128, 50)), ratio),
        lit=_picture(bar.size(), QBrush(_lit_gradient(bar.width())), ratio), ratio=ratio,
        background=palette.window(), text=palette.windowText().color(),
        peak=QColor("#f4f4f4") if dark else QColor("#333333"))


def _lit_gradient(width: int) -> QLinearGradient:
    gradient = QLinearGradient(0, 0, width, 0)
    gradient.setColorAt(0.0, QColor("#2e9d5b"))
    gradient.setColorAt(iec_scale(-20), QColor("#58c46b"))
    gradient.setColorAt(iec_scale(-9), QColor("#e3c33b"))
    gradient.setColorAt(1.0, QColor("#e0533d"))
    return gradient


def _picture(size: QSize, brush: QBrush, ratio: float) -> QPixmap:
    """A rounded bar in `brush`, the scale's ticks along its bottom edge."""
    picture = QPixmap(size * ratio)
    picture.setDevicePixelRatio(ratio)
    picture.fill(Qt.GlobalColor.transparent)
    painter = QPainter(picture)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(brush)
    painter.drawRoundedRect(QRectF(0, 0, size.width(), size.height()), 4, 4)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(QColor(128, 128, 128, 120), 1))
    bottom = size.height() - 1
    painter.drawLines([QLineF(x, bottom - 3, x, bottom) for x in (
        min(int(iec_scale(db) * size.width()), size.width() - 1) for db in TICKS_DB)])
    painter.end()
    return picture
