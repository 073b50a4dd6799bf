"""The judges of the real-device tests (tests/pulse.py, tests/recording.py), on signals made
here: a device underrun delays all the audio after it and must not fail a right recording,
while a wrong rate must fail it."""

from __future__ import annotations

import numpy as np
import pytest
import soxr

from assistant.sim import voice
from tests.pulse import windowed_correlation
from tests.recording import LOUD, RATE, loud, played_ms_of, truncate_error_ms

SPEECH = np.frombuffer(voice.synthesize("the ships sail on the sea under the stars at night"),
                       np.int16)


def with_gap(samples: np.ndarray, at: int, gap: int) -> np.ndarray:
    return np.concatenate([samples[:at], np.zeros(gap, np.int16), samples[at:]])


def test_gaps_delay_what_follows_and_the_windows_follow_them():
    third = SPEECH.size // 3               # two underruns, each 90 ms: three thirds, 0, 90
    heard = with_gap(with_gap(SPEECH, 2 * third, 2_160), third, 2_160)   # and 180 ms late
    assert windowed_correlation(SPEECH, heard) > 0.95


def test_a_stall_of_the_machine_delays_the_rest_and_is_followed():
    third = SPEECH.size // 3                # 600 ms stopped: the last two thirds play 600 ms late
    assert windowed_correlation(SPEECH, with_gap(SPEECH, third, 14_400)) > 0.95


def test_a_few_lost_milliseconds_are_followed_too():
    half = SPEECH.size // 2                 # 60 ms a recorder never got: the rest comes early
    heard = np.concatenate([SPEECH[:half], SPEECH[half + 1_440:]])
    assert windowed_correlation(SPEECH, heard) > 0.95


def test_other_speech_fails_the_windows():
    other = np.frombuffer(voice.synthesize("a cold wind blew from the hills all winter long"),
                          np.int16)
    assert windowed_correlation(SPEECH, other) < 0.5


def test_a_wrong_rate_fails_the_windows():
    too_slow = soxr.resample(SPEECH, 22_050, 24_000).astype(np.int16)    # 8 % stretched
    assert windowed_correlation(SPEECH, too_slow) < 0.5


REPLY48 = soxr.resample(SPEECH, 24_000, RATE).astype(np.int16)   # as the speaker plays it


def on_speaker(*pieces: np.ndarray) -> np.ndarray:
    """What the speaker's monitor records: half a second of quiet, `pieces`, then 1 s of quiet."""
    return np.concatenate([np.zeros(RATE // 2, np.int16), *pieces, np.zeros(RATE, np.int16)])


def judged(speaker: np.ndarray) -> float:
    flags = loud(speaker)
    return played_ms_of(speaker, SPEECH, int(np.nonzero(flags)[0][0]), flags.size)


def last_loud_ms(samples: np.ndarray) -> float:
    return (np.nonzero(np.abs(samples.astype(np.int32)) > LOUD)[0][-1] + 1) * 1000 / RATE


def test_the_part_played_is_placed_by_its_end_past_a_gap():
    cut = int(1.5 * RATE)
    played = judged(on_speaker(with_gap(REPLY48[:cut], RATE, int(0.15 * RATE))))
    assert abs(played - last_loud_ms(REPLY48[:cut])) <= 5, played


def test_an_underrun_in_the_last_half_second_is_not_counted_as_played():
    cut = int(1.5 * RATE)                    # 40 ms of silence 200 ms before the cut
    played = judged(on_speaker(with_gap(REPLY48[:cut], int(1.3 * RATE), int(0.04 * RATE))))
    assert abs(played - last_loud_ms(REPLY48[:cut])) <= 5, played


def test_the_fade_played_after_an_underrun_counts_its_length_not_the_gap():
    cut = int(1.5 * RATE)           # the speaker ran dry 60 ms at the cut, then the 8 ms fade
    loud_at = np.nonzero(np.abs(REPLY48[cut:].astype(np.int32)) > 3 * LOUD)[0][0] + cut
    fade = (REPLY48[loud_at:loud_at + 384] * np.linspace(1, 0, 384)).astype(np.int16)  # loud
    played = judged(on_speaker(REPLY48[:loud_at], np.zeros(int(0.06 * RATE), np.int16), fade))
    assert abs(played - (loud_at * 1000 / RATE + last_loud_ms(fade))) <= 5, played


def a_pause_in_the_reply() -> tuple[int, int]:
    """(start, end), 48 kHz samples into the reply, of its first pause of 40 ms or more after
    1 s: where its last sound before it ends, and where the next word begins."""
    flags = np.abs(REPLY48.astype(np.int32)) > LOUD
    quiet = np.convolve(~flags, np.ones(RATE // 25), "valid") == RATE // 25
    start = int(np.nonzero(quiet[RATE:])[0][0]) + RATE
    end = int(np.nonzero(flags[start:])[0][0]) + start
    return start, end


def test_a_word_after_a_pause_in_the_reply_counts_the_pause():
    _, word = a_pause_in_the_reply()
    cut = word + RATE // 100                  # 10 ms into the word after that pause
    played = judged(on_speaker(REPLY48[:cut]))
    assert abs(played - last_loud_ms(REPLY48[:cut])) <= 5, played


def pause_ms() -> tuple[float, float]:
    start, end = a_pause_in_the_reply()
    return start * 1000 / RATE, end * 1000 / RATE


def test_a_cut_inside_a_pause_of_the_reply_matches_whatever_of_the_pause_played():
    start, end = pause_ms()                        # the speaker's last sound is the pause's start
    assert end - start >= 40
    assert truncate_error_ms(start + 30, start, SPEECH) == 0.0
    assert truncate_error_ms(end, start, SPEECH) == 0.0


def test_a_cut_past_the_pause_or_before_the_sound_is_off_by_as_much():
    start, end = pause_ms()
    assert truncate_error_ms(end + 25, start, SPEECH) == pytest.approx(25, abs=1)
    assert truncate_error_ms(start - 25, start, SPEECH) == -25
    in_word = end + 20                             # the word after the pause is sounding
    assert truncate_error_ms(in_word + 20, in_word, SPEECH) == pytest.approx(20, abs=3)
