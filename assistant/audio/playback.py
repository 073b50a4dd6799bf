"""The speaker stream: its own thread copies from the PlaybackBuffer to the device as room opens.

Between replies it keeps the device fed with silence, from a ready-made block (no buffer lock,
no level measurement, no allocation), and once nothing has played for REST_AFTER_S it stops its
stream and sleeps until audio is queued: at rest (most of the user's turns included) nothing
in the app, PortAudio or libpulse wakes for the speaker. A start costs half a millisecond and
leaves the device empty, so a reply's first sample plays sooner than behind fed silence.

Why it can rest now when earlier rounds' speakers could not (measured on PulseAudio's null sinks
through PortAudio's ALSA layer, 2026-12-05): a restarted stream whose first write is one block
starts on that one period, underruns at once, and then takes every write at once and drops it
(of a 1 s tone written next, 46-656 ms were heard in 10 restarts after rests of 0.5-4 s).
Started on two blocks in one write, which the refill of an empty device below already does,
980 ms of it were heard in 10 of 10.

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

import logging

from assistant.audio.devices import DeviceCatalog, DeviceInfo
from assistant.audio.echo_canceller import EchoCanceller
from assistant.audio.levels import LevelHolder
from assistant.audio.playback_buffer import PlaybackBuffer
from assistant.audio.stream_thread import DeviceStream

log = logging.getLogger(__name__)


class Playback(DeviceStream):
    def __init__(self, catalog: DeviceCatalog, device: DeviceInfo,
                 level: LevelHolder | None = None) -> None:
        super().__init__(catalog, device, "output", 1, catalog.supported_rate(device, "output", 1))
        self.buffer = PlaybackBuffer(self.rate, level=level)
        self._silence = {blocks * self.block: bytes(2 * blocks * self.block) for blocks in (1, 2)}
        self.canceller: EchoCanceller | None = None      # set before the stream starts
        self._buffer_frames = 0     # the device's whole buffer: all of it is free at the start

    def _step(self) -> bool:
        # Silent (not between a reply's deltas) for REST_AFTER_S, the stream rests; it is
        # needed until its buffer's size is known, and again the moment audio is queued.
        if self._rest(not self.buffer.silent or not self._buffer_frames, self.buffer.wake):
            return False            # nothing moved: says nothing of the device either way
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

    def _started_again(self) -> None:
        """The device is empty now, so the next write is two blocks (`_frames_to_write`)."""
        log.debug("speaker started again")
