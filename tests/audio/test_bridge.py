"""The bridge between devices and a real session against the embedded server."""

from __future__ import annotations

import asyncio
import time

import numpy as np

from assistant.audio.bridge import MIN_PTT_S, AudioBridge, FrameOutbox
from assistant.audio.playback_buffer import PlaybackBuffer
from assistant.config import FRAME_SAMPLES
from tests.helpers import open_session, speech

RATE = 48_000


def as_frames(pcm: bytes) -> np.ndarray:
    samples = np.frombuffer(pcm, dtype=np.int16)
    n = samples.size // FRAME_SAMPLES
    return samples[: n * FRAME_SAMPLES].reshape(n, FRAME_SAMPLES)


async def feed(outbox: FrameOutbox, pcm: bytes, per_block: int = 2) -> None:
    """Hand frames over as PortAudio's thread would, a device block at a time."""
    frames = as_frames(pcm)
    for start in range(0, len(frames), per_block):
        outbox.from_audio_thread(frames[start:start + per_block], time.perf_counter())
        await asyncio.sleep(0)


async def play(buffer: PlaybackBuffer, ms: int) -> None:
    """Consume like a device would (10 ms blocks), letting the loop run in between."""
    for _ in range(ms // 10):
        buffer.read(RATE // 100)
        await asyncio.sleep(0)


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


async def test_push_to_talk_turn_and_tap(sim):
    session = await open_session(sim.url, mode="none")
    buffer = PlaybackBuffer(RATE)
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), buffer, mode="ptt")
    bridge.attach(session)
    await feed(bridge.outbox, speech("ignored before the press", 0))
    bridge.press()
    assert bridge.release() is False                      # a tap: nothing committed
    bridge.press()
    await feed(bridge.outbox, speech("what is the weather", 100))
    await asyncio.sleep(MIN_PTT_S)
    done = session.wait_for("response.done", 10)
    assert bridge.release() is True
    reply = await done
    sent = sim.wire.types("in")
    assert sent.count("input_audio_buffer.commit") == 1 and sent.count("response.create") == 1
    heard = float(reply["response"]["output"][0]["content"][0]["transcript"].split()[2])
    assert 0.8 < heard < 2.5                              # the pressed speech, not the earlier
    await play(buffer, 200)
    assert buffer.played_ms(reply["response"]["output"][0]["id"]) >= 150
    await bridge.close()
    await session.close()


async def test_speech_over_the_reply_clears_and_truncates_at_what_was_heard(sim):
    session = await open_session(sim.url, mode="server_vad")
    buffer = PlaybackBuffer(RATE)
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), buffer, mode="vad",
                         echo_guard=False)
    bridge.attach(session)
    session.add_text_message("tell me a long story about the sea and the sky and the stars")
    session.create_response()
    first = await session.wait_for("response.output_audio.delta", 5)
    item_id = first["item_id"]
    await play(buffer, 300)
    heard = buffer.played_ms(item_id)
    truncated = session.wait_for("conversation.item.truncated", 5)
    answer = session.wait_for(lambda e: e["type"] == "response.done"
                              and e["response"]["status"] == "completed", 10)
    await feed(bridge.outbox, speech("stop stop"))
    event = await truncated
    assert bridge.truncations == [(item_id, event["audio_end_ms"])]
    assert event["audio_end_ms"] == min(heard, session.received_ms(item_id))
    await asyncio.sleep(0.2)
    await play(buffer, 300)                               # late deltas of the cut item: dropped
    assert buffer.played_ms(item_id) == heard
    reply = await answer                                  # "stop stop" gets its own reply
    assert reply["response"]["output"][0]["id"] != item_id
    await bridge.close()
    await session.close()
    sim.wire.check()


