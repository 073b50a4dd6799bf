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
    await until(lambda: meter.rms_fraction > 0.4, message="-12 dBFS sits past the middle")
    painted = meter.frames_painted
    for step in range(15):                                # a changing level: ~30 fps
        holder.update(-30.0 + step, -20.0 + step)
        await asyncio.sleep(1 / 30)
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
        meter._poll()
    assert meter.frames_painted == painted and meter.ballistics.rms_db == ballistics


async def test_a_meter_at_rest_polls_slowly_and_a_sound_brings_back_30_hz(qtbot):
    from assistant.ui.level_meter import RESTING_POLL_MS

    holder = LevelHolder()
    meter = LevelMeter(holder, "Speaker")
    qtbot.addWidget(meter)
    meter.show()
    await until(lambda: meter._timer.interval() == RESTING_POLL_MS, message="resting polls")
    holder.update(-12.0, -6.0)
    await until(lambda: meter.rms_fraction > 0.4, message="the sound shown")
    assert meter._timer.interval() == 1000 // 30
    holder.reset()
    await until(lambda: meter._timer.interval() == RESTING_POLL_MS, 10,
                message="back at rest once the bar has fallen")
