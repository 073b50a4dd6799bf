"""The benches' loop lag is read from the mic's hand-offs, with no wake-up of its own."""

from __future__ import annotations

import json

from assistant.app.runtime.loop_monitor import loop_lag, write_stats


def test_the_lag_is_how_late_the_loop_took_the_mics_frames(tmp_path):
    handed = [0.001] * 98 + [0.004, 0.020]                 # seconds, read -> on the loop
    lag = loop_lag(handed)
    assert lag["loop_lag_ms_p50"] == 1.0
    assert 4.0 < lag["loop_lag_ms_p99"] < 20.0
    assert lag["loop_lag_ms_max"] == 20.0 and lag["loop_samples"] == 100
    assert loop_lag([]) == {}                              # never connected: nothing to say
    write_stats(tmp_path / "stats.json", handed, echo_rests=2)
    written = json.loads((tmp_path / "stats.json").read_text())
    assert written["echo_rests"] == 2 and written["loop_lag_ms_max"] == 20.0
    assert (tmp_path / "stats.json").stat().st_mode & 0o077 == 0     # private, as every file