async def test_echo_guard_sends_silence_for_echo_and_passes_louder_speech():
    buffer = PlaybackBuffer(24_000)
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), buffer, mode="vad")
    loud = np.full(FRAME_SAMPLES * 40, 8000, np.int16).tobytes()
    buffer.write("a", loud)
    buffer.read(FRAME_SAMPLES * 2)                        # playing at about -12 dBFS
    bridge._note_output_level()
    echo = np.full(FRAME_SAMPLES, 4000, np.int16)         # -18 dBFS: quieter than playback
    assert not bridge._gate(echo).any() and bridge.frames_gated == 1
    voice = np.full(FRAME_SAMPLES, 24000, np.int16)       # -2.7 dBFS: clearly louder
    assert bridge._gate(voice) is voice
    bridge.ptt_active = True                              # holding the key: always passes
    assert bridge._gate(echo) is echo
    bridge.ptt_active, bridge.echo_guard = False, False
    assert bridge._gate(echo) is echo


async def test_echo_guard_learns_the_coupling():
    buffer = PlaybackBuffer(24_000)
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), buffer, mode="ptt")
    buffer.write("a", np.full(FRAME_SAMPLES * 400, 8000, np.int16).tobytes())
    buffer.read(FRAME_SAMPLES * 2)
    bridge._note_output_level()                                  # playing at -12 dBFS
    quiet_user = np.full(FRAME_SAMPLES, 1000, np.int16)          # -30 dBFS
    assert not bridge._gate(quiet_user).any()                    # unlearned: assume loud echo
    for _ in range(50):                                          # headphones: mic hears nothing
        bridge._gate(np.full(FRAME_SAMPLES, 3, np.int16))
    assert bridge.echo_coupling_db() < -60
    assert bridge._gate(quiet_user) is quiet_user                # normal speech now passes
    for _ in range(100):                                         # laptop speakers: echo at -14
        bridge._gate(np.full(FRAME_SAMPLES, 6400, np.int16))
    assert -3 < bridge.echo_coupling_db() < -1
    assert not bridge._gate(np.full(FRAME_SAMPLES, 8000, np.int16)).any()   # echo-level: gated
    loud = np.full(FRAME_SAMPLES, 20000, np.int16)               # 10 dB over the echo
    assert bridge._gate(loud) is loud


async def test_local_onset_pauses_playback_and_resumes_without_confirmation(monkeypatch):
    monkeypatch.setattr("assistant.audio.bridge.CONFIRM_S", 0.05)
    buffer = PlaybackBuffer(24_000)
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), buffer, mode="vad")
    buffer.write("a", np.full(FRAME_SAMPLES * 40, 3000, np.int16).tobytes())
    buffer.read(FRAME_SAMPLES)
    bridge._note_output_level()
    voice = np.full(FRAME_SAMPLES, 24000, np.int16)
    for _ in range(3):
        bridge._gate(voice)
    assert buffer.paused
    await asyncio.sleep(0.1)
    assert not buffer.paused and buffer.active            # not confirmed: nothing was lost


async def test_intents_on_a_dropped_session_do_not_raise(sim):
    session = await open_session(sim.url, mode="none")
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), PlaybackBuffer(RATE),
                         mode="ptt")
    bridge.attach(session)
    await session.close()                      # the socket is gone, the bridge not yet told
    bridge.press()
    bridge.interrupt()
    await asyncio.sleep(MIN_PTT_S)
    assert bridge.release() is False
    await bridge.close()


async def test_frames_reach_the_loop_only_when_wanted():
    loop = asyncio.get_running_loop()
    bridge = AudioBridge(FrameOutbox(loop), None, mode="ptt")
    frames = np.zeros((1, FRAME_SAMPLES), np.int16)
    bridge.outbox.from_audio_thread(frames, time.perf_counter())
    await asyncio.sleep(0)
    assert not bridge.outbox.wanted() and bridge.outbox.take() == []
    bridge.ptt_active = True
    bridge.outbox.from_audio_thread(frames, time.perf_counter())
    await asyncio.sleep(0)
    assert len(bridge.outbox.take()) == 1
    bridge.ptt_active, bridge.mode = False, "vad"
    assert bridge.outbox.wanted()
    bridge.muted = True
    assert not bridge.outbox.wanted()
