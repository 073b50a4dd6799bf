"""The meter follows its level holder, repaints only when something visible changes."""

from __future__ import annotations

import asyncio

from assistant.audio.levels import LevelHolder
from assistant.ui.level_meter import LevelMeter


async def test_meter_moves_with_the_level_and_rests_when_idle(qtbot):
    holder = LevelHolder()
    meter = LevelMeter(holder, "Mic")
    qtbot.addWidget(meter)
    meter.resize(300, 26)
    meter.show()
    await asyncio.sleep(0.3)
    painted = meter.frames_painted
    await asyncio.sleep(0.5)
    assert meter.frames_painted - painted <= 1            # silence: no repaints
    holder.update(-12.0, -6.0)
    await asyncio.sleep(0.5)
    assert meter.rms_fraction > 0.4                       # -12 dBFS sits past the middle
    painted = meter.frames_painted
    for step in range(15):                                # a changing level: ~30 fps
        holder.update(-30.0 + step, -20.0 + step)
        await asyncio.sleep(1 / 30)
    assert meter.frames_painted - painted >= 10
    assert meter.grab().toImage().pixelColor(250, 13).alpha() > 0
