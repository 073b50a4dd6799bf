"""The speaker stream: its own thread copies from the PlaybackBuffer to the device as room opens.

Between replies it keeps the device fed with silence (a stream that runs dry stalls ~2 s on
PulseAudio before it plays again, measured), but from a ready-made block: no buffer lock, no
level measurement, no allocation. Unlike the microphone it does not rest between replies: a
stopped and restarted output stream plays nothing for 1.4-2 s on PulseAudio (measured on its null
sinks, whose idle wake-up is 2 s), which the next reply would wait out.

It keeps at most two blocks (40 ms) queued in the device, though PortAudio's ALSA buffer holds
three: a reply, or the fade of a barge-in, then waits behind as little as with 10 ms blocks in
their 30 ms buffer, with half the wake-ups, and a stall of up to a block still never empties it.

A longer stall (the GIL held by a collection or a busy GUI thread) can leave the device
nearly empty. It is then refilled with two blocks in one write: restarted on a single
period, PulseAudio's ALSA plugin can enter a state where each write is taken at once and lost.
In that state the rest of a reply went by in milliseconds, unheard, and was counted as played.
Measured on a private PulseAudio with a thread of the app holding the GIL for ~25 ms at a time,
every 0-200 ms (tests/audio/test_real_devices.py): with one block a refill, a 2.65 s reply went
by in 0.20-1.02 s (3 runs of 3); with two, 8 runs took 2.51-2.66 s and scored 0.84-0.99
per-window correlation with the recording.
"""

from __future__ import annotations

from assistant.audio.devices import DeviceCatalog, DeviceInfo
from assistant.audio.echo_canceller import EchoCanceller
from assistant.audio.levels import LevelHolder
from assistant.audio.playback_buffer import PlaybackBuffer
from assistant.audio.stream_thread import DeviceStream


class Playback(DeviceStream):
    def __init__(self, catalog: DeviceCatalog, device: DeviceInfo,
                 level: LevelHolder | None = None) -> None:
        super().__init__(catalog, device, "output", 1, catalog.supported_rate(device, "output", 1))
        self.buffer = PlaybackBuffer(self.rate, level=level)
        self._silence = {blocks * self.block: bytes(2 * blocks * self.block) for blocks in (1, 2)}
        self.canceller: EchoCanceller | None = None      # set before the stream starts
        self._buffer_frames = 0     # the device's whole buffer: all of it is free at the start

    def _step(self) -> bool:
        available = self._stream.get_write_available()
        if not self._buffer_frames and available > 0:
            self._buffer_frames = available
        if not self._ready(available, room=self._buffer_frames - self.block):
            return False
        frames = self._frames_to_write(available)
        if self.buffer.silent:
            self.buffer.level.reset()
            self._stream.write(self._silence[frames], frames, exception_on_underflow=False)
            if self.canceller is not None:
                self.canceller.render_silence(frames)
            return True
        samples = self.buffer.read(frames)
        self._stream.write(samples.tobytes(), frames, exception_on_underflow=False)
        if self.canceller is not None:
            self.canceller.render(samples)
        return True

    def _frames_to_write(self, available: int) -> int:
        """A block, or two where the device holds less than half a block (it ran dry: see
        above). Just under a block is the usual moment to write one: two then would fill the
        device, and the next room would come later than `_ready`'s polls expect."""
        ran_dry = available > self._buffer_frames - self.block // 2
        return 2 * self.block if ran_dry and available >= 2 * self.block else self.block
