"""Acoustic echo cancellation in the capture path: WebRTC's AEC3, through livekit's
AudioProcessingModule (Apache-2.0, wheels for Linux, macOS and Windows; a C++ canceller no
Python code could match).

The far-end reference is exactly what the playback thread hands to the speaker, block by block,
silence included. It reaches the capture thread through one bounded deque (the hand-off between
the two audio threads); the capture thread feeds it to AEC3 interleaved with the 10 ms mic
frames, in the order they happened, so all APM calls come from one thread and AEC3 estimates
the delay (device buffers, the room) itself. The mic is cleaned at the device rate, before it is
resampled for the wire. High-pass on, gain control off, noise suppression as the user chooses.

What it cannot do (measured, bench/echo_bench.py): AEC3's linear filter spans about 50 ms
after the delay it locks onto, and livekit does not expose its length; a second reflection
80 ms behind the first is left to its suppressor (13-15 dB removed, against 55-70 dB for one
path), which silences most frames and lets bursts through. So the cleaned mic is sent only
while the canceller holds the room (its echo rarely leaks); otherwise, while the speaker can
echo, the plain mic goes out and the echo guard judges it as it would without a canceller.
"""

from __future__ import annotations

import logging
import statistics
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from assistant.audio.framer import Framer
from assistant.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)

REFERENCE_FRAMES = 50          # 500 ms of speaker audio waiting for the mic thread, at most
ACTIVE_PEAK = 100              # a speaker frame peaking over -50 dBFS is something to echo
ECHO_TAIL_FRAMES = 20          # the room rings on this long (200 ms) after the speaker stops
ERLE_FRAMES = 300              # the echo removed is judged over the last 3 s of possible echo
JUDGED_AFTER = 100             # ... once there is 1 s of it, every 100 ms
LEAK_DB = 20.0                 # a frame with less echo removed than this is a leak
HOLD, LET_GO = 0.02, 0.05      # it holds the room while under 2 % of frames leak (until 5 %)
HEADPHONE_WORDS = ("headphone", "headset", "earphone", "earbud", "earpiece", "airpods", "buds",
                   "hands-free", "handsfree")


class Processor(Protocol):
    """One 10 ms mono int16 frame at a time; `capture` returns the cleaned frame."""

    def render(self, frame: np.ndarray, rate: int) -> None: ...
    def capture(self, frame: np.ndarray, rate: int) -> np.ndarray: ...


@dataclass
class EchoReport:
    """Written by the engine and the capture thread, read by the GUI (Events panel) and the
    loop (the echo guard); plain attribute swaps, atomic under the GIL."""
    state: str = "off"             # a key of STATUS
    detail: str = ""               # the headphones' name, or why it failed
    erle_db: float | None = None   # echo removed while the assistant plays (median of 3 s)
    holding: bool = False          # it leaks so rarely that the mic goes out cleaned
    user_talking: bool = False     # said by the bridge: the echo is not measured meanwhile

    @property
    def status(self) -> str:
        return self._status(str)

    def _status(self, translate: Callable[[str], str]) -> str:
        return translate(STATUS[self.state]).format(detail=self.detail)

    def text(self, translate: Callable[[str], str] = str) -> str:
        """The Events panel's line; `translate` puts each template in the window's language."""
        line = translate(TEXT_LINE).format(status=self._status(translate))
        if self.erle_db is None:
            return line
        removed = translate(TEXT_HOLDING if self.holding else TEXT_LEAKING)
        return line + removed.format(db=f"{self.erle_db:.0f}")


STATUS = {"off": QT_TRANSLATE_NOOP("Echo", "off"),
          "off_setting": QT_TRANSLATE_NOOP("Echo", "off (Settings)"),
          "no_devices": QT_TRANSLATE_NOOP("Echo", "off (it needs a microphone and a speaker)"),
          "headphones": QT_TRANSLATE_NOOP("Echo", "off: '{detail}' looks like headphones "
                                                  "(no echo)"),
          "unavailable": QT_TRANSLATE_NOOP("Echo", "unavailable ({detail}); the echo guard "
                                                   "works alone"),
          "stopped": QT_TRANSLATE_NOOP("Echo", "stopped ({detail}); the echo guard works alone"),
          "on": QT_TRANSLATE_NOOP("Echo", "on"),
          "on_ns": QT_TRANSLATE_NOOP("Echo", "on, with noise suppression")}
