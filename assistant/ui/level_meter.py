"""A level meter: polls a LevelHolder at 20 Hz, smooths, paints only the lit part.

Polling (not a signal per audio frame) keeps the audio threads free of Qt. Every meter follows
one clock, so a frame's meters repaint in the same pass of the event loop and the window is
composed once per frame, not once per meter; the bar and its track are pictures made once per
size, and a paint blits them (no path, gradient or antialiasing per frame): a conversation's two
moving meters cost the GUI thread ~4 % of a core painted each on its own timer with shapes
(measured, see README). While every meter rests (silence, the bar down) the clock stops and
waits to be stirred where sound passes the loop's thread (`LevelHolder.stir`): a resting
window wakes for nothing, where an 8 Hz poll cost the idle app ~0.2 % of a core (README).
"""

from __future__ import annotations

import time
import weakref

from PySide6.QtCore import QCoreApplication, QLineF, QObject, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QHideEvent,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from assistant.audio.levels import FLOOR_DB, LevelHolder, MeterBallistics, iec_scale

_TICKS_DB = (-60, -40, -30, -20, -10, -6, -3, 0)
# After a stir the clock keeps its pace this long even while every bar rests: audio queued to
# play is measured only when the speaker's thread takes it (a resting speaker takes ~100 ms).
STIRRED_S = 1.0
# 20 frames a second: the bar follows a 300 ms average, so a frame every 50 ms moves it
# smoothly; 30 cost a conversation ~1 % of a core more (9.13 against 8.18 %, medians of
# 5 alternating runs of bench/conversation_bench.py), a wake-up and a repaint at a time.
MOVING_POLL_MS = 1000 // 20


class MeterClock(QObject):
    """The one timer of every shown meter: it ticks while any of them moves, and stops while
    all rest until one's level holder is stirred."""

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self._meters: weakref.WeakSet[LevelMeter] = weakref.WeakSet()
        self.timer = QTimer(self)
        self.timer.setInterval(MOVING_POLL_MS)
        self.timer.timeout.connect(self._tick)
        self._stirred_until = 0.0

    @property
    def resting(self) -> bool:
        return bool(self._meters) and not self.timer.isActive()

    def join(self, meter: LevelMeter) -> None:
        self._meters.add(meter)
        self.stir()

    def leave(self, meter: LevelMeter) -> None:
        self._meters.discard(meter)
        meter.holder.on_stir = None
        if not self._meters:
            self.timer.stop()

    def follows(self, meter: LevelMeter) -> bool:
        return meter in self._meters

    def stir(self) -> None:
        """Sound passed (or is queued): tick again, for STIRRED_S at least."""
        for meter in list(self._meters):
            meter.holder.on_stir = None
        self._stirred_until = time.monotonic() + STIRRED_S
        if not self.timer.isActive():
            self.timer.start()

    def _tick(self) -> None:
        moving = False
        for meter in list(self._meters):
            try:
                moving = meter.poll() or moving
            except RuntimeError:             # its widget was deleted while shown
                self.leave(meter)
        if not moving and time.monotonic() >= self._stirred_until:
            self._rest()

    def _rest(self) -> None:
        self.timer.stop()
        for meter in list(self._meters):
            meter.holder.on_stir = self.stir


_clock: MeterClock | None = None


def meter_clock() -> MeterClock:
    """The clock, made with the first meter and owned by the application (Qt deletes it with
    the application, not Python after it, which crashed at exit)."""
    global _clock
    app = QCoreApplication.instance()
    try:
        current = _clock is not None and _clock.parent() is app
    except RuntimeError:                         # deleted with an earlier application
        current = False
    if _clock is None or not current:
        _clock = MeterClock(app)
    return _clock


