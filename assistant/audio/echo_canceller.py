"""Acoustic echo cancellation in the capture path: WebRTC's AEC3, through pywebrtc-audio
(Apache-2.0, a 1 MB extension with wheels for Linux, macOS and Windows; a C++ canceller no
Python code could match, and each block is one call that releases the GIL).

The far-end reference is exactly what the playback thread hands to the speaker, block by block,
silence included, brought to the mic's rate. It reaches the capture thread through the
`SpeakerReference` (the hand-off between the two audio threads), which pairs each 10 ms mic frame
with the speaker frame handed over in the same period at an offset that holds (see there), and
AEC3 estimates the delay (device buffers, the room) itself. The mic is cleaned at the device
rate, before it is resampled for the wire. High-pass on, gain control off, noise suppression
as the user chooses.

What it cannot do (measured, bench/echo_bench.py): AEC3's linear filter spans about 50 ms
after the delay it locks onto; a second reflection 80 ms behind the first is left to its
suppressor (13-15 dB removed, against 55-70 dB for one path), which silences most frames and
lets bursts through. So the cleaned mic is sent only while the canceller holds the room (its
echo rarely leaks); otherwise, while the speaker can echo, the plain mic goes out and the echo
guard judges it as it would without a canceller; where it is as loud as the user, the
double-talk detector (double_talk.py), fed the same frames, hears them (`user_heard_at`).
Where the room gives no echo back, both rest until one comes (echo_rest.py).
"""

from __future__ import annotations

import logging
import math
import time
from collections import deque
from typing import Protocol

import numpy as np
import soxr

from assistant.audio.double_talk import DoubleTalk
from assistant.audio.echo_report import EchoReport
from assistant.audio.echo_rest import EchoRest
from assistant.audio.framer import Framer
from assistant.audio.levels import mean_squares
from assistant.audio.percentile import percentiles
from assistant.audio.speaker_reference import SpeakerReference

log = logging.getLogger(__name__)

ACTIVE_PEAK = 100              # a speaker frame peaking over -50 dBFS is something to echo
ECHO_TAIL_FRAMES = 20          # the room rings on this long (200 ms) after the speaker stops
ERLE_FRAMES = 300              # the echo removed is judged over the last 3 s of possible echo
JUDGED_AFTER = 100             # ... once there is 1 s of it, every 100 ms
LEAK_DB = 20.0                 # a frame with less echo removed than this is a leak
HOLD, LET_GO = 0.02, 0.05      # it holds the room while under 2 % of frames leak (until 5 %)
HEADPHONE_WORDS = ("headphone", "headset", "earphone", "earbud", "earpiece", "airpods", "buds",
                   "hands-free", "handsfree")


class Processor(Protocol):
    """Whole 10 ms frames of mono int16 at one rate: the mic (`near`) and what the speaker was
    handed over the same time (`far`), of equal length; returns the mic cleaned."""

    def process(self, near: np.ndarray, far: np.ndarray) -> np.ndarray: ...


class WebrtcProcessor:
    """AEC3 (with noise suppression if asked) at the mic's rate, from pywebrtc-audio."""

    def __init__(self, noise_suppression: bool, rate: int) -> None:
        from pywebrtc_audio import AudioProcessor  # loaded only when a canceller is wanted

        self._apm = AudioProcessor(sample_rate=rate, echo_cancellation=True,
                                   noise_suppression=noise_suppression, high_pass_filter=True,
                                   auto_gain_control=False)

    def process(self, near: np.ndarray, far: np.ndarray) -> np.ndarray:
        return np.asarray(self._apm.process(near, far), dtype=np.int16)


