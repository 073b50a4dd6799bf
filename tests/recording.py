"""Reading a stereo recording of a conversation (left: into the mic, right: out of the speaker,
48 kHz, see PrivatePulse.record_both): where speech sits, where the speaker went quiet, and how
much of a reply it really played. Shared by the real-device tests and the conversation bench."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import numpy as np
import soxr

from tests.pulse import best_correlation, best_placement, read_wav

RATE = 48_000
LOUD = 300            # |sample| above this is sound (espeak speech peaks near 10 000)


def loud(samples: np.ndarray, window: int = RATE // 100) -> np.ndarray:
    """Per 10 ms window: is there sound?"""
    n = samples.size // window
    peaks = np.abs(samples[: n * window].reshape(n, window).astype(np.int32)).max(axis=1)
    return peaks > LOUD


def first(flags: np.ndarray, start: int = 0) -> int | None:
    hits = np.nonzero(flags[start:])[0]
    return int(hits[0]) + start if hits.size else None


def silence_from(flags: np.ndarray, start: int, quiet_windows: int) -> int | None:
    """The first window at or after `start` that begins `quiet_windows` of silence."""
    run = 0
    for index in range(start, flags.size):
        run = 0 if flags[index] else run + 1
        if run == quiet_windows:
            return index - quiet_windows + 1
    return None


def locate(wav: Path, channel: np.ndarray, after: int = 0) -> tuple[int, int]:
    """(first loud window, loud length in windows) of a recording's speech within `channel`."""
    speech = read_wav(wav, RATE)
    flags = loud(speech)
    start, end = first(flags) or 0, len(flags) - (first(flags[::-1]) or 0)
    _, lag = best_correlation(speech, channel[after * 480:])
    return after + (lag // 480) + start, end - start


def audio_of(deltas: list[dict[str, Any]]) -> np.ndarray:
    """The 24 kHz audio a run of response.output_audio.delta events carried."""
    return np.frombuffer(b"".join(base64.b64decode(e["delta"]) for e in deltas), np.int16)


def played_ms_of(speaker: np.ndarray, sent: np.ndarray, reply_start: int,
                 silent: int) -> float:
    """How much of the cut reply (`sent`, 24 kHz) the speaker played: where the last half
    second of sound before `silent` sits in the reply (by correlation), to its last loud
    sample, the last 100 ms placed again. Placed by its end, not counted from the reply's
    start: a device underrun delays all that follows it (measured: a 100 ms stall of the app,
    80 ms later for the rest of the reply), and that delay was never audio the user heard.
    A burst too short to place after a gap (the fade, played once an underrun ended) adds its
    own length, and the gap's too where the reply itself pauses there."""
    sent48 = soxr.resample(sent, 24_000, RATE).astype(np.int16)
    span = speaker[reply_start * 480: silent * 480]
    sound = np.nonzero(np.abs(span.astype(np.int32)) > LOUD)[0]
    if not sound.size:
        return 0.0
    end = int(sound[-1]) + 1
    gaps = np.nonzero(np.diff(sound) > GAP)[0]
    if not gaps.size or end - int(sound[gaps[-1] + 1]) > BURST:
        return placed_end(span, end, sent48) * 1000 / RATE
    body_end, burst_start = int(sound[gaps[-1]]) + 1, int(sound[gaps[-1] + 1])
    at = placed_end(span, body_end, sent48)
    gap = burst_start - body_end
    pause = not np.any(np.abs(sent48[at:at + gap].astype(np.int32)) > LOUD)
    return (at + (gap if pause else 0) + end - burst_start) * 1000 / RATE


def truncate_error_ms(sent_ms: float, played_ms: float, sent: np.ndarray) -> float:
    """How far a truncation (`sent_ms`) is from what the speaker played (`played_ms`, by
    `played_ms_of`). Where the reply itself is quiet right after the last sound played, the
    recording cannot tell how much of that quiet played: a cut anywhere within it is exact
    (measured: a cut 33 ms into a pause between words, its end then faded at 87 of 32 767)."""
    sent48 = soxr.resample(sent, 24_000, RATE)
    rest = np.abs(sent48[int(played_ms * RATE / 1000):].astype(np.int32)) > LOUD
    quiet_ms = (int(np.argmax(rest)) if rest.any() else rest.size) * 1000 / RATE
    if sent_ms < played_ms:
        return sent_ms - played_ms
    return max(0.0, sent_ms - (played_ms + quiet_ms))


GAP, BURST = RATE // 50, RATE // 20      # a gap is 20 ms of quiet; a burst, under 50 ms


def placed_end(span: np.ndarray, end: int, sent48: np.ndarray) -> int:
    """Where in the reply (48 kHz samples) the sound that ends at `end` in `span` ends."""
    tail = span[max(0, end - RATE // 2): end]
    _, at = best_correlation(tail, sent48)           # where the tail begins in the reply
    # An underrun inside that half second would count its gap as reply (CI: 42 ms): the last
    # 100 ms are placed again, within 150 ms of where the tail put them.
    last, slack = span[max(0, end - RATE // 10): end], RATE * 3 // 20
    guess = at + tail.size - last.size
    low = max(0, guess - slack)
    score, offset = best_placement(last.astype(np.float64),
                                   sent48[low: guess + last.size + slack].astype(np.float64))
    if score >= 0.8:
        return low + offset + last.size
    return at + tail.size
