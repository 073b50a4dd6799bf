"""A level meter: polls a LevelHolder at 20 Hz, smooths, paints only the lit part.

Polling (not a signal per audio frame) keeps the audio threads free of Qt. Every meter follows
one clock, so a frame's meters repaint in the same pass of the event loop and the window is
composed once per frame, not once per meter; the bar and its track are pictures made once per
size (meter_look.py), and a paint blits them (no path, gradient or antialiasing per frame): a
conversation's two moving meters cost the GUI thread ~4 % of a core painted each on its own
timer with shapes (measured, see README). A meter paints its own background (it is opaque), so
a bar that moved repaints the meter alone, not the five widgets under it. While every meter
rests (silence, the bar down) the clock stops and waits to be stirred where sound passes the
loop's thread (`LevelHolder.stir`): a resting window wakes for nothing, where an 8 Hz poll
cost the idle app ~0.2 % of a core (README).
"""

from __future__ import annotations

import time
import weakref

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QHideEvent, QPainter, QPaintEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from assistant.audio.levels import FLOOR_DB, LevelHolder, MeterBallistics, iec_scale
from assistant.ui.meter_look import MeterLook, meter_look

LABEL_ALIGNMENT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
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
        # It paints all of itself, background included: a moving bar then repaints the meter
        # alone, not every widget under it (see the module's note)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAccessibleName(self.tr("{label} level").format(label=label))
        self._look: MeterLook | None = None          # per size and palette (meter_look.py)
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._look = None
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:        # a light or dark scheme
            self._look = None
        super().changeEvent(event)

    def look(self) -> MeterLook:
        if self._look is None:
            self._look = meter_look(self.size(), self.palette(), self.devicePixelRatioF())
        return self._look

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
        look = self.look()
        shown = self._positions(look.bar.width())
        if shown != self._shown:
            self._shown = shown
            self.update(look.dirty)                       # not the label
        return True

    def _positions(self, width: int) -> tuple[int, int]:
        """The lit width and the peak's offset, in pixels of a bar this wide."""
        return (round(self.rms_fraction * width), int(iec_scale(self.ballistics.peak_db) * width))

    def paintEvent(self, event: QPaintEvent) -> None:
        look = self.look()
        area = event.rect()
        painter = QPainter(self)
        painter.fillRect(area, look.background)
        if area.intersects(look.label):             # a level change repaints the bar only
            painter.setPen(look.text)
            painter.drawText(look.label, LABEL_ALIGNMENT, self.label)
        painter.drawPixmap(look.origin, look.track)
        bar = look.bar
        lit, peak = self._positions(bar.width())
        if lit > 0:
            painter.drawPixmap(bar.x(), bar.y(), lit, bar.height(), look.lit, 0, 0,
                               round(lit * look.ratio), round(bar.height() * look.ratio))
        if peak > 1:
            painter.fillRect(bar.x() + peak - 1, bar.y(), 2, bar.height(), look.peak)
        painter.end()
        self.frames_painted += 1
