"""The speaker stream: PortAudio's callback thread copies from the PlaybackBuffer, nothing more."""

from __future__ import annotations

import logging
from typing import Any

from assistant.audio.capture import BLOCK_MS, PA_CONTINUE, PA_INT16
from assistant.audio.devices import DeviceCatalog, DeviceInfo
from assistant.audio.levels import LevelHolder
from assistant.audio.playback_buffer import PlaybackBuffer
from assistant.errors import AudioDeviceError

log = logging.getLogger(__name__)


class Playback:
    def __init__(self, catalog: DeviceCatalog, device: DeviceInfo,
                 level: LevelHolder | None = None, block_ms: int = BLOCK_MS) -> None:
        self.device = device
        self.rate = catalog.supported_rate(device, "output", 1)
        self.buffer = PlaybackBuffer(self.rate, level=level)
        self.errors = 0
        try:
            self._stream = catalog.backend.open(
                format=PA_INT16, channels=1, rate=self.rate, output=True,
                output_device_index=device.index, frames_per_buffer=self.rate * block_ms // 1000,
                stream_callback=self._callback, start=False)
        except OSError as exc:
            raise AudioDeviceError(f"Cannot open the speaker '{device.name}': "
                                   f"{exc.args[-1] if exc.args else exc}.") from None

    def start(self) -> None:
        self._stream.start_stream()
        try:
            self.buffer.output_latency_ms = float(self._stream.get_output_latency()) * 1000
        except (OSError, AttributeError):
            self.buffer.output_latency_ms = 0.0

    def close(self) -> None:
        try:
            self._stream.stop_stream()
            self._stream.close()
        except OSError:
            log.debug("closing the playback stream failed", exc_info=True)

    def _callback(self, data: Any, frame_count: int, time_info: Any,
                  status: int) -> tuple[bytes, int]:
        try:
            return self.buffer.read(frame_count).tobytes(), PA_CONTINUE
        except Exception:      # never let an exception into PortAudio's thread
            self.errors += 1
            return bytes(2 * frame_count), PA_CONTINUE