TEXT_LINE = QT_TRANSLATE_NOOP("Echo", "Echo cancellation: {status}")
TEXT_HOLDING = QT_TRANSLATE_NOOP("Echo", "; echo removed {db} dB")
TEXT_LEAKING = QT_TRANSLATE_NOOP("Echo", "; echo removed {db} dB, but some of this room's echo "
                                         "gets through it, so the echo guard decides on the "
                                         "plain microphone")


class LivekitProcessor:
    """AEC3 through livekit's FFI; each direction reuses one frame buffer (no allocation)."""

    def __init__(self, noise_suppression: bool) -> None:
        from livekit import rtc  # 150 ms and a 28 MB library: loaded only when it is wanted

        self._rtc = rtc
        self._apm = rtc.AudioProcessingModule(echo_cancellation=True,
                                              noise_suppression=noise_suppression,
                                              high_pass_filter=True, auto_gain_control=False)
        self._frames: dict[tuple[str, int, int], tuple[Any, np.ndarray]] = {}

    def _frame(self, kind: str, samples: np.ndarray, rate: int) -> tuple[Any, np.ndarray]:
        key = (kind, rate, samples.size)
        if key not in self._frames:
            data = bytearray(samples.size * 2)
            self._frames[key] = (self._rtc.AudioFrame(data, rate, 1, samples.size),
                                 np.frombuffer(data, dtype=np.int16))
        frame, view = self._frames[key]
        view[:] = samples
        return frame, view

    def render(self, frame: np.ndarray, rate: int) -> None:
        self._apm.process_reverse_stream(self._frame("render", frame, rate)[0])

    def capture(self, frame: np.ndarray, rate: int) -> np.ndarray:
        audio_frame, view = self._frame("capture", frame, rate)
        self._apm.process_stream(audio_frame)     # in place
        return view.copy()


