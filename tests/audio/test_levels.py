"""dBFS, the IEC meter scale, and meter ballistics."""

from __future__ import annotations

import itertools

import numpy as np

from assistant.audio.levels import FLOOR_DB, LevelHolder, MeterBallistics, dbfs, iec_scale
from tests.helpers import sine


def test_dbfs_of_known_signals():
    full = (sine(1000, 0.1, amp=1.0) * 32767).astype(np.int16)
    rms, peak = dbfs(full)
    assert abs(rms + 3.01) < 0.05 and abs(peak) < 0.01
    assert dbfs(np.zeros(480, np.int16)) == (FLOOR_DB, FLOOR_DB)


def test_iec_scale_is_monotonic_and_bounded():
    values = [iec_scale(db) for db in range(-90, 6)]
    assert values[0] == 0.0 and values[-1] == 1.0
    assert all(b >= a for a, b in itertools.pairwise(values))
    assert iec_scale(-20) == 0.5


def test_peak_holds_then_falls_and_rms_is_smoothed():
    meter = MeterBallistics()
    meter.step(0.033, -10.0, -3.0)
    assert meter.peak_db == -3.0 and meter.rms_db < -10.0     # a jump is smoothed in
    for _ in range(30):                                       # 1 s of silence: peak holds
        meter.step(0.033, FLOOR_DB, FLOOR_DB)
    assert meter.peak_db == -3.0
    for _ in range(30):                                       # then it falls at 20 dB/s
        meter.step(0.033, FLOOR_DB, FLOOR_DB)
    assert -16.0 < meter.peak_db < -6.0
    assert -50.0 < meter.rms_db < -45.0    # -19.8 dB after the first step, 4.3 dB per 300 ms


def test_the_loudest_since_the_last_look_is_never_lost_between_two_looks():
    holder = LevelHolder()
    assert holder.take_loudest() == FLOOR_DB             # nothing written yet
    holder.update(-40.0, -30.0)
    holder.update(-12.0, -3.0)                           # written over before anyone looked
    holder.update(-35.0, -25.0)
    assert holder.value == (-35.0, -25.0)                # the meter still reads the newest
    assert holder.take_loudest() == -12.0
    assert holder.take_loudest() == -35.0                # nothing new since: the newest
    holder.reset()
    assert holder.take_loudest() == FLOOR_DB


def test_a_stir_wakes_only_for_a_sound_and_a_painter_gone_with_qt_never_breaks_the_audio():
    holder, woken = LevelHolder(), []
    holder.on_stir = lambda: woken.append(holder.value)
    holder.stir()                                       # silence handed over: nothing to show
    holder.update(-40.0, -30.0)
    holder.stir()
    holder.reset()
    holder.stir(coming=True)                            # queued to play, not yet measured
    assert woken == [(-40.0, -30.0), (FLOOR_DB, FLOOR_DB)]

    def deleted() -> None:
        raise RuntimeError("Internal C++ object (MeterClock) already deleted.")

    holder.on_stir = deleted
    holder.stir(coming=True)                            # must not raise into a buffer's write
    assert holder.on_stir is None
