"""PlaybackBuffer: prebuffer, played accounting, clear with fade, underruns, pause."""

from __future__ import annotations

import numpy as np

from assistant.audio.levels import FLOOR_DB
from assistant.audio.playback_buffer import PlaybackBuffer

RATE = 48_000
MS = RATE // 1000


def pcm24(ms: int, value: int = 8000) -> bytes:
    return np.full(24 * ms, value, dtype=np.int16).tobytes()


def test_prebuffer_holds_silence_until_enough_audio():
    buf = PlaybackBuffer(RATE)
    buf.write("a", pcm24(20))
    assert not buf.read(10 * MS).any()               # 20 ms < 40 ms prebuffer: silence
    buf.write("a", pcm24(40))
    assert buf.read(10 * MS).any()
    assert buf.stats.underruns == 0


def test_played_ms_counts_samples_handed_to_the_device():
    buf = PlaybackBuffer(RATE)
    buf.write("a", pcm24(200))
    for _ in range(6):
        buf.read(10 * MS)
    assert buf.played_ms("a") == 60
    buf.write("b", pcm24(100))
    for _ in range(30):
        buf.read(10 * MS)
    assert buf.played_ms("a") >= 195 and buf.played_ms("b") >= 95


def test_clear_fades_out_and_is_silent_within_one_device_buffer():
    buf = PlaybackBuffer(RATE, fade_ms=8)
    buf.write("a", pcm24(500))
    for _ in range(10):
        buf.read(10 * MS)
    item, heard = buf.clear()
    assert item == "a" and heard == 108               # what the device got plays out in full,
                                                      # then the fade plays the next 8 ms
    block = buf.read(20 * MS).astype(np.int32)
    fade = block[: 8 * MS]
    assert fade[0] > 7000 and abs(fade[-1]) < 100 and np.all(np.diff(fade) <= 1)
    assert not block[8 * MS:].any()
    assert not buf.read(20 * MS).any() and not buf.active


def test_nothing_heard_means_nothing_to_truncate():
    buf = PlaybackBuffer(RATE)
    buf.write("a", pcm24(60))                           # queued, nothing read yet
    assert buf.clear() == ("a", 0)
    assert PlaybackBuffer(RATE).clear() == (None, 0)


def test_underruns_are_counted_and_grow_the_prebuffer_but_a_finished_reply_is_not_one():
    buf = PlaybackBuffer(RATE)
    buf.write("a", pcm24(60))
    for _ in range(8):
        buf.read(10 * MS)
    assert buf.stats.underruns == 1 and buf.prebuffer_ms == 80
    buf.write("a", pcm24(100))
    buf.finish("a")
    for _ in range(20):
        buf.read(10 * MS)
    assert buf.stats.underruns == 1 and not buf.active


def test_resampled_tail_is_flushed_on_finish():
    buf = PlaybackBuffer(44_100)
    buf.write("a", pcm24(100))
    buf.finish("a")
    total = sum(int(np.count_nonzero(buf.read(441))) for _ in range(20))
    assert abs(total - 4410) < 60                     # ~100 ms at 44.1 kHz, tail included


def test_pause_is_quiet_and_resume_loses_nothing():
    buf = PlaybackBuffer(RATE)
    buf.write("a", pcm24(300))
    buf.read(10 * MS)
    buf.pause()
    buf.read(10 * MS)                                 # the fade
    assert not buf.read(10 * MS).any()
    before = buf.played_ms("a")
    buf.resume()
    assert buf.read(10 * MS).any() and buf.played_ms("a") == before + 10


def test_output_level_follows_what_is_played():
    buf = PlaybackBuffer(RATE)
    buf.write("a", pcm24(100, value=16384))
    buf.read(10 * MS)
    assert -7 < buf.level.value[0] < -5               # constant half scale: -6 dBFS


def test_audio_queued_to_play_stirs_a_resting_meter_before_it_is_measured():
    buf = PlaybackBuffer(RATE)
    stirs: list[float] = []
    buf.level.on_stir = lambda: stirs.append(buf.level.value[0])
    buf.write("a", pcm24(100))
    assert stirs == [FLOOR_DB]                          # queued, not yet played


def test_a_pause_then_a_clear_fades_once_and_counts_the_fade_once():
    buf = PlaybackBuffer(RATE, fade_ms=8)
    buf.write("a", pcm24(500))
    for _ in range(10):
        buf.read(10 * MS)
    buf.pause()                                         # the local guess at a barge-in
    faded = buf.read(20 * MS)
    assert faded[: 8 * MS].any() and not faded[8 * MS:].any()
    assert buf.clear() == ("a", 108)                    # the server confirms
    assert not buf.read(20 * MS).any()                  # no second fade of the same audio


def test_a_stream_that_ran_dry_and_is_then_finished_goes_idle():
    """Live translation has no "done" event: its stream is finished after a pause, when the
    buffer may already have run dry; it must not stay "active" (the speaker counts as busy).
    At the wire rate there is no resampler tail to play, so nothing else ends the wait."""
    buf = PlaybackBuffer(24_000)
    buf.write("t", pcm24(100))
    for _ in range(30):
        buf.read(240)                                # played out, then dry: an underrun
    assert buf.active
    buf.finish("t")
    assert not buf.active


def test_audio_far_ahead_of_the_speaker_is_dropped_at_the_bound():
    buf = PlaybackBuffer(RATE, max_ahead_s=2.0)
    for _ in range(100):                              # 10 s sent at once, as a flood would
        buf.write("a", pcm24(100))
    assert buf._queued <= 2 * RATE and 7_900 <= buf.stats.dropped_ms <= 8_000
    for _ in range(150):                              # 1.5 s played: room for 1.5 s more
        buf.read(10 * MS)
    buf.write("a", pcm24(1000))
    assert 7_900 <= buf.stats.dropped_ms <= 8_000     # it fitted: nothing more dropped
    item, heard = buf.clear()
    assert item == "a" and 1_500 <= heard <= 1_520    # what played, not what was sent