class EchoCanceller:
    def __init__(self, processor: Processor, capture_rate: int, render_rate: int,
                 report: EchoReport | None = None, always: bool = False) -> None:
        """`always`: process every frame (noise suppression works on the user's own turns);
        otherwise AEC3 runs only while the speaker can echo, most of a conversation's time
        being the user's turns and pauses (measured: 0.9 % of a core while it runs)."""
        self._processor = processor
        self._always = always
        self.capture_rate, self.render_rate = capture_rate, render_rate
        self._mic = Framer(capture_rate // 100)
        self._speaker = Framer(render_rate // 100)
        self._reference: deque[np.ndarray] = deque(maxlen=REFERENCE_FRAMES)
        self._silent_frame = np.zeros(self._speaker.frame_samples, dtype=np.int16)
        self.report = report or EchoReport()
        self.failed = False
        self._echo_frames = 0        # frames left in which the mic can still hold echo
        self._erle: deque[float] = deque(maxlen=ERLE_FRAMES)
        self._since_judged = 0

    def render(self, samples: np.ndarray) -> None:
        """Playback thread: the block just handed to the speaker."""
        for frame in self._speaker.push(samples):
            self._reference.append(frame)

    def render_silence(self, samples: int) -> None:
        """Playback thread: a block of silence, as `render` of zeros would give it, without
        cutting it into frames: between replies the speaker is fed silence 100 times a
        second, and this is most of what its thread does then."""
        if self._speaker.pending or samples % self._speaker.frame_samples:
            self.render(np.zeros(samples, dtype=np.int16))
            return
        for _ in range(samples // self._speaker.frame_samples):
            self._reference.append(self._silent_frame)      # read, never written, downstream

    def cancel(self, samples: np.ndarray) -> np.ndarray:
        """Capture thread: mono device-rate mic samples in, the same with the echo taken out
        (whole 10 ms frames; a remainder waits for the next block). While the speaker can echo
        and the canceller does not hold the room (not yet, or a late, strong reflection is
        beyond it), the mic goes out as it came in: the guard behind it then judges the plain
        echo, which it does well, not a bursty residue."""
        frames = self._mic.push(samples)
        if self.failed:
            return frames.reshape(-1)
        out = np.empty_like(frames)
        pending, count = len(self._reference), len(frames)
        for i, frame in enumerate(frames):
            # Speaker frames queued since the last block go in spread among its mic frames,
            # as they were played (a resting capture reads 100 ms at once).
            self._feed(pending * (i + 1) // count - pending * i // count)
            if self.failed:
                return frames.reshape(-1)
            echoing = self._echo_frames > 0
            if not echoing and not self._always:
                out[i] = frame
                continue
            try:
                cleaned = self._processor.capture(frame, self.capture_rate)
            except Exception as exc:          # never the end of the microphone
                self._fail(exc)
                return frames.reshape(-1)
            self._measure(frame, cleaned)
            out[i] = cleaned if self.report.holding or not echoing else frame
        return out.reshape(-1)

    def _feed(self, n: int) -> None:
        for _ in range(n):
            frame = self._reference.popleft()
            if frame.size and (frame.max() > ACTIVE_PEAK or frame.min() < -ACTIVE_PEAK):
                self._echo_frames = ECHO_TAIL_FRAMES
            elif self._echo_frames <= 0 and not self._always:
                continue
            try:
                self._processor.render(frame, self.render_rate)
            except Exception as exc:
                self._fail(exc)
                return

    def _measure(self, mic: np.ndarray, cleaned: np.ndarray) -> None:
        """ERLE per frame while the speaker can be echoing and the user is not known to talk.
        It holds the room when its echo rarely leaks: AEC3's suppressor silences most frames
        even where its filter cannot follow the room, so a median alone would say it holds
        while bursts of echo get through (measured: 70 dB median, 9 self-interruptions)."""
        if self._echo_frames <= 0:
            return
        self._echo_frames -= 1
        if self.report.user_talking:
            return
        p_in = _power(mic)
        if p_in < 1.0:                        # a silent mic says nothing about the echo
            return
        p_out = _power(cleaned)
        self._erle.append(min(90.0, max(0.0, 10 * float(np.log10(p_in / max(p_out, 1e-3))))))
        self._since_judged += 1
        if len(self._erle) >= JUDGED_AFTER and self._since_judged >= 10:
            self._since_judged = 0
            self.report.erle_db = statistics.median(self._erle)     # (sorted(): cheaper here)
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


def _power(samples: np.ndarray) -> float:
    x = samples.astype(np.float32)
    return float(np.dot(x, x)) / max(1, x.size)


def looks_like_headphones(device_name: str) -> bool:
    name = device_name.lower()
    return any(word in name for word in HEADPHONE_WORDS)


def open_canceller(mode: str, noise_suppression: bool, speaker: str, capture_rate: int,
                   render_rate: int, report: EchoReport) -> EchoCanceller | None:
    """A canceller, if the setting and the speaker call for one and AEC3 loads; the report
    says which (and why not)."""
    report.erle_db, report.holding = None, False
    if mode == "off":
        report.state = "off_setting"
        return None
    if mode == "auto" and looks_like_headphones(speaker):
        report.state, report.detail = "headphones", speaker
        return None
    try:
        processor = LivekitProcessor(noise_suppression)
    except Exception as exc:          # ImportError, a library that fails to load, an FFI error
        report.state, report.detail = "unavailable", str(exc)
        log.warning("echo cancellation unavailable: %s", exc)
        return None
    report.state = "on_ns" if noise_suppression else "on"
    return EchoCanceller(processor, capture_rate, render_rate, report, always=noise_suppression)
