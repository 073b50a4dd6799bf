"""Microphone frames from PortAudio's thread to the event loop: the one thread-safe hand-off.

One `call_soon_threadsafe` per device block; bounded, the oldest frame dropped (and counted) when
the loop falls behind, so a stalled loop never grows memory. Whoever consumes the frames is told
on the loop at once (`on_ready`), with no task in between to wake; the microphone's level is
stirred there too, so a resting meter wakes on the same wake-up (see `LevelHolder.stir`).
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from collections.abc import Callable

import numpy as np

from assistant.audio.levels import LevelHolder


class FrameOutbox:
    def __init__(self, loop: asyncio.AbstractEventLoop, max_frames: int = 50) -> None:
        self._loop = loop
        self._frames: deque[np.ndarray] = deque()
        self._max = max_frames
        # Called on the loop when frames have arrived; it takes them.
        self.on_ready: Callable[[], None] = lambda: None
        # Asked on the audio thread per block: are frames wanted? If not, the loop is not woken.
        self.wanted: Callable[[], bool] = lambda: True
        # Set by whoever may have made frames wanted again: wakes a resting microphone at once.
        self.nudge = threading.Event()
        # Frames are wanted, but nothing waits on the next 20 ms (nobody talks, nothing plays):
        # the audio thread then reads and hands on 100 ms at a time. A plain bool, written on
        # the loop and read by the audio thread.
        self.quiet = False
        self._loop_closed = False
        self.level: LevelHolder | None = None      # the level the frames' thread writes
        self.drops = 0
        self.latency_s: deque[float] = deque(maxlen=4096)

    def from_audio_thread(self, frames: np.ndarray, captured_at: float) -> None:
        """The one hand-off from PortAudio's thread."""
        if self._loop_closed or not self.wanted():
            return
        try:
            self._loop.call_soon_threadsafe(self._push, frames, captured_at)
        except RuntimeError:         # the loop closed before the stream did: nobody listens
            self._loop_closed = True

    def _push(self, frames: np.ndarray, captured_at: float) -> None:
        self.latency_s.append(time.perf_counter() - captured_at)
        for frame in frames:
            if len(self._frames) >= self._max:
                self._frames.popleft()
                self.drops += 1
            self._frames.append(frame)
        self.on_ready()
        if self.level is not None:
            self.level.stir()

    def take(self) -> list[np.ndarray]:
        frames = list(self._frames)
        self._frames.clear()
        return frames
