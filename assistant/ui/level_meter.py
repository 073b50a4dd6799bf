"""A level meter: polls a LevelHolder at 30 Hz, smooths, paints only the lit part.

Polling (not a signal per audio frame) keeps the audio threads free of Qt; the gradient is built
once per size and the unlit track is a flat fill. A meter at rest (silence, the bar down) polls
at 8 Hz: a sound shows at most 125 ms late, and two idle meters wake the app 16 times a second,
not 60.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QLineF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QPen,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from assistant.audio.levels import FLOOR_DB, LevelHolder, MeterBallistics, iec_scale

_TICKS_DB = (-60, -40, -30, -20, -10, -6, -3, 0)
RESTING_POLL_MS = 125


class LevelMeter(QWidget):
    def __init__(self, holder: LevelHolder, label: str, parent: QWidget | None = None,
                 fps: int = 30) -> None:
        super().__init__(parent)
        self.holder, self.label = holder, label
        self.ballistics = MeterBallistics()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("{label} level").format(label=label))
        self._gradient: QLinearGradient | None = None
        self._gradient_width = -1
        self._ticks: list[QLineF] = []
        self._last = time.monotonic()
        self._shown: tuple[int, int] = (-1, -1)     # lit width and peak position last painted
        self.frames_painted = 0
        self._timer = QTimer(self)
        self._moving_ms = 1000 // fps
        self._timer.setInterval(self._moving_ms)
        self._timer.timeout.connect(self._poll)

    def sizeHint(self) -> QSize:
        return QSize(240, 26)

    @property
    def rms_fraction(self) -> float:
        return iec_scale(self.ballistics.rms_db)

    @property
    def polling(self) -> bool:
        """Whether it follows the level now (not while hidden)."""
        return self._timer.isActive()

    def showEvent(self, event: QShowEvent) -> None:
        self._last = time.monotonic()
        self._timer.start()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()                   # hidden: no polls, no paints
        super().hideEvent(event)

    def _poll(self) -> None:
        """Advance the ballistics; repaint only when a pixel would change (an idle meter
        costs a poll, not a paint) and never while the window is minimized."""
        now = time.monotonic()
        rms_db, peak_db = self.holder.value
        dt, self._last = now - self._last, now
        resting = rms_db <= FLOOR_DB and self.ballistics.at_rest
        interval = RESTING_POLL_MS if resting else self._moving_ms
        if self._timer.interval() != interval:
            self._timer.setInterval(interval)
        if resting or self.window().isMinimized():
            return
        self.ballistics.step(dt, rms_db, peak_db)
        width = max(10, self.width() - 70)                  # the bar's width (_bar_rect)
        peak = iec_scale(self.ballistics.peak_db)
        shown = (round(self.rms_fraction * width), round(peak * width))
        if shown != self._shown:
            self._shown = shown
            self.update(self._bar_rect().toAlignedRect().adjusted(-2, -2, 2, 2))  # not the label

    def _bar_rect(self) -> QRectF:
        return QRectF(64, 5, max(10, self.width() - 70), self.height() - 10)

    def _gradient_for(self, bar: QRectF) -> QLinearGradient:
        """The gradient and the tick marks, made once per width."""
        if self._gradient is None or self._gradient_width != int(bar.width()):
            self._ticks = [QLineF(x, bar.bottom() - 3, x, bar.bottom()) for x in (
                int(bar.left() + iec_scale(db) * bar.width()) for db in _TICKS_DB)]
            gradient = QLinearGradient(bar.left(), 0, bar.right(), 0)
            gradient.setColorAt(0.0, QColor("#2e9d5b"))
            gradient.setColorAt(iec_scale(-20), QColor("#58c46b"))
            gradient.setColorAt(iec_scale(-9), QColor("#e3c33b"))
            gradient.setColorAt(1.0, QColor("#e0533d"))
            self._gradient, self._gradient_width = gradient, int(bar.width())
        return self._gradient

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        label = QRectF(0, 0, 60, self.height())
        if event.rect().intersects(label.toAlignedRect()):     # a level change repaints the bar
            painter.setPen(palette.windowText().color())
            painter.drawText(label, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             self.label)
        bar = self._bar_rect()
        gradient = self._gradient_for(bar)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(128, 128, 128, 50))
        painter.drawRoundedRect(bar, 4, 4)
        lit = bar.adjusted(0, 0, -(1 - self.rms_fraction) * bar.width(), 0)
        if lit.width() > 0.5:
            painter.setBrush(gradient)
            painter.drawRoundedRect(lit, 4, 4)
        peak_x = bar.left() + iec_scale(self.ballistics.peak_db) * bar.width()
        if peak_x > bar.left() + 1:
            painter.setPen(QPen(QColor("#f4f4f4") if palette.window().color().lightness() < 128
                                else QColor("#333333"), 2))
            painter.drawLine(int(peak_x), int(bar.top()), int(peak_x), int(bar.bottom()))
        painter.setPen(QPen(QColor(128, 128, 128, 120), 1))
        painter.drawLines(self._ticks)
        painter.end()
        self.frames_painted += 1
