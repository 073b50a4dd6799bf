"""The tray's icons: one shape per state, so the state reads without colour.

idle: a hollow microphone; listening: a filled one with sound rings; speaking: a speaker with
waves; thinking: three dots; muted: the microphone struck through; offline: a hollow circle
with a gap. Drawn in the palette's text colour, so they suit a light or a dark panel.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from assistant.modes import ConnectionState

TRAY_STATES = ("idle", "listening", "speaking", "thinking", "muted", "offline", "error")
# The app's states (assistant.modes.ConnectionState) as icons.
TRAY_STATE = {ConnectionState.DISCONNECTED: "offline", ConnectionState.CONNECTING: "thinking",
              ConnectionState.READY: "idle", ConnectionState.RECORDING: "listening",
              ConnectionState.THINKING: "thinking", ConnectionState.SPEAKING: "speaking",
              ConnectionState.ERROR: "error"}
SIZE = 64


def tray_icon(state: str, ink: QColor) -> QIcon:
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(ink, 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    {"listening": _listening, "speaking": _speaking, "thinking": _thinking, "muted": _muted,
     "offline": _offline, "error": _error}.get(state, _idle)(painter, ink)
    painter.end()
    return QIcon(pixmap)


def _microphone(painter: QPainter, ink: QColor, filled: bool) -> None:
    if filled:
        painter.setBrush(ink)
    painter.drawRoundedRect(QRectF(22, 6, 20, 32), 10, 10)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(QPointF(14, 30))
    path.cubicTo(QPointF(14, 52), QPointF(50, 52), QPointF(50, 30))
    painter.drawPath(path)
    painter.drawLine(QPointF(32, 47), QPointF(32, 58))


def _idle(painter: QPainter, ink: QColor) -> None:
    _microphone(painter, ink, filled=False)


def _listening(painter: QPainter, ink: QColor) -> None:
    _microphone(painter, ink, filled=True)
    painter.drawArc(QRectF(2, 8, 14, 26), 120 * 16, 120 * 16)
    painter.drawArc(QRectF(48, 8, 14, 26), -60 * 16, 120 * 16)


def _speaking(painter: QPainter, ink: QColor) -> None:
    painter.setBrush(ink)
    body = QPainterPath(QPointF(6, 24))
    for x, y in ((18, 24), (32, 10), (32, 54), (18, 40), (6, 40)):
        body.lineTo(QPointF(x, y))
    body.closeSubpath()
    painter.drawPath(body)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for radius in (10, 20):
        painter.drawArc(QRectF(32 - radius, 32 - radius, 2 * radius, 2 * radius) .adjusted(
            8, 0, 8, 0), -50 * 16, 100 * 16)


def _thinking(painter: QPainter, ink: QColor) -> None:
    painter.setBrush(ink)
    for x in (12, 32, 52):
        painter.drawEllipse(QPointF(x, 32), 6, 6)


def _muted(painter: QPainter, ink: QColor) -> None:
    _microphone(painter, ink, filled=False)
    painter.drawLine(QPointF(8, 8), QPointF(56, 56))


def _error(painter: QPainter, ink: QColor) -> None:
    triangle = QPainterPath(QPointF(32, 6))
    triangle.lineTo(QPointF(60, 56))
    triangle.lineTo(QPointF(4, 56))
    triangle.closeSubpath()
    painter.drawPath(triangle)
    painter.drawLine(QPointF(32, 24), QPointF(32, 38))
    painter.drawPoint(QPointF(32, 47))


def _offline(painter: QPainter, ink: QColor) -> None:
    painter.drawArc(QRectF(10, 10, 44, 44), 110 * 16, 320 * 16)
    painter.drawLine(QPointF(32, 4), QPointF(32, 26))