class EchoCanceller:
    def __init__(self, processor: Processor, capture_rate: int, render_rate: int,
                 report: EchoReport | None = None, always: bool = False) -> None:
        """`always`: process every frame (noise suppression works on the user's own turns);
        otherwise AEC3 runs only while the speaker can echo, most of a conversation's time
        being the user's turns and pauses (measured: 1 % of a core while it runs)."""
        self._processor = processor
        self._always = always
        self.capture_rate, self.render_rate = capture_rate, render_rate
        self._mic = Framer(capture_rate // 100)
        self._speaker = Framer(capture_rate // 100)            # the reference, at the mic's rate
        self._resampler = (None if render_rate == capture_rate else
                           soxr.ResampleStream(render_rate, capture_rate, 1, dtype="int16"))
        self._reference = SpeakerReference(self._speaker.frame_samples)
        self.report = report or EchoReport()
        self.failed = False
        self._echo_frames = 0        # frames left in which the mic can still hold echo
        self._erle: deque[float] = deque(maxlen=ERLE_FRAMES)
        self._since_judged = 0
        self._double_talk: DoubleTalk | None = DoubleTalk(capture_rate)
        self._rest = EchoRest()

    def render(self, samples: np.ndarray) -> None:
        """Playback thread: the block just handed to the speaker."""
        if self._resampler is not None:
            samples = self._resampler.resample_chunk(samples)
        for frame in self._speaker.push(samples):
            self._reference.append(frame)

    def render_silence(self, samples: int) -> None:
        """Playback thread: a block of silence, as `render` of zeros would give it, without
        cutting it into frames: for a second after each reply, until it rests, the speaker
        is fed silence 50 times a second, and this is most of what its thread does then."""
        frame = self._speaker.frame_samples
        if self._resampler is not None or self._speaker.pending or samples % frame:
            self.render(np.zeros(samples, dtype=np.int16))
            return
        self._reference.append_silence(samples // frame)

    def cancel(self, samples: np.ndarray) -> np.ndarray:
        """Capture thread: mono device-rate mic samples in, the same with the echo taken out
        (whole 10 ms frames; a remainder waits for the next block), in one call to AEC3. While
        the speaker can echo and the canceller does not hold the room (not yet, or a late,
        strong reflection is beyond it), the mic goes out as it came in: the guard behind it
        then judges the plain echo, which it does well, not a bursty residue."""
        frames = self._mic.push(samples)
        if self.failed:
            return frames.reshape(-1)
        far = self._reference.paired(len(frames))
        if self._reference.silent and not (self._echo_frames or self._always):
            return self._nothing_to_cancel(frames)
        loud = (far.max(axis=1) > ACTIVE_PEAK) | (far.min(axis=1) < -ACTIVE_PEAK)
        echoing = self._echoing(loud)
        if self._resting(frames[loud], far[loud]):
            return frames.reshape(-1)
        self._align_double_talk()
        if echoing.any():
            self._hear_double_talk(frames, far)
        else:
            self._rest_double_talk()
        if not (self._always or echoing.any()):
            return frames.reshape(-1)
        try:
            cleaned = self._processor.process(frames.reshape(-1), far.reshape(-1))
        except Exception as exc:          # never the end of the microphone
            self._fail(exc)
            return frames.reshape(-1)
        cleaned = cleaned.reshape(frames.shape)
        self._measure(frames, cleaned, echoing)
        # An echoing frame goes out cleaned while the canceller holds the room; any other
        # frame of the block as it came in, unless noise suppression asks for every frame.
        use_cleaned = echoing if self.report.holding else np.zeros_like(echoing)
        if self._always:
            use_cleaned = use_cleaned | ~echoing
        return np.where(use_cleaned[:, None], cleaned, frames).reshape(-1)

    def _nothing_to_cancel(self, frames: np.ndarray) -> np.ndarray:
        """The speaker was fed silence (or nothing) and the room's ring is over: what the
        whole path below would do with such a block (no echo, no judging), without its ~15
        numpy calls. A third of a conversation's blocks are such (the user's turns, the pauses),
        and the capture thread meets each cold: timed in the app, 78-120 us a block the long
        way, 18-34 this one (offline, warm, the long way takes ~20)."""
        if not self._rest.resting:
            self._align_double_talk()
            self._rest_double_talk()
        return frames.reshape(-1)

    def _align_double_talk(self) -> None:
        """Hand the pairing's news to the double-talk detector before the block is judged."""
        if self._double_talk is None:
            return
        reference = self._reference
        try:
            self._double_talk.align(reference.shift, reference.inserted, reference.late)
        except Exception as exc:
            self._stop_double_talk(exc)

    def _rest_double_talk(self) -> None:
        """Nothing the speaker played can echo in this block: the detector rests (if it has
        not failed, handing it the pairing's news just now included)."""
        if self._double_talk is not None:
            self._double_talk.rest()

    def _hear_double_talk(self, frames: np.ndarray, far: np.ndarray) -> None:
        """Tell the talk-over stage when the user is heard over the echo."""
        try:
            if self._double_talk is None:
                return
            heard = self._double_talk.judge(frames, far).any()
            if self._double_talk.moved:          # what it took for the user was echo
                self.report.user_heard_at = -math.inf
            elif heard:
                self.report.user_heard_at = time.monotonic()
        except Exception as exc:
            self._stop_double_talk(exc)

    def _stop_double_talk(self, exc: Exception) -> None:
        """A detector that failed is dropped: never the end of the microphone, nor of AEC3."""
        self._double_talk = None
        log.error("double-talk detection stopped: %s", exc)

    def _resting(self, mic: np.ndarray, far: np.ndarray) -> bool:
        """Does it rest (no echo comes back)? Not for noise suppression, nor holding the room."""
        if self._always or not self._rest.note(mic, far, may_rest=not self.report.holding):
            return self._rest.resting
        self.report.resting, self.report.erle_db = self._rest.resting, None
        self.report.rests += self._rest.resting
        if not self._rest.resting:
            self.report.woke_at = time.monotonic()
        self._erle.clear()
        if self._double_talk is not None:
            self._double_talk = DoubleTalk(self.capture_rate)    # it learns the room again
        log.info("echo cancellation %s", "rests: no echo comes back in this room"
                 if self._rest.resting else "starts again: the mic hears the speaker")
        return self._rest.resting

    def _echoing(self, loud: np.ndarray) -> np.ndarray:
        """Per mic frame: can it hold echo? Yes while the speaker played over -50 dBFS within
        the room's ring (200 ms), counted down one mic frame at a time."""
        echoing = np.zeros(len(loud), dtype=bool)
        for i, active in enumerate(loud.tolist()):
            if active:
                self._echo_frames = ECHO_TAIL_FRAMES
            if self._echo_frames > 0:
                echoing[i] = True
                self._echo_frames -= 1
        return echoing

    def _measure(self, mic: np.ndarray, cleaned: np.ndarray, echoing: np.ndarray) -> None:
        """ERLE per frame while the speaker can be echoing and the user is not known to talk.
        It holds the room when its echo rarely leaks: AEC3's suppressor silences most frames
        even where its filter cannot follow the room, so a median alone would say it holds
        while bursts of echo get through (measured: 70 dB median, 9 self-interruptions)."""
        if self.report.user_talking or not echoing.any():
            return
        p_in, p_out = mean_squares(mic[echoing]), mean_squares(cleaned[echoing])
        heard = p_in >= 1.0                    # a silent mic says nothing about the echo
        ratios = p_in[heard] / np.maximum(p_out[heard], 1e-3)
        self._erle.extend(np.clip(10 * np.log10(ratios), 0.0, 90.0).tolist())
        self._since_judged += int(heard.sum())
        if len(self._erle) >= JUDGED_AFTER and self._since_judged >= 10:
            self._since_judged = 0
            [self.report.erle_db] = percentiles(self._erle, 50)
            leaks = sum(1 for erle in self._erle if erle < LEAK_DB) / len(self._erle)
            holding = leaks < (LET_GO if self.report.holding else HOLD)
            if holding != self.report.holding:      # a few times a conversation: worth a line
                log.info("echo cancellation %s the room: %.0f dB removed, %.1f %% of frames leak",
                         "holds" if holding else "no longer holds", self.report.erle_db,
                         100 * leaks)
            self.report.holding = holding

    def _fail(self, exc: Exception) -> None:
        self.failed = True
        self.report.state, self.report.detail = "stopped", str(exc)
        self.report.erle_db, self.report.holding = None, False
        log.error("echo cancellation stopped: %s", exc)


def looks_like_headphones(device_name: str) -> bool:
    name = device_name.lower()
    return any(word in name for word in HEADPHONE_WORDS)


def open_canceller(mode: str, noise_suppression: bool, speaker: str, capture_rate: int,
                   render_rate: int, report: EchoReport) -> EchoCanceller | None:
    """A canceller, if the setting and the speaker call for one and AEC3 loads; the report
    says which (and why not)."""
    report.clear_measures()
    if mode == "off":
        report.state = "off_setting"
        return None
    if mode == "auto" and looks_like_headphones(speaker):
        report.state, report.detail = "headphones", speaker
        return None
    try:
        processor = WebrtcProcessor(noise_suppression, capture_rate)
    except Exception as exc:          # ImportError, a library that fails to load, an FFI error
        report.state, report.detail = "unavailable", str(exc)
        log.warning("echo cancellation unavailable: %s", exc)
        return None
    report.state = "on_ns" if noise_suppression else "on"
    return EchoCanceller(processor, capture_rate, render_rate, report, always=noise_suppression)
