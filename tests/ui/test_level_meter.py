"""The meter follows its level holder, repaints only when something visible changes."""

from __future__ import annotations

import asyncio

from assistant.audio.levels import LevelHolder
from assistant.ui.level_meter import LevelMeter
from tests.helpers import until


async def test_meter_moves_with_the_level_and_rests_when_idle(qtbot):
    holder = LevelHolder()
    meter = LevelMeter(holder, "Mic")
    qtbot.addWidget(meter)
    meter.resize(300, 26)
    meter.show()
    await until(lambda: meter.frames_painted > 0, message="first paint")
    painted = meter.frames_painted
    await asyncio.sleep(0.3)        # nothing to wait for: silence must not repaint for a while
    assert meter.frames_painted - painted <= 1
    holder.update(-12.0, -6.0)
    holder.stir()                          # as the loop does where the sound passes it
    await until(lambda: meter.rms_fraction > 0.4, message="-12 dBFS sits past the middle")
    painted = meter.frames_painted
    for step in range(15):                                # a changing level: ~20 fps
        holder.update(-30.0 + step, -20.0 + step)
        await asyncio.sleep(1 / 20)
    assert meter.frames_painted - painted >= 10
    assert meter.grab().toImage().pixelColor(250, 13).alpha() > 0


async def test_a_hidden_or_minimized_meter_does_no_work(qtbot):
    holder = LevelHolder()
    meter = LevelMeter(holder, "Mic")
    qtbot.addWidget(meter)
    meter.show()
    await until(lambda: meter.frames_painted > 0, message="first paint")
    meter.hide()
    assert not meter.polling                              # no polls while hidden
    meter.show()
    assert meter.polling
    meter.showMinimized()
    await until(lambda: meter.isMinimized(), message="minimized")
    painted, ballistics = meter.frames_painted, meter.ballistics.rms_db
    for step in range(10):                                # a changing level, nobody to see it
        holder.update(-30.0 + step, -20.0 + step)
        meter.poll()
    assert meter.frames_painted == painted and meter.ballistics.rms_db == ballistics


async def resting_meter(qtbot) -> tuple[LevelHolder, LevelMeter]:
    holder = LevelHolder()
    meter = LevelMeter(holder, "Speaker")
    qtbot.addWidget(meter)
    meter.show()
    await until(lambda: meter._clock.resting, message="the clock stops while every bar rests")
    return holder, meter


async def test_a_meter_at_rest_wakes_for_nothing_until_a_sound_stirs_it(qtbot):
    from assistant.ui.level_meter import MOVING_POLL_MS

    holder, meter = await resting_meter(qtbot)
    clock = meter._clock
    holder.stir()                          # silent frames passed: nothing to show
    assert clock.resting
    holder.update(-12.0, -6.0)             # an audio thread's write wakes nothing of Qt's ...
    await asyncio.sleep(0.3)
    assert clock.resting and meter.rms_fraction == 0
    holder.stir()                          # ... the loop's stir where that sound passed does
    await until(lambda: meter.rms_fraction > 0.4, message="the sound shown")
    assert clock.timer.isActive() and clock.timer.interval() == MOVING_POLL_MS == 1000 // 20
    holder.reset()
    await until(lambda: clock.resting, 10, message="at rest again once the bar has fallen")


async def test_audio_queued_to_play_keeps_the_clock_going_until_it_is_measured(qtbot):
    """The reply's audio is queued on the loop before the speaker's thread measures it."""
    holder, meter = await resting_meter(qtbot)
    clock = meter._clock
    holder.stir(coming=True)
    assert not clock.resting
    await asyncio.sleep(0.3)               # a resting speaker takes ~100 ms to start
    assert not clock.resting
    holder.update(-12.0, -6.0)             # measured as it is played
    await until(lambda: meter.rms_fraction > 0.4, message="the reply shown")


async def test_meters_follow_one_clock_and_repaint_in_the_same_pass(qtbot):
    """The window is composed once per frame for both meters, not once for each."""
    from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

    mic, speaker = LevelHolder(), LevelHolder()
    panel = QWidget()
    qtbot.addWidget(panel)
    layout = QVBoxLayout(panel)
    meters = [LevelMeter(mic, "Mic"), LevelMeter(speaker, "Speaker")]
    for meter in meters:
        layout.addWidget(meter)
    panel.show()
    await until(lambda: all(meter.polling for meter in meters), message="both follow the clock")
    assert meters[0]._clock is meters[1]._clock
    mic.update(-12.0, -6.0)
    speaker.update(-20.0, -10.0)
    for step in range(10):
        mic.update(-30.0 + step, -20.0 + step)
        speaker.update(-40.0 + step, -30.0 + step)
        await asyncio.sleep(1 / 30)
    clock = meters[0]._clock
    clock.timer.stop()                           # one tick by hand, then one pass of events
    mic.update(-3.0, -1.0)
    speaker.update(-6.0, -2.0)
    painted = [meter.frames_painted for meter in meters]
    clock._tick()
    QApplication.processEvents()
    assert [meter.frames_painted for meter in meters] == [n + 1 for n in painted]
    clock.timer.start()
    meters[1].hide()
    assert meters[0].polling and not meters[1].polling


async def test_a_moving_bar_repaints_the_meter_alone_in_its_own_background(qtbot):
    """It is opaque: nothing under it is painted again 20 times a second."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    class Paints(QObject):
        count = 0

        def eventFilter(self, watched, event):
            self.count += event.type() == QEvent.Type.Paint
            return False

    row, holder = QWidget(), LevelHolder()
    meter = LevelMeter(holder, "Mic")
    QVBoxLayout(row).addWidget(meter)
    qtbot.addWidget(row)
    row.resize(320, 40)
    row.show()
    await until(lambda: meter.frames_painted > 0, message="first paint")
    under = Paints()
    row.installEventFilter(under)
    painted = meter.frames_painted
    holder.stir(coming=True)
    for step in range(10):
        holder.update(-30.0 + 2 * step, -20.0 + 2 * step)
        await asyncio.sleep(1 / 20)
    await until(lambda: meter.frames_painted - painted >= 5, message="the bar moving")
    assert under.count == 0
    dark = QPalette(meter.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    meter.setPalette(dark)                                      # a switch to the dark scheme
    image = meter.grab().toImage()
    assert image.pixelColor(2, 2) == QColor("#202124")          # its own background, repainted
    assert image.pixelColor(meter.width() - 8, 13) != QColor("#202124")     # the track on it
