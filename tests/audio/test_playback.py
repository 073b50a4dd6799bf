"""The speaker at rest: it stops its stream between replies, and a restart loses nothing."""

from __future__ import annotations

import numpy as np

from assistant.audio.devices import DeviceCatalog
from assistant.audio.playback import Playback
from assistant.audio.stream_thread import REST_AFTER_S
from tests.fakes import FakePyAudio
from tests.helpers import sine


class RestartingDevice:
    """PortAudio's ALSA layer on PulseAudio, as measured (see playback.py): three periods of
    buffer, all free after a start. Started on a single period, the stream underruns at once
    and takes the next `lead` frames at once and drops them, while it reports its whole buffer
    free (less one frame, as PulseAudio's plugin rounds it)."""

    def __init__(self, block: int, lead: int) -> None:
        self.block, self.lead_after_one_period = block, lead
        self.started, self.fresh, self.lead, self.queued = True, False, 0, 0
        self.played = bytearray()              # what reached the room
        self.dropped = 0                       # frames taken at once and lost

    def start_stream(self) -> None:
        self.started, self.fresh = True, True

    def stop_stream(self) -> None:
        self.started, self.queued = False, 0

    def get_write_available(self) -> int:
        assert self.started, "a stopped stream is left alone"
        return 3 * self.block - 1 if self.lead > 0 else 3 * self.block - self.queued

    def write(self, data: bytes, frames: int, exception_on_underflow: bool = False) -> None:
        assert self.started and frames <= self.get_write_available()
        if self.fresh and frames < 2 * self.block:
            self.lead = self.lead_after_one_period
        self.fresh = False
        if self.lead > 0:
            self.lead -= frames
            self.dropped += frames
            return
        self.queued += frames
        self.played += data

    def play_a_block(self) -> None:
        self.queued = max(0, self.queued - self.block)


def _speaker(lead_blocks: int) -> tuple[Playback, RestartingDevice]:
    fake = FakePyAudio()
    catalog = DeviceCatalog(lambda: fake)
    playback = Playback(catalog, catalog.find("output"))
    device = RestartingDevice(playback.block, lead_blocks * playback.block)
    playback._stream = device                                    # type: ignore[assignment]
    return playback, device


def _run(playback: Playback, device: RestartingDevice, blocks: int) -> None:
    """The device plays `blocks` blocks; the speaker keeps it fed meanwhile."""
    for _ in range(blocks):
        while playback._step():
            pass
        device.play_a_block()


def _silent_for_a_while(playback: Playback) -> None:
    """As if REST_AFTER_S had passed with nothing played."""
    playback._needed_at -= REST_AFTER_S


def test_a_silent_speaker_rests_and_a_reply_starts_it_with_none_of_it_dropped():
    playback, device = _speaker(lead_blocks=40)
    _run(playback, device, 5)                    # silence between replies
    _silent_for_a_while(playback)
    assert not playback._step()
    assert playback.resting and not device.started and playback.rests == 1
    assert not playback._step() and playback.resting          # nothing woke it: it stays

    reply = (sine(440, 0.5, amp=0.5) * 32767).astype(np.int16)         # 24 kHz, as sent
    playback.buffer.write("item", reply.tobytes())
    playback.buffer.finish("item")
    device.played.clear()
    _run(playback, device, 40)
    assert device.started and not playback.resting and device.dropped == 0
    heard = np.frombuffer(bytes(device.played), np.int16)
    assert np.count_nonzero(heard) >= 0.49 * playback.rate     # all 500 ms of it reached the room
    assert playback.buffer.played_ms("item") >= 490


def test_a_reply_that_stalls_between_deltas_keeps_it_started_however_long():
    """The server is late with the next delta: the reply is not over, so it is not silence."""
    playback, device = _speaker(lead_blocks=40)
    reply = (sine(440, 0.2, amp=0.5) * 32767).astype(np.int16)
    playback.buffer.write("item", reply.tobytes())
    _run(playback, device, 20)
    _silent_for_a_while(playback)
    _run(playback, device, 5)
    assert not playback.resting and device.started
    playback.buffer.write("item", reply.tobytes())
    playback.buffer.finish("item")
    _run(playback, device, 20)
    assert playback.rests == 0 and device.dropped == 0
    assert playback.buffer.played_ms("item") >= 390
