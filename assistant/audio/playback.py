"""The speaker stream: its own thread copies from the PlaybackBuffer into a blocking write."""

from __future__ import annotations

import logging

from assistant.audio.capture import BLOCK_MS, PA_INT16
from assistant.audio.devices import DeviceCatalog, DeviceInfo
from assistant.audio.levels import LevelHolder
from assistant.audio.playback_buffer import PlaybackBuffer
from assistant.audio.stream_thread import StreamThread
from assistant.errors import AudioDeviceError

log = logging.getLogger(__name__)


class Playback:
    def __init__(self, catalog: DeviceCatalog, device: DeviceInfo,
                 level: LevelHolder | None = None, block_ms: int = BLOCK_MS) -> None:
        self.device = device
        self.rate = catalog.supported_rate(device, "output", 1)
        self.block = self.rate * block_ms // 1000
        self.buffer = PlaybackBuffer(self.rate, level=level)
        try:
            self._stream = catalog.backend.open(
                format=PA_INT16, channels=1, rate=self.rate, output=True,
                output_device_index=device.index, frames_per_buffer=self.block, start=False)
        except OSError as exc:
            raise AudioDeviceError(f"Cannot open the speaker '{device.name}': "
                                   f"{exc.args[-1] if exc.args else exc}.") from None
        self._thread = StreamThread("audio-playback", self._step)

    def start(self) -> None:
        self._stream.start_stream()
        try:
            self.buffer.output_latency_ms = float(self._stream.get_output_latency()) * 1000
        except (OSError, AttributeError):
            self.buffer.output_latency_ms = 0.0
        self._thread.start()

    def close(self) -> None:
        self._thread.stop()
        try:
            self._stream.stop_stream()
            self._stream.close()
        except OSError:
            log.debug("closing the playback stream failed", exc_info=True)

    @property
    def errors(self) -> int:
        return self._thread.errors

    def _step(self) -> None:
        self._stream.write(self.buffer.read(self.block).tobytes(), self.block,
                           exception_on_underflow=False)
