"""The speaker at rest: it stops its stream between replies, and a restart loses nothing; talked
over, it drops what its device holds and a resume plays that again."""

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
    free (less one frame, as PulseAudio's plugin rounds it). What it was handed it holds until
    it plays it; an abort drops that (Pa_AbortStream) and starts the stream afresh."""

    def __init__(self, block: int, lead: int) -> None:
        self.block, self.lead_after_one_period = block, lead
        self.started, self.fresh, self.lead = True, False, 0
        self.held = bytearray()                # handed, not played yet
        self.played = bytearray()              # what reached the room
        self.dropped = 0                       # frames taken at once and lost
        self.aborted = bytearray()             # what aborts dropped unplayed

    @property
    def queued(self) -> int:
        return len(self.held) // 2

    def start_stream(self) -> None:
        self.started, self.fresh = True, True

    def stop_stream(self) -> None:
        self.played += self.held               # Pa_StopStream plays out what it holds
        self.held.clear()
        self.started = False

    def drop_held(self) -> None:
        self.aborted += self.held
        self.held.clear()
        self.fresh = True

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
        self.held += data

    def play_a_block(self) -> None:
        self.played += self.held[:2 * self.block]
        del self.held[:2 * self.block]


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


def _sound(samples: np.ndarray) -> np.ndarray:
    """From the first sample that is not silent to the last."""
    sounding = np.flatnonzero(samples)
    return samples[sounding[0]:sounding[-1] + 1]


def test_talked_over_it_drops_what_the_device_holds_and_a_resume_plays_it_again():
    """Paused for the user, what the device holds (20-40 ms) is not left to play out: it is
    dropped, not counted as heard, and played again if the pause is not confirmed."""
    reply = (8000 + 4000 * sine(440, 0.6, amp=1.0)).astype(np.int16)   # never silent
    whole, whole_device = _speaker(lead_blocks=40)
    whole.buffer.write("item", reply.tobytes())
    whole.buffer.finish("item")
    _run(whole, whole_device, 60)
    expected = _sound(np.frombuffer(bytes(whole_device.played), np.int16))

    playback, device = _speaker(lead_blocks=40)
    playback.buffer.write("item", reply.tobytes())
    playback.buffer.finish("item")
    _run(playback, device, 12)
    held = device.queued
    played_before = np.frombuffer(bytes(device.played), np.int16)
    assert held > 0 and playback.buffer.handed.limit == 3 * playback.block
    playback.buffer.pause()
    assert playback.buffer.stop_now.is_set()
    playback._step()                       # drops what the device holds, then writes the fade
    assert len(device.aborted) == 2 * held and device.dropped == 0
    heard = np.count_nonzero(played_before)
    assert playback.buffer.played_ms("item") == heard * 1000 // playback.rate
    _run(playback, device, 10)             # paused: the fade, then silence
    playback.buffer.resume()
    _run(playback, device, 60)
    out = _sound(np.frombuffer(bytes(device.played), np.int16))
    before, fade = out[:heard], out[heard:heard + playback.buffer.fade_samples]
    after = _sound(out[heard + fade.size:])
    assert np.array_equal(before, expected[:heard])
    assert np.all(np.abs(fade.astype(int)) <= np.abs(expected[heard:heard + fade.size]))
    assert np.array_equal(after, expected[heard:])       # nothing lost, nothing twice
    assert playback.buffer.played_ms("item") == expected.size * 1000 // playback.rate


def test_a_stop_confirmed_by_the_server_counts_only_what_was_heard():
    playback, device = _speaker(lead_blocks=40)
    reply = (8000 + 4000 * sine(440, 0.6, amp=1.0)).astype(np.int16)
    playback.buffer.write("item", reply.tobytes())
    _run(playback, device, 12)
    playback.buffer.pause()
    playback._step()
    heard = np.count_nonzero(np.frombuffer(bytes(device.played), np.int16))
    item, heard_ms = playback.buffer.clear()            # speech_started: truncate
    fade_ms = playback.buffer.fade_samples * 1000 // playback.rate
    assert item == "item" and heard_ms == heard * 1000 // playback.rate + fade_ms


def test_a_stop_just_after_a_reply_starts_gives_back_only_that_reply():
    """The silence the speaker writes between replies is in the device too: a stop while it
    still holds some of it gives back the new reply's start, never the last reply's end."""
    playback, device = _speaker(lead_blocks=40)
    last = (8000 + 4000 * sine(440, 0.31, amp=1.0)).astype(np.int16)     # all positive
    playback.buffer.write("last", last.tobytes())
    playback.buffer.finish("last")
    _run(playback, device, 40)                  # played out, then silence between replies
    new = (-8000 + 4000 * sine(440, 0.3, amp=1.0)).astype(np.int16)      # all negative
    playback.buffer.write("new", new.tobytes())
    playback.buffer.finish("new")
    while not any(np.frombuffer(bytes(device.held), np.int16) < 0):
        playback._step()                        # the new reply reaches the device...
    assert any(np.frombuffer(bytes(device.held), np.int16) == 0)     # ...behind silence
    playback.buffer.pause()
    playback._step()
    playback.buffer.resume()
    start = len(device.played) // 2
    _run(playback, device, 40)
    after = np.frombuffer(bytes(device.played), np.int16)[start:]
    assert not (after > 0).any()                # the last reply is not played again
    assert playback.buffer.played_ms("last") >= 290