class LevelMeter(QWidget):
    def __init__(self, holder: LevelHolder, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holder, self.label = holder, label
        self.ballistics = MeterBallistics()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("{label} level").format(label=label))
        self._pictures: tuple[QPixmap, QPixmap] | None = None    # track and lit bar, per size
        self._pictures_for = QSize()
        self._ticks: list[QLineF] = []
        self._last = time.monotonic()
        self._shown: tuple[int, int] = (-1, -1)     # lit width and peak position last painted
        self.frames_painted = 0
        self._clock = meter_clock()

    def sizeHint(self) -> QSize:
        return QSize(240, 26)

    @property
    def rms_fraction(self) -> float:
        return iec_scale(self.ballistics.rms_db)

    @property
    def polling(self) -> bool:
        """Whether it follows the level now (not while hidden)."""
        return self._clock.follows(self)

    def showEvent(self, event: QShowEvent) -> None:
        self._last = time.monotonic()
        self._clock.join(self)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        self._clock.leave(self)              # hidden: no polls, no paints
        super().hideEvent(event)

    def poll(self) -> bool:
        """Advance the ballistics; repaint only when a pixel would change (an idle meter
        costs a poll, not a paint) and never while the window is minimized. True while the
        meter moves (the clock then keeps its fast pace)."""
        now = time.monotonic()
        rms_db, peak_db = self.holder.value
        dt, self._last = now - self._last, now
        if rms_db <= FLOOR_DB and self.ballistics.at_rest:
            return False
        if self.window().isMinimized():
            return True
        self.ballistics.step(dt, rms_db, peak_db)
        width = self._bar_rect().width()
        peak = iec_scale(self.ballistics.peak_db)
        shown = (round(self.rms_fraction * width), round(peak * width))
        if shown != self._shown:
            self._shown = shown
            self.update(self._bar_rect().adjusted(-2, -2, 2, 2))    # not the label
        return True

    def _bar_rect(self) -> QRect:
        return QRect(64, 5, max(10, self.width() - 70), self.height() - 10)

    def _pictures_of(self, bar: QRect) -> tuple[QPixmap, QPixmap]:
        """The unlit track and the fully lit bar (and the tick marks), made once per size."""
        if self._pictures is None or self._pictures_for != bar.size():
            ratio = self.devicePixelRatioF()
            track, lit = (QPixmap(bar.size() * ratio) for _ in range(2))
            area = QRectF(0, 0, bar.width(), bar.height())
            gradient = QLinearGradient(0, 0, bar.width(), 0)
            gradient.setColorAt(0.0, QColor("#2e9d5b"))
            gradient.setColorAt(iec_scale(-20), QColor("#58c46b"))
            gradient.setColorAt(iec_scale(-9), QColor("#e3c33b"))
            gradient.setColorAt(1.0, QColor("#e0533d"))
            for picture, brush in ((track, QColor(128, 128, 128, 50)), (lit, gradient)):
                picture.setDevicePixelRatio(ratio)
                picture.fill(Qt.GlobalColor.transparent)
                painter = QPainter(picture)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(brush)
                painter.drawRoundedRect(area, 4, 4)
                painter.end()
            self._ticks = [QLineF(x, bar.bottom() - 3, x, bar.bottom()) for x in (
                int(bar.left() + iec_scale(db) * bar.width()) for db in _TICKS_DB)]
            self._pictures, self._pictures_for = (track, lit), bar.size()
        return self._pictures

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        label = QRect(0, 0, 60, self.height())
        if event.rect().intersects(label):          # a level change repaints the bar only
            painter.setPen(palette.windowText().color())
            painter.drawText(label, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             self.label)
        bar = self._bar_rect()
        track, lit = self._pictures_of(bar)
        painter.drawPixmap(bar.topLeft(), track)
        lit_width = round(self.rms_fraction * bar.width())
        if lit_width > 0:
            ratio = lit.devicePixelRatio()
            painter.drawPixmap(QRectF(bar.left(), bar.top(), lit_width, bar.height()), lit,
                               QRectF(0, 0, lit_width * ratio, bar.height() * ratio))
        peak_x = bar.left() + iec_scale(self.ballistics.peak_db) * bar.width()
        if peak_x > bar.left() + 1:
            painter.setPen(QPen(QColor("#f4f4f4") if palette.window().color().lightness() < 128
                                else QColor("#333333"), 2))
            painter.drawLine(int(peak_x), bar.top(), int(peak_x), bar.bottom())
        painter.setPen(QPen(QColor(128, 128, 128, 120), 1))
        painter.drawLines(self._ticks)
        painter.end()
        self.frames_painted += 1
