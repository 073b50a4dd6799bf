"""A device that goes away mid-stream: the thread backs off, ends, and says why."""

from __future__ import annotations

import asyncio
import threading
import time

import numpy as np

from assistant.audio.capture import Capture
from assistant.audio.devices import DeviceCatalog
from assistant.audio.engine import AudioEngine
from assistant.audio.outbox import FrameOutbox
from assistant.audio.stream_thread import GIVE_UP_S, RETRY_S
from tests.fakes import FakePyAudio


def wait(condition, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)


def test_capture_does_not_read_before_the_device_has_samples():
    """PortAudio's ALSA read holds a core while it waits for a waking device: sleep instead."""
    fake = FakePyAudio()
    catalog = DeviceCatalog(lambda: fake)
    got = []
    capture = Capture(catalog, catalog.find("input"), lambda frames, _t: got.append(len(frames)))
    stream = fake.stream("input")
    reads = []
    real_read = stream.read
    stream.read = lambda n, **kw: (reads.append(n), real_read(n, **kw))[1]
    polls = []
    real_available = stream.get_read_available
    stream.get_read_available = lambda: (polls.append(1), real_available())[1]
    capture.start()
    wait(lambda: len(polls) >= 20)               # the thread asked many times...
    assert len(polls) >= 20 and reads == []      # ...and started no read: nothing was there
    stream.push(np.zeros(48_000 // 5 * 2, np.int16).tobytes())      # 200 ms, stereo
    wait(lambda: sum(got) >= 9)
    capture.close()
    assert sum(got) >= 9 and reads


def test_an_unplugged_device_ends_its_thread_with_a_reason_and_does_not_spin():
    fake = FakePyAudio()
    engine = AudioEngine(lambda: fake)

    async def run() -> None:
        assert engine.open(FrameOutbox(asyncio.get_running_loop())) == []
        mic = fake.stream("input")
        mic.push(np.zeros(4800 * 2, np.int16).tobytes())
        while mic.pending_bytes:                 # the thread reads what the device has
            await asyncio.sleep(0.01)
        assert engine.failures() == []
        started = time.monotonic()
        mic.unplug()
        fake.stream("output").unplug()
        assert engine.buffer is not None         # a reply comes: a resting speaker starts
        engine.buffer.write("item", np.zeros(2400, np.int16).tobytes())
        while len(engine.failures()) < 2 and time.monotonic() - started < 5:
            await asyncio.sleep(0.02)

    asyncio.run(run())
    assert engine.failures() == [
        "The microphone 'Fake Microphone' stopped working (Unanticipated host error).",
        "The speaker 'Fake Speaker' stopped working (Unanticipated host error)."]
    most = GIVE_UP_S / RETRY_S + 5               # a spinning thread would fail thousands of times
    assert 2 <= engine.capture.errors <= most and 2 <= engine.playback.errors <= most
    engine.capture._thread._thread.join(2)         # it reports, then returns: wait for the end
    assert not engine.capture._thread._thread.is_alive()
    engine.terminate()


def test_a_passing_error_is_retried_and_forgotten():
    fake = FakePyAudio()
    catalog = DeviceCatalog(lambda: fake)
    got = []
    capture = Capture(catalog, catalog.find("input"), lambda frames, _t: got.append(len(frames)))
    capture.start()
    stream = fake.stream("input")
    for _ in range(3):
        stream.fail_next(OSError(-9999, "Unanticipated host error"))
    stream.push(np.zeros(48_000 // 5 * 2, np.int16).tobytes())
    wait(lambda: sum(got) >= 9)
    capture.close()
    assert sum(got) >= 9 and capture.errors == 3 and capture.failure is None


def test_a_hung_device_is_reported_and_never_closed_or_terminated_under_its_thread():
    """libpulse can deadlock when its server dies; closing a stream (or PortAudio) under the
    thread stuck in it corrupts the heap, so the stream is left alone and reported."""
    fake = FakePyAudio()
    engine = AudioEngine(lambda: fake)

    async def run() -> threading.Event:
        assert engine.open(FrameOutbox(asyncio.get_running_loop())) == []
        release = fake.stream("input").hang()
        started = time.monotonic()
        while not engine.failures() and time.monotonic() - started < 5:
            await asyncio.sleep(0.02)
        return release

    release = asyncio.run(run())
    try:
        assert engine.failures() == [
            "The microphone 'Fake Microphone' stopped working "
            "(no answer from it for over a second)."]
        mic = fake.stream("input")
        engine.terminate()
        assert not mic.closed and not fake.terminated       # left alone, not corrupted
        assert fake.stream("output").closed                 # the healthy one closes as usual
    finally:
        release.set()
