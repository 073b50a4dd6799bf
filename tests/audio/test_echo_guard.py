"""The learned echo guard on its own: levels in, a decision per mic frame out."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.audio.echo_guard import RELEARN_FRAMES, EchoGuard
from assistant.config import FRAME_SAMPLES


def frame(value: int) -> np.ndarray:
    return np.full(FRAME_SAMPLES, value, np.int16)


def test_silence_for_echo_and_the_frame_for_louder_speech():
    guard = EchoGuard()
    guard.note_playback_level(0.0, -12.0)
    assert not guard.filter(frame(4000)).any() and guard.frames_gated == 1   # -18 dBFS
    voice = frame(24000)                                                      # -2.7 dBFS
    assert guard.filter(voice) is voice


def test_it_learns_the_coupling():
    guard = EchoGuard()
    guard.note_playback_level(0.0, -12.0)
    quiet_user = frame(1000)                                   # -30 dBFS
    assert not guard.filter(quiet_user).any()                  # unlearned: assume loud echo
    for _ in range(50):                                        # headphones: mic hears nothing
        guard.filter(frame(3))
    assert guard.coupling_db() < -60
    assert guard.filter(quiet_user) is quiet_user              # normal speech now passes
    for _ in range(100):                                       # laptop speakers: echo at -14
        guard.filter(frame(6400))
    assert -3 < guard.coupling_db() < -1
    assert not guard.filter(frame(8000)).any()                 # echo-level: gated
    loud = frame(20000)                                        # 10 dB over the echo
    assert guard.filter(loud) is loud


def test_the_reference_is_the_loudest_recent_playback_only():
    guard = EchoGuard()
    guard.note_playback_level(0.0, -3.0)                       # loud, but 0.5 s ago
    guard.note_playback_level(0.5, -40.0)
    speech = frame(3000)                                       # -21 dBFS
    assert guard.filter(speech) is speech                      # judged against -40, not -3


@pytest.mark.parametrize("n", [10, 57, 100])
@pytest.mark.parametrize("q", [1, 50, 80, 95, 99])
def test_the_learned_coupling_is_numpys_percentile_of_the_recent_levels(n, q):
    guard = EchoGuard(quantile=q)
    values = np.random.default_rng(n * 101 + q).uniform(-90, 10, n)
    for value in values:
        guard._learn(float(value))
    learned_from = values[:n - (n - 10) % RELEARN_FRAMES]     # the last relearn's window
    assert guard.coupling_db() == pytest.approx(float(np.percentile(learned_from, q)), abs=1e-9)
