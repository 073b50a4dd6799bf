"""The speaker stream: its own thread copies from the PlaybackBuffer to the device as room opens.

Between replies it keeps the device fed with silence (a stream that runs dry stalls ~2 s on
PulseAudio before it plays again, measured), but from a ready-made block: no buffer lock, no
level measurement, no allocation. Unlike the microphone it does not rest between replies: a
stopped and restarted output stream plays nothing for 1.4-2 s on PulseAudio (measured on its null
sinks, whose idle wake-up is 2 s), which the next reply would wait out.
"""

from __future__ import annotations

import numpy as np

from assistant.audio.devices import DeviceCatalog, DeviceInfo
from assistant.audio.echo_canceller import EchoCanceller
from assistant.audio.levels import LevelHolder
from assistant.audio.playback_buffer import PlaybackBuffer
from assistant.audio.stream_thread import DeviceStream


class Playback(DeviceStream):
    # Silence goes two 10 ms blocks a wake-up where the device has room for them (PulseAudio's
    # ALSA plugin takes 30 ms at once): half the wake-ups at rest. A reply goes one block at a
    # time: a bigger step hands more ahead of a barge-in's pause (measured, 3 paired runs: the
    # speaker silent 100-110 ms after the user starts instead of 80-100, for 0.7 % of a core).
    RESTING_BLOCKS = 2

    def __init__(self, catalog: DeviceCatalog, device: DeviceInfo,
                 level: LevelHolder | None = None) -> None:
        super().__init__(catalog, device, "output", 1, catalog.supported_rate(device, "output", 1))
        self.buffer = PlaybackBuffer(self.rate, level=level)
        self._silence = np.zeros(self.block * self.RESTING_BLOCKS, dtype=np.int16)
        self._silent_bytes = self._silence.tobytes()
        self.canceller: EchoCanceller | None = None      # set before the stream starts

    def _step(self) -> bool:
        most = self.RESTING_BLOCKS if self.buffer.silent else 1
        blocks = self._ready(self._stream.get_write_available(), most)
        if not blocks:
            return False
        count = self.block * blocks
        if self.buffer.silent:
            self.buffer.level.reset()
            samples, data = self._silence[:count], self._silent_bytes[:2 * count]
        else:
            samples = self.buffer.read(count)
            data = samples.tobytes()
        self._stream.write(data, count, exception_on_underflow=False)
        if self.canceller is not None:
            self.canceller.render(samples)
        return True
