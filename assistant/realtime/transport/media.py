"""Audio between the wire rate (24 kHz pcm16 mono) and a WebRTC track (48 kHz frames, Opus).

`OutgoingAudio` is a track fed with wire-rate pcm and read by aiortc's sender in 20 ms frames;
`IncomingAudio` turns the frames a remote track yields back into wire-rate pcm. The app's
transport and the embedded server's calls use both, so the two ends convert the same way.
"""

from __future__ import annotations

import asyncio
import fractions
import time
from collections import deque
from collections.abc import Callable

import av
import numpy as np
import soxr
from aiortc.mediastreams import MediaStreamError, MediaStreamTrack

from assistant.config import WIRE_RATE

TRACK_RATE = 48_000
FRAME_SAMPLES = TRACK_RATE // 50                 # 20 ms, Opus's usual frame


class OutgoingAudio(MediaStreamTrack):
    """A 48 kHz mono track fed with wire-rate pcm16.

    `paced`: frames leave at real time, silence filling the gaps (a server's voice, which is
    never silent on the wire); otherwise `recv` waits for pcm, so the sender only sends while
    something is fed (push-to-talk at rest sends nothing)."""

    kind = "audio"

    def __init__(self, *, paced: bool) -> None:
        super().__init__()
        self.paced = paced
        self._resampler = soxr.ResampleStream(WIRE_RATE, TRACK_RATE, 1, dtype="int16",
                                               quality="LQ")
        self._pending = np.zeros(0, dtype=np.int16)
        self._ready: deque[np.ndarray] = deque()
        self._fed = asyncio.Event()
        self._pts = 0
        self._start: float | None = None

    def feed(self, pcm: bytes) -> None:
        samples = self._resampler.resample_chunk(np.frombuffer(pcm, dtype=np.int16))
        self._pending = np.concatenate([self._pending, samples])
        while len(self._pending) >= FRAME_SAMPLES:
            self._ready.append(self._pending[:FRAME_SAMPLES])
            self._pending = self._pending[FRAME_SAMPLES:]
        if self._ready:
            self._fed.set()

    def clear(self) -> int:
        """Drop what is queued; returns the samples dropped (48 kHz)."""
        dropped = sum(len(frame) for frame in self._ready) + len(self._pending)
        self._ready.clear()
        self._pending = np.zeros(0, dtype=np.int16)
        return dropped

    @property
    def queued(self) -> bool:
        return bool(self._ready)

    async def recv(self) -> av.AudioFrame:
        if self.readyState != "live":
            raise MediaStreamError
        if self.paced:
            await self._wait_for_slot()
        else:
            while not self._ready:
                self._fed.clear()
                await self._fed.wait()
                if self.readyState != "live":
                    raise MediaStreamError
        samples = self._ready.popleft() if self._ready else np.zeros(FRAME_SAMPLES, np.int16)
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = TRACK_RATE
        frame.pts = self._pts
        frame.time_base = fractions.Fraction(1, TRACK_RATE)
        self._pts += FRAME_SAMPLES
        return frame

    async def _wait_for_slot(self) -> None:
        now = time.monotonic()
        if self._start is None:
            self._start = now
        due = self._start + self._pts / TRACK_RATE
        if due > now:
            await asyncio.sleep(due - now)
        elif now - due > 0.2:                 # the loop stalled: do not burst to catch up
            self._start = now - self._pts / TRACK_RATE

    def stop(self) -> None:
        super().stop()
        self._fed.set()


class IncomingAudio:
    """Frames of any rate and layout (aiortc's Opus decoder gives 48 kHz stereo) -> wire pcm16."""

    def __init__(self) -> None:
        self._resampler = self._stream(TRACK_RATE)
        self._rate = TRACK_RATE

    def convert(self, frame: av.AudioFrame) -> bytes:
        data = frame.to_ndarray()
        if data.dtype.kind == "f":
            data = np.clip(data * 32767.0, -32768, 32767)
        channels = len(frame.layout.channels)
        if frame.format.is_planar:
            samples = data.astype(np.int32).mean(axis=0)
        else:
            samples = data.reshape(-1, channels).astype(np.int32).mean(axis=1)
        if frame.sample_rate != self._rate:
            self._rate = frame.sample_rate
            self._resampler = self._stream(self._rate)
        out = self._resampler.resample_chunk(samples.astype(np.int16))
        return bytes(out.tobytes())

    @staticmethod
    def _stream(rate: int) -> soxr.ResampleStream:
        # "LQ", as the app's audio paths: flat to 8 kHz, and it holds less audio than "HQ".
        return soxr.ResampleStream(rate, WIRE_RATE, 1, dtype="int16", quality="LQ")


async def read_track(track: MediaStreamTrack, deliver: Callable[[bytes], None]) -> None:
    """Hand each frame a remote track yields to `deliver` as wire-rate pcm, until it ends."""
    incoming = IncomingAudio()
    try:
        while True:
            frame = await track.recv()
            if isinstance(frame, av.AudioFrame):      # what an audio track yields
                deliver(incoming.convert(frame))
    except MediaStreamError:
        pass
