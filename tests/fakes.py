"""An in-memory audio backend with PyAudio's interface: devices, formats, callback streams.

Tests push microphone bytes into an input stream and pull what an output stream would play,
driving the real stream threads as PortAudio's blocking mode would, without a sound card.
"""

from __future__ import annotations

import queue
import threading
import time
from dataclasses import dataclass, field
from typing import Any


@dataclass
class FakeDevice:
    name: str
    inputs: int = 0
    outputs: int = 0
    rate: int = 48_000
    rates: tuple[int, ...] = (48_000, 44_100, 16_000)
    mono: bool = True          # some hardware takes its channel count or nothing


class FakeStream:
    """PyAudio's blocking mode: read() waits for n frames pushed by the test (a device that
    has nothing to say delivers silence after SILENT_AFTER_S); write() blocks (like a device one
    buffer deep) until the test pulls."""

    SILENT_AFTER_S = 0.1

    def __init__(self, *, rate: int, channels: int, input: bool = False, output: bool = False,
                 frames_per_buffer: int, realtime: bool = False, **_: Any) -> None:
        self.realtime = realtime      # a device on a clock: silence in, playback consumed
        self.played: list[bytes] = []
        self.rate, self.channels = rate, channels
        self.is_input, self.is_output = input, output
        self.frames_per_buffer = frames_per_buffer
        self.started = self.closed = False
        self._mic = bytearray()
        self._cond = threading.Condition()
        self._speaker: queue.Queue[bytes] = queue.Queue(maxsize=1)
        self._failures: list[OSError] = []
        self._overflow = False
        self.broken: OSError | None = None      # set: every call fails, as an unplugged device
        self.hung: threading.Event | None = None

    def start_stream(self) -> None:
        self.started = True

    def stop_stream(self) -> None:
        with self._cond:
            self.started = False
            self._cond.notify_all()

    def close(self) -> None:
        self.closed = True

    def get_input_latency(self) -> float:
        return 0.02

    def get_output_latency(self) -> float:
        return 0.02

    def fail_next(self, error: OSError) -> None:
        self._failures.append(error)

    def overflow_next(self) -> None:
        """The next read finds that the device dropped samples (PortAudio's paInputOverflowed).
        As PyAudio 0.2.14 does (stream_io.c): with exception_on_overflow it closes the stream
        and raises, and the samples read are lost; without, it returns them."""
        self._overflow = True

    def hang(self) -> threading.Event:
        """The next call blocks until the returned event is set (a deadlock in the driver)."""
        self.hung = threading.Event()
        return self.hung

    def _maybe_hang(self) -> None:
        if self.hung is not None:
            self.hung.wait()

    def unplug(self) -> None:
        self.broken = OSError(-9999, "Unanticipated host error")
        with self._cond:
            self._cond.notify_all()

    # -- the device side, called by the code under test --
    def _check_readable(self) -> None:
        """An unplugged device fails; so does a stream PyAudio closed (after an overflow)."""
        if self.broken:
            raise self.broken
        if self.closed:
            raise OSError(-9988, "Stream closed")

    def get_read_available(self) -> int:
        self._maybe_hang()
        self._check_readable()
        if self.realtime:
            return self.frames_per_buffer
        with self._cond:
            return len(self._mic) // (2 * self.channels)

    def get_write_available(self) -> int:
        self._maybe_hang()
        if self.broken:
            raise self.broken
        return 0 if self._speaker.full() else self.frames_per_buffer

    def read(self, n: int, exception_on_overflow: bool = True) -> bytes:
        self._check_readable()
        if self._overflow:
            self._overflow = False
            if exception_on_overflow:
                self.close()
                raise OSError(-9981, "Input overflowed")
        need = n * 2 * self.channels
        if self.realtime:
            time.sleep(n / self.rate)
            with self._cond:
                data = bytes(self._mic[:need]).ljust(need, b"\0")
                del self._mic[:need]
                return data
        deadline = time.monotonic() + self.SILENT_AFTER_S
        with self._cond:
            while (self.started and len(self._mic) < need and not self._failures
                   and not self.broken and time.monotonic() < deadline):
                self._cond.wait(0.01)
            if self.broken:
                raise self.broken
            if self._failures:
                raise self._failures.pop(0)
            if not self.started:
                raise OSError(-9983, "Stream is stopped")
            data = bytes(self._mic[:need]).ljust(need, b"\0")     # nothing pushed: silence
            del self._mic[:need]
            return data

    def write(self, data: bytes, n: int | None = None,
              exception_on_underflow: bool = False) -> None:
        if self.broken:
            raise self.broken
        if self.realtime:
            time.sleep(len(data) / 2 / self.rate)
            self.played.append(data)
            del self.played[:-500]
            return
        while self.started and not self.broken:
            try:
                self._speaker.put(data, timeout=0.05)
                return
            except queue.Full:
                continue
        raise self.broken or OSError(-9983, "Stream is stopped")

    # -- the test side --
    @property
    def pending_bytes(self) -> int:
        """Microphone bytes pushed and not read yet."""
        with self._cond:
            return len(self._mic)

    def push(self, pcm: bytes) -> None:
        """Microphone bytes for the reader."""
        with self._cond:
            self._mic += pcm
            self._cond.notify_all()

    def pull(self, blocks: int = 1) -> bytes:
        """What the speaker receives over `blocks` device buffers."""
        out = b""
        for _ in range(blocks):
            data = self._speaker.get(timeout=2)
            assert len(data) == 2 * self.frames_per_buffer
            out += data
        return out


@dataclass
class FakePyAudio:
    devices: list[FakeDevice] = field(default_factory=lambda: [
        FakeDevice("Fake Microphone", inputs=2, rate=48_000, mono=False),
        FakeDevice("Fake Speaker", outputs=2, rate=44_100, rates=(44_100, 48_000))])
    streams: list[FakeStream] = field(default_factory=list)
    terminated: bool = False
    realtime: bool = False

    def get_device_count(self) -> int:
        return len(self.devices)

    def get_device_info_by_index(self, index: int) -> dict[str, Any]:
        d = self.devices[index]
        return {"index": index, "name": d.name, "hostApi": 0, "maxInputChannels": d.inputs,
                "maxOutputChannels": d.outputs, "defaultSampleRate": float(d.rate)}

    def get_host_api_info_by_index(self, index: int) -> dict[str, Any]:
        return {"index": index, "name": "Fake API"}

    def _default(self, key: str) -> dict[str, Any]:
        for index, d in enumerate(self.devices):
            if getattr(d, key):
                return self.get_device_info_by_index(index)
        raise OSError(-9996, "No Default Device Available")

    def get_default_input_device_info(self) -> dict[str, Any]:
        return self._default("inputs")

    def get_default_output_device_info(self) -> dict[str, Any]:
        return self._default("outputs")

    def is_format_supported(self, rate: float, input_device: int | None = None,
                            output_device: int | None = None, input_channels: int = 0,
                            output_channels: int = 0, **_: Any) -> bool:
        device = self.devices[input_device if input_device is not None else output_device]
        if int(rate) not in device.rates:
            raise ValueError("Invalid sample rate")
        if not device.mono and 1 in (input_channels, output_channels):
            raise ValueError("Invalid number of channels")
        return True

    def open(self, **kwargs: Any) -> FakeStream:
        stream = FakeStream(realtime=self.realtime, **kwargs)
        self.streams.append(stream)
        return stream

    def terminate(self) -> None:
        self.terminated = True

    def stream(self, direction: str) -> FakeStream:
        return next(s for s in reversed(self.streams)
                    if (s.is_input if direction == "input" else s.is_output))
