"""The judges of the real-device tests (tests/pulse.py, tests/recording.py), on signals made
here: a device underrun delays all the audio after it and must not fail a right recording,
while a wrong rate must fail it."""

from __future__ import annotations

import numpy as np
import soxr

from assistant.sim import voice
from tests.pulse import windowed_correlation
from tests.recording import LOUD, RATE, loud, played_ms_of

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


def test_the_part_played_is_placed_by_its_end_past_a_gap():
    reply48 = soxr.resample(SPEECH, 24_000, RATE).astype(np.int16)
    cut = int(1.5 * RATE)
    speaker = np.concatenate([np.zeros(RATE // 2, np.int16),
                              with_gap(reply48[:cut], RATE, int(0.15 * RATE)),
                              np.zeros(RATE, np.int16)])
    flags = loud(speaker)
    start = int(np.nonzero(flags)[0][0])
    played = played_ms_of(speaker, SPEECH, start, flags.size)
    last_loud = np.nonzero(np.abs(reply48[:cut].astype(np.int32)) > LOUD)[0][-1]
    assert abs(played - (last_loud + 1) * 1000 / RATE) <= 5, played


def test_an_underrun_in_the_last_half_second_is_not_counted_as_played():
    reply48 = soxr.resample(SPEECH, 24_000, RATE).astype(np.int16)
    cut = int(1.5 * RATE)                    # 40 ms of silence 200 ms before the cut
    speaker = np.concatenate([np.zeros(RATE // 2, np.int16),
                              with_gap(reply48[:cut], int(1.3 * RATE), int(0.04 * RATE)),
                              np.zeros(RATE, np.int16)])
    flags = loud(speaker)
    played = played_ms_of(speaker, SPEECH, int(np.nonzero(flags)[0][0]), flags.size)
    last_loud = np.nonzero(np.abs(reply48[:cut].astype(np.int32)) > LOUD)[0][-1]
    assert abs(played - (last_loud + 1) * 1000 / RATE) <= 5, played


def test_the_fade_played_after_an_underrun_counts_its_length_not_the_gap():
    reply48 = soxr.resample(SPEECH, 24_000, RATE).astype(np.int16)
    cut = int(1.5 * RATE)           # the speaker ran dry 60 ms at the cut, then the 8 ms fade
    ramp = np.linspace(1, 0, 384)
    fade = (reply48[cut:cut + 384] * ramp).astype(np.int16)
    loud_at = np.nonzero(np.abs(reply48[cut:].astype(np.int32)) > 3 * LOUD)[0][0] + cut
    fade = (reply48[loud_at:loud_at + 384] * ramp).astype(np.int16)      # a loud 8 ms
    speaker = np.concatenate([np.zeros(RATE // 2, np.int16), reply48[:loud_at],
                              np.zeros(int(0.06 * RATE), np.int16), fade,
                              np.zeros(RATE, np.int16)])
    flags = loud(speaker)
    played = played_ms_of(speaker, SPEECH, int(np.nonzero(flags)[0][0]), flags.size)
    fade_loud = np.nonzero(np.abs(fade.astype(np.int32)) > LOUD)[0][-1] + 1
    assert abs(played - (loud_at + fade_loud) * 1000 / RATE) <= 5, played


def test_a_word_after_a_pause_in_the_reply_counts_the_pause():
    reply48 = soxr.resample(SPEECH, 24_000, RATE).astype(np.int16)
    flags = np.abs(reply48.astype(np.int32)) > LOUD
    quiet = np.convolve(~flags, np.ones(RATE // 25), "valid") == RATE // 25   # 40 ms quiet
    pause_end = int(np.nonzero(quiet[RATE:])[0][0]) + RATE + RATE // 25       # after 1 s in
    word = int(np.nonzero(flags[pause_end:])[0][0]) + pause_end
    cut = word + RATE // 100                  # 10 ms into the word after that pause
    speaker = np.concatenate([np.zeros(RATE // 2, np.int16), reply48[:cut],
                              np.zeros(RATE, np.int16)])
    played = played_ms_of(speaker, SPEECH, int(np.nonzero(loud(speaker))[0][0]),
                          loud(speaker).size)
    last_loud = np.nonzero(flags[:cut])[0][-1] + 1
    assert abs(played - last_loud * 1000 / RATE) <= 5, played
