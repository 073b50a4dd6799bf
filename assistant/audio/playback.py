"""The speaker stream: its own thread copies from the PlaybackBuffer into a blocking write."""

from __future__ import annotations

from assistant.audio.capture import BLOCK_MS
from assistant.audio.devices import DeviceCatalog, DeviceInfo
from assistant.audio.levels import LevelHolder
from assistant.audio.playback_buffer import PlaybackBuffer
from assistant.audio.stream_thread import DeviceStream


class Playback(DeviceStream):
    def __init__(self, catalog: DeviceCatalog, device: DeviceInfo,
                 level: LevelHolder | None = None, block_ms: int = BLOCK_MS) -> None:
        self.rate = catalog.supported_rate(device, "output", 1)
        self.block = self.rate * block_ms // 1000
        self.buffer = PlaybackBuffer(self.rate, level=level)
        super().__init__(catalog, device, "speaker", "audio-playback", channels=1,
                         rate=self.rate, output=True, output_device_index=device.index,
                         frames_per_buffer=self.block)

    @property
    def latency_ms(self) -> float:
        return float(self._stream.get_output_latency()) * 1000

    def _step(self) -> bool:
        if not self._ready(self._stream.get_write_available()):
            return False
        self._stream.write(self.buffer.read(self.block).tobytes(), self.block,
                           exception_on_underflow=False)
        return True
