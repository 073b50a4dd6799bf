"""Microphone capture: device rate -> mono -> echo cancelled -> 24 kHz (soxr) -> exact 20 ms
pcm16 frames.

Runs on the capture thread: it converts, measures and hands frames on through one sink call per
device block; it touches no Qt object and no asyncio object directly.

When nobody can talk (push-to-talk at rest, muted) the thread stops its own stream after
REST_AFTER_S, so nothing wakes 50 times a second, and starts it again the moment it is nudged
(a press): measured on PulseAudio, the first samples come ~48 ms after the start. The speaker
rests too; its start must write two blocks at once (see playback.py).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import numpy as np
import soxr

from assistant.audio.devices import DeviceCatalog, DeviceInfo
from assistant.audio.echo_canceller import EchoCanceller
from assistant.audio.framer import Framer
from assistant.audio.levels import LevelHolder, dbfs
from assistant.audio.stream_thread import DeviceStream
from assistant.config import FRAME_SAMPLES, WIRE_RATE
from assistant.errors import AudioDeviceError

# frames (n, 480) int16 rows, each row one 20 ms frame; perf_counter() at the callback
FrameSink = Callable[[np.ndarray, float], None]
# Frames nobody waits for are read this many blocks at once (a fifth of the wake-ups, and of the
# hand-offs behind them): unwanted ones (push-to-talk at rest, muted) for the REST_AFTER_S
# before the stream stops, and wanted ones while the conversation is quiet (see FrameOutbox).
# A press or a change in that time still gets every sample: the read in progress returns them.
RESTING_BLOCKS = 5
# soxr "LQ": flat to 8 kHz, >120 dB alias rejection, and it holds <= 20 ms in its stream;
# "HQ" holds 20-40 ms, which would double the capture latency for no audible gain in speech.
RESAMPLE_QUALITY = "LQ"


class CaptureProcessor:
    """The pure part of capture (testable without a device): bytes in, frames out."""

    def __init__(self, device_rate: int, channels: int, sink: FrameSink,
                 level: LevelHolder | None = None, wire_rate: int = WIRE_RATE) -> None:
        self.channels = channels
        self.sink = sink
        self.level = level or LevelHolder()
        self.canceller: EchoCanceller | None = None      # set before the stream starts
        self.framer = Framer(wire_rate * FRAME_SAMPLES // WIRE_RATE)
        self.resampler = (None if device_rate == wire_rate else
                          soxr.ResampleStream(device_rate, wire_rate, 1, dtype="int16",
                                              quality=RESAMPLE_QUALITY))

    def process(self, data: bytes, captured_at: float | None = None) -> int:
        """Convert one device block; returns the number of frames handed on."""
        samples = np.frombuffer(data, dtype=np.int16)
        if self.channels > 1:
            samples = samples.reshape(-1, self.channels).mean(axis=1).astype(np.int16)
        if self.canceller is not None:
            samples = self.canceller.cancel(samples)
        if self.resampler is not None:
            samples = self.resampler.resample_chunk(samples)
        frames = self.framer.push(samples)
        if len(frames):
            self.level.update(*dbfs(frames[-1]))
            self.sink(frames, captured_at if captured_at is not None else time.perf_counter())
        return len(frames)


def _channels_and_rate(catalog: DeviceCatalog, device: DeviceInfo) -> tuple[int, int]:
    """Mono where the device (or the sound server behind it) takes it: half the data through
    the audio thread and no mix on it (measured: ~0.7 % of a core less on PulseAudio)."""
    stereo = min(2, device.max_input_channels)
    try:
        return 1, catalog.supported_rate(device, "input", 1)
    except AudioDeviceError:
        if stereo == 1:
            raise
    return stereo, catalog.supported_rate(device, "input", stereo)


class Capture(DeviceStream):
    """An open microphone stream, read by its own thread into a CaptureProcessor."""

    def __init__(self, catalog: DeviceCatalog, device: DeviceInfo, sink: FrameSink,
                 level: LevelHolder | None = None,
                 wanted: Callable[[], bool] = lambda: True,
                 nudge: threading.Event | None = None,
                 quiet: Callable[[], bool] = lambda: False) -> None:
        """`wanted`: asked per read, are frames wanted now; `nudge`: set when they may be
        again (a press), to end a rest at once; `quiet`: wanted, but not in a hurry."""
        super().__init__(catalog, device, "input", *_channels_and_rate(catalog, device))
        self.processor = CaptureProcessor(self.rate, self.channels, sink, level)
        self.wanted, self.quiet = wanted, quiet
        self.nudge = nudge or threading.Event()
        self._flowing = False

    @property
    def canceller(self) -> EchoCanceller | None:
        return self.processor.canceller

    @canceller.setter
    def canceller(self, canceller: EchoCanceller | None) -> None:
        self.processor.canceller = canceller

    def _stopped(self) -> None:
        self.processor.level.reset()               # the meter shows a resting mic silent

    def _started_again(self) -> None:
        self._flowing = False                      # a restarted source takes a moment

    def _step(self) -> bool:
        wanted = self.wanted()
        if self._rest(wanted, self.nudge):
            return True
        if not self._flowing and not self._ready(self._stream.get_read_available()):
            return False
        # Once samples flow, a blocking read returns the moment a block is complete (a
        # sleep-and-check would add up to a poll interval); it waits at most ~one block.
        self._flowing = True
        blocks = RESTING_BLOCKS if self.quiet() or not wanted else 1
        # Never raise on an overflow: PyAudio closes the stream when it does (its stream_io.c),
        # so a few samples the device dropped would lose this read's samples and kill the mic.
        data = self._stream.read(self.block * blocks, exception_on_overflow=False)
        self.processor.process(data)
        return True
