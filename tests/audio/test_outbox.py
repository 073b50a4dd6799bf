"""The one hand-off from PortAudio's thread to the loop."""

from __future__ import annotations

import asyncio
import threading
import time

import numpy as np

from assistant.audio.outbox import FrameOutbox


def test_outbox_drops_the_oldest_and_counts():
    loop = asyncio.new_event_loop()
    try:
        outbox = FrameOutbox(loop, max_frames=5)
        outbox.from_audio_thread(np.arange(8)[:, None] * np.ones((8, 4), int), time.perf_counter())
        loop.run_until_complete(asyncio.sleep(0))
        kept = outbox.take()
        assert [int(f[0]) for f in kept] == [3, 4, 5, 6, 7] and outbox.drops == 3
        assert len(outbox.latency_s) == 1
    finally:
        loop.close()


async def test_frames_from_another_thread_arrive_in_order():
    outbox = FrameOutbox(asyncio.get_running_loop(), max_frames=1000)
    blocks = [np.full((2, 4), n) for n in range(100)]
    got: list[int] = []
    done = asyncio.get_running_loop().create_future()

    def ready() -> None:                         # on the loop, as each block arrives
        got.extend(int(f[0]) for f in outbox.take())
        if len(got) == 200:
            done.set_result(None)

    outbox.on_ready = ready
    thread = threading.Thread(target=lambda: [outbox.from_audio_thread(b, time.perf_counter())
                                               for b in blocks])
    thread.start()
    await asyncio.wait_for(done, 5)
    thread.join()
    assert got == [n for n in range(100) for _ in range(2)] and outbox.drops == 0


async def test_a_closed_loop_silences_the_hand_off():
    loop = asyncio.new_event_loop()
    outbox = FrameOutbox(loop)
    loop.close()
    outbox.from_audio_thread(np.zeros((1, 4)), time.perf_counter())   # must not raise
    outbox.from_audio_thread(np.zeros((1, 4)), time.perf_counter())


async def test_the_microphones_level_is_stirred_on_the_loop_when_it_carries_sound():
    """A resting meter wakes on the hand-off's own wake-up, and only for a sound."""
    from assistant.audio.capture import CaptureProcessor
    from assistant.audio.levels import LevelHolder
    from assistant.config import WIRE_RATE

    loop = asyncio.get_running_loop()
    outbox, level = FrameOutbox(loop), LevelHolder()
    outbox.level = level
    processor = CaptureProcessor(WIRE_RATE, 1, outbox.from_audio_thread, level)
    stirred: list[bool] = []
    level.on_stir = lambda: stirred.append(threading.current_thread() is threading.main_thread())
    arrived = asyncio.Event()
    outbox.on_ready = arrived.set
    tone = (8000 * np.sin(np.arange(4800) / 5)).astype(np.int16)
    for block, expected in ((np.zeros(4800, np.int16), []), (tone, [True])):
        arrived.clear()
        thread = threading.Thread(target=processor.process, args=(block.tobytes(),))
        thread.start()
        await asyncio.wait_for(arrived.wait(), 5)
        thread.join()
        assert stirred == expected
