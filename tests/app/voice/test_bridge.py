"""The bridge between devices and a real session against the embedded server."""

from __future__ import annotations

import asyncio
import base64
import time
from collections.abc import Callable

import numpy as np
import pytest

from assistant.app.voice.bridge import AudioBridge
from assistant.audio.echo_report import EchoReport
from assistant.audio.lookback import CONFIRM_WINDOW, HOLD_FRAMES, RELEASE_FRAMES, WAITED_WINDOW
from assistant.audio.outbox import FrameOutbox
from assistant.audio.playback_buffer import PlaybackBuffer
from assistant.audio.talk_over import DOUBT_S, QUIET_FRAMES
from assistant.config import FRAME_SAMPLES, MIN_PTT_S
from assistant.modes import TurnMode
from assistant.sim import voice
from tests.helpers import open_session, speech, until

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


async def test_push_to_talk_turn_and_tap(sim):
    session = await open_session(sim.url, mode="none")
    buffer = PlaybackBuffer(RATE)
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), buffer,
                         mode=TurnMode.PUSH_TO_TALK)
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
    bridge.close()
    await session.close()


async def test_a_press_during_the_last_turns_tail_sends_that_turn_first(sim):
    session = await open_session(sim.url, mode="none")
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), PlaybackBuffer(RATE),
                         mode=TurnMode.PUSH_TO_TALK)
    bridge.attach(session)
    bridge.press()
    await feed(bridge.outbox, speech("the first turn", 100))
    await asyncio.sleep(MIN_PTT_S)
    assert bridge.release() is True
    committed = session.wait_for("input_audio_buffer.committed", 5)
    bridge.press()                                        # again, before the tail was sent
    assert (await committed)["item_id"]                   # a turn with its audio, not empty
    await until(lambda: "input_audio_buffer.clear" in sim.wire.types("in")[-3:],
                message="the new turn began after it")
    sent = sim.wire.types("in")
    assert sent.index("input_audio_buffer.commit") < len(sent) - 1 - sent[::-1].index(
        "input_audio_buffer.clear")
    assert bridge.ptt_active
    bridge.close()
    await session.close()


async def test_speech_over_the_reply_clears_and_truncates_at_what_was_heard(sim):
    session = await open_session(sim.url, mode="server_vad")
    buffer = PlaybackBuffer(RATE)
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), buffer, mode=TurnMode.SERVER_VAD,
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
    # Heard: what the device took, and the fade's few ms if more of the reply had come by the
    # cut (the sim streams in real time, and a slow run lets more arrive: 308 was sent once).
    fade_ms = buffer.fade_samples * 1000 // RATE
    assert heard <= event["audio_end_ms"] <= min(heard + fade_ms, session.received_ms(item_id))
    reply = await answer                                  # "stop stop" gets its own reply
    assert reply["response"]["output"][0]["id"] != item_id
    await play(buffer, 300)                               # late deltas of the cut item: dropped
    assert buffer.played_ms(item_id) == heard
    bridge.close()
    await session.close()
    sim.wire.check()


def playing(buffer: PlaybackBuffer, bridge: AudioBridge, level: int = 8000) -> None:
    buffer.write("a", np.full(FRAME_SAMPLES * 40, level, np.int16).tobytes())
    buffer.read(FRAME_SAMPLES * 2)
    bridge.note_playback()


async def test_the_echo_guard_decides_only_while_the_assistant_is_audible():
    buffer = PlaybackBuffer(24_000)
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), buffer, mode=TurnMode.SERVER_VAD)
    echo = np.full(FRAME_SAMPLES, 4000, np.int16)         # -18 dBFS: quieter than playback
    assert [f is echo for f in bridge.mic_frame(echo)] == [True]   # nothing playing: it passes
    playing(buffer, bridge)                               # at about -12 dBFS
    for _ in range(HOLD_FRAMES + RELEASE_FRAMES - 1):     # held back while it plays
        assert bridge.mic_frame(echo) == []
    out = bridge.mic_frame(echo)
    assert len(out) == RELEASE_FRAMES and not any(f.any() for f in out)  # gated, 100 ms at once
    assert bridge.talk_over.guard.frames_gated == HOLD_FRAMES + RELEASE_FRAMES
    bridge.ptt_active = True                              # holding the key: always passes
    out = bridge.mic_frame(echo)
    assert len(out) == HOLD_FRAMES + 1 and out[-1] is echo   # what was held goes first, judged
    assert not any(f.any() for f in out[:-1])
    bridge.ptt_active, bridge.echo_guard = False, False
    assert [f is echo for f in bridge.mic_frame(echo)] == [True]


async def test_the_echo_guard_hears_of_every_block_played_not_only_the_newest():
    """The speaker's thread and the mic's run on two 20 ms clocks: two blocks can be played
    between two mic frames. A loud one written over before the bridge looked still counts, so
    its echo is not taken for the user."""
    buffer = PlaybackBuffer(24_000)
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), buffer, mode=TurnMode.SERVER_VAD)
    quiet, loud = np.full(FRAME_SAMPLES, 300, np.int16), np.full(FRAME_SAMPLES, 12000, np.int16)
    buffer.write("a", np.concatenate([quiet, loud, *[quiet] * 40]).tobytes())
    buffer.read(FRAME_SAMPLES)
    bridge.note_playback()
    buffer.read(FRAME_SAMPLES)                            # the loud block...
    buffer.read(FRAME_SAMPLES)                            # ... and a quiet one, before a look
    bridge.note_playback()
    echo = np.full(FRAME_SAMPLES, 9000, np.int16)         # the loud block's echo, 2.5 dB down
    assert not bridge.talk_over.guard.filter(echo).any()


def words_over(level: float, seconds: float = 0.2) -> np.ndarray:
    words = np.frombuffer(voice.synthesize("stop there"), np.int16).astype(np.int32) * level
    words = np.clip(words, -32768, 32767).astype(np.int16)
    n = int(seconds * 50)
    return words[: FRAME_SAMPLES * n].reshape(n, FRAME_SAMPLES)


async def test_local_onset_pauses_playback_and_resumes_without_confirmation(monkeypatch):
    monkeypatch.setattr("assistant.app.voice.bridge.CONFIRM_S", 0.05)
    buffer = PlaybackBuffer(24_000)
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), buffer, mode=TurnMode.SERVER_VAD)
    playing(buffer, bridge, 3000)
    for frame in words_over(3):                            # 10 dB over the echo
        bridge.mic_frame(frame)
    assert buffer.paused
    await until(lambda: not buffer.paused, timeout=2)     # not confirmed: it resumes
    assert buffer.active                                  # and nothing was lost


async def test_talking_over_the_reply_sends_what_was_held_as_it_came_and_loses_nothing():
    buffer = PlaybackBuffer(24_000)
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), buffer, mode=TurnMode.SERVER_VAD)
    playing(buffer, bridge, 3000)
    echo = [np.full(FRAME_SAMPLES, 1000 + k, np.int16) for k in range(8)]    # gated as echo
    words = list(words_over(3, 0.4))
    sent: list[np.ndarray] = []
    fed = 0
    for frame in echo + words:
        sent += bridge.mic_frame(frame)
        fed += 1
        if buffer.paused:                                 # the user talks over it: a local onset
            break
    early, onset_at = len(sent), fed
    assert buffer.paused and early >= 3 and not any(f.any() for f in sent)  # echo: silence
    assert len(bridge.lookback) == HOLD_FRAMES + 1        # the onset is a claim: nothing more left
    for frame in words[fed - len(echo):]:                 # they are still heard: confirmed
        sent += bridge.mic_frame(frame)
        fed += 1
        if bridge.lookback.confirmed:
            break
    came = (echo + words)[:fed]
    assert bridge.lookback.confirmed and buffer.paused and len(sent) == len(came)  # none lost
    assert fed - onset_at <= CONFIRM_WINDOW
    # where in the server's timeline the app found them (the benches time the detector by it)
    assert bridge.talk_over.onset_frames[0] == onset_at and bridge.talk_over.frames == fed
    assert all(a is b for a, b in zip(sent[early:], came[early:], strict=True))  # as they came
    after = words[fed - len(echo)]
    assert [f is after for f in bridge.mic_frame(after)] == [True]   # then each frame at once


async def test_echo_taken_for_the_user_for_two_frames_is_refuted_and_never_sent():
    """A canceller losing the room for a moment lets a burst of echo through as loud as a voice:
    a local onset. The echo falls away as playback pauses, so the claim is refuted within
    CONFIRM_WINDOW frames: the reply plays on at once and the server gets silence, not a burst
    its VAD would take for the user (a reply cut by its own echo)."""
    buffer = PlaybackBuffer(24_000)
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), buffer, mode=TurnMode.SERVER_VAD)
    playing(buffer, bridge, 3000)
    echo = np.full(FRAME_SAMPLES, 1000, np.int16)         # gated: under the playback
    burst = list(words_over(3))[6:8]                       # two frames of voice, over it
    sent: list[np.ndarray] = []
    for frame in [echo] * 6 + burst:
        sent += bridge.mic_frame(frame)
    assert buffer.paused and bridge.lookback.claimed
    for _ in range(CONFIRM_WINDOW):
        sent += bridge.mic_frame(echo)
    assert not buffer.paused and not bridge.lookback.claimed      # playing on, not 0.8 s later
    for _ in range(HOLD_FRAMES):
        sent += bridge.mic_frame(echo)
    assert len(sent) == 6 + 2 + CONFIRM_WINDOW and not any(f.any() for f in sent)


def unplugged(woke: bool = True) -> tuple[AudioBridge, PlaybackBuffer, EchoReport]:
    """A reply playing where no echo came back (the guard learned a silent mic); then the
    canceller wakes: an echo came (headphones unplugged), or the user talks over it."""
    buffer = PlaybackBuffer(24_000)
    report = EchoReport(state="on")
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), buffer,
                         mode=TurnMode.SERVER_VAD, echo=report)
    playing(buffer, bridge, 3000)
    for _ in range(50):
        bridge.mic_frame(np.zeros(FRAME_SAMPLES, np.int16))
    assert bridge.talk_over.guard.coupling_db() < -60
    if woke:
        report.woke_at = time.monotonic()
    return bridge, buffer, report


def spoken(text: str) -> list[np.ndarray]:
    return list(as_frames(voice.synthesize(text)))


def frames_until(done: Callable[[], bool], bridge: AudioBridge, frames: list[np.ndarray],
                 sent: list[np.ndarray]) -> int:
    """Feed frames until `done`; how many it took (what was sent is added to `sent`)."""
    for at, frame in enumerate(frames, start=1):
        sent += bridge.mic_frame(frame)
        if done():
            return at
    raise AssertionError("never came")


async def test_an_echo_that_came_back_is_refuted_once_its_tail_dies_and_the_guard_starts_again():
    """Headphones unplugged mid-reply: the echo passes a bar learned from a silent mic, and the
    paused reply's tail would bear the claim out. Just after the canceller woke, the claim waits
    for that tail to die, so the echo is refuted: silence to the server, the reply plays on,
    and the guard starts again from its safe guess, even if the second of doubt after the
    wake has ended by the time the claim is settled."""
    bridge, buffer, report = unplugged()
    echo, sent = spoken("the weather today is sunny and warm"), []
    onset = frames_until(lambda: buffer.paused, bridge, echo, sent)
    report.woke_at -= DOUBT_S                             # the claim waited; the doubt is over
    tail = echo[onset:onset + 5]                          # the device's and the path's delay
    quiet = [np.zeros(FRAME_SAMPLES, np.int16)] * (QUIET_FRAMES + WAITED_WINDOW)
    k = frames_until(lambda: not bridge.lookback.claimed, bridge, tail + quiet, sent)
    assert k == QUIET_FRAMES + WAITED_WINDOW and bridge.lookback.refuted
    assert not buffer.paused and not any(f.any() for f in sent)      # it plays on; silence sent
    assert bridge.talk_over.guard.coupling_db() == 0.0               # the safe guess again


@pytest.mark.parametrize("woke", [True, False])
async def test_the_user_who_woke_it_is_borne_out_over_a_pause_between_words(woke):
    """The user talking over the reply wakes the canceller as an echo would: their claim waits
    the echo's time too, then bears a pause between words, and all of it goes as it came.
    Where it did not wake (no canceller, or it was awake) the claim settles at once."""
    bridge, buffer, _ = unplugged(woke)
    words, sent = spoken("wait, wait, stop, I have another question for you"), []
    onset = frames_until(lambda: buffer.paused, bridge, words, sent)
    gap = [np.zeros(FRAME_SAMPLES, np.int16)] * 8         # "wait, ..." 160 ms
    after = words[onset:onset + QUIET_FRAMES] + gap + words[onset + QUIET_FRAMES:]
    k = frames_until(lambda: bridge.lookback.confirmed, bridge, after, sent)
    assert buffer.paused
    assert k > QUIET_FRAMES + len(gap) if woke else k <= CONFIRM_WINDOW
    fed = words[:onset] + after[:k]
    assert len(sent) >= len(fed) and all(a is b for a, b in zip(sent[-len(fed):], fed,
                                                                   strict=True))  # as they came
    assert bridge.talk_over.guard.coupling_db() < -60               # the room is as it was


async def test_intents_on_a_dropped_session_do_not_raise(sim):
    session = await open_session(sim.url, mode="none")
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), PlaybackBuffer(RATE),
                         mode=TurnMode.PUSH_TO_TALK)
    bridge.attach(session)
    await session.close()                      # the socket is gone, the bridge not yet told
    bridge.press()
    bridge.interrupt()
    await asyncio.sleep(MIN_PTT_S)
    assert bridge.release() is False
    bridge.close()


async def test_frames_reach_the_loop_only_when_wanted():
    loop = asyncio.get_running_loop()
    bridge = AudioBridge(FrameOutbox(loop), None, mode=TurnMode.PUSH_TO_TALK)
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


async def vad_bridge(sim) -> tuple[AudioBridge, object]:
    session = await open_session(sim.url, mode="server_vad")
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), None, mode=TurnMode.SERVER_VAD)
    bridge.attach(session)
    return bridge, session


async def test_a_sentence_cut_by_a_drop_is_not_sent_half_way_to_the_new_session(sim):
    bridge, old = await vad_bridge(sim)
    fresh = await open_session(sim.url, mode="server_vad")
    await feed(bridge.outbox, speech("the start of a sentence", 0))
    await until(lambda: bridge.user_speaking, message="the server hears the user")
    sent_before = bridge.frames_sent
    bridge.detach(dropped=True)                     # the connection drops mid-sentence
    bridge.attach(fresh)                            # and is back at once
    tail = speech("and the rest of it still going", 0)
    await feed(bridge.outbox, tail)
    assert bridge.frames_sent == sent_before        # the tail of the sentence is held back
    assert bridge.gate is not None and bridge.gate.dropped == len(as_frames(tail))
    await feed(bridge.outbox, bytes(2 * FRAME_SAMPLES * 20))          # a 400 ms pause
    question = speech("a new question", 600)
    await feed(bridge.outbox, question)
    # 300 ms without speech (the pause, and any quiet end of the tail) opened the gate; the
    # rest of the pause and the whole question went through
    sent = bridge.frames_sent - sent_before
    assert 5 + len(as_frames(question)) <= sent <= 20 + len(as_frames(question))
    bridge.close()
    await old.close()
    await fresh.close()


async def test_a_user_who_was_not_talking_loses_nothing_however_fast_the_reconnect(sim):
    bridge, session = await vad_bridge(sim)
    bridge.detach(dropped=True)
    bridge.attach(session)
    question = speech("straight away", 300)
    await feed(bridge.outbox, question)
    assert bridge.frames_sent == len(as_frames(question)) and bridge.gate is None
    bridge.close()
    await session.close()


async def test_talking_while_reconnecting_is_held_until_a_pause_and_ptt_needs_none(sim):
    bridge, session = await vad_bridge(sim)
    bridge.detach(dropped=True)
    await feed(bridge.outbox, speech("talking into the void", 0))     # no session listens
    bridge.attach(session)
    await feed(bridge.outbox, speech("still going on", 0))
    assert bridge.frames_sent == 0
    await feed(bridge.outbox, bytes(2 * FRAME_SAMPLES * 16))          # a pause
    question = speech("now the question", 300)
    await feed(bridge.outbox, question)
    assert bridge.frames_sent >= len(as_frames(question))
    bridge.mode = TurnMode.PUSH_TO_TALK
    bridge.detach(dropped=True)
    assert bridge.gate is None                                  # push-to-talk: press again
    bridge.close()
    await session.close()


async def test_while_the_user_talks_the_canceller_does_not_count_them_as_echo():
    report = EchoReport(state="on", holding=True)
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), PlaybackBuffer(24_000),
                         mode=TurnMode.SERVER_VAD, echo=report)
    assert bridge.talk_over.guard is bridge.talk_over._residue    # it holds: cleaned mic
    bridge.on_event({"type": "input_audio_buffer.speech_started", "audio_start_ms": 0,
                     "item_id": "item_1"})
    assert report.user_talking
    bridge.on_event({"type": "input_audio_buffer.speech_stopped", "audio_end_ms": 900,
                     "item_id": "item_1"})
    assert not report.user_talking
    report.holding = False
    assert bridge.talk_over.guard is bridge.talk_over._plain      # it let go: the plain mic


async def test_a_quiet_conversation_takes_100_ms_at_a_time_and_talk_or_a_reply_ends_that(sim):
    """Nobody talking and nothing playing for a while: the capture may hand on 100 ms at once;
    the user's speech (the server's speech_started) ends it, and the reply that follows is
    met 20 ms at a time (a response in progress keeps it live)."""
    from assistant.app.voice.mic_pace import QUIET_AFTER_S

    session = await open_session(sim.url, mode="server_vad")
    buffer = PlaybackBuffer(RATE)
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), buffer, mode=TurnMode.SERVER_VAD)
    bridge.attach(session)
    await until(lambda: session.configured)
    began = time.monotonic()
    while not bridge.outbox.quiet and time.monotonic() - began < QUIET_AFTER_S + 3:
        await feed(bridge.outbox, bytes(FRAME_SAMPLES * 2 * 5), per_block=5)
        await asyncio.sleep(0.1)
    assert bridge.outbox.quiet and time.monotonic() - began >= QUIET_AFTER_S
    started = session.wait_for("input_audio_buffer.speech_started", 10)
    await feed(bridge.outbox, speech("are you there", 0), per_block=5)
    await started
    assert bridge.outbox.quiet is False and bridge.user_speaking
    created = session.wait_for("response.created", 10)
    await feed(bridge.outbox, bytes(RATE), per_block=1)   # the pause that ends the turn
    await created
    assert bridge.outbox.quiet is False                   # a reply is coming
    await feed(bridge.outbox, bytes(FRAME_SAMPLES * 2 * 5), per_block=5)
    assert bridge.outbox.quiet is False                   # ...and it is still live
    bridge.close()
    await session.close()


async def test_one_append_per_hand_off_carries_every_frame_of_it(sim):
    session = await open_session(sim.url, mode="server_vad")
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), None, mode=TurnMode.SERVER_VAD)
    bridge.attach(session)
    await until(lambda: session.configured)

    def appends() -> list[dict]:
        return [e for d, e, _ in sim.wire.events
                if d == "in" and e["type"] == "input_audio_buffer.append"]
    pcm = (np.arange(FRAME_SAMPLES * 5) % 2000).astype(np.int16).tobytes()
    await feed(bridge.outbox, pcm, per_block=5)
    await until(lambda: appends())
    assert len(appends()) == 1 and base64.b64decode(appends()[0]["audio"]) == pcm
    bridge.close()
    await session.close()


async def test_muting_drops_what_was_held_and_unmuting_sends_only_what_comes_after():
    buffer = PlaybackBuffer(24_000)
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), buffer, mode=TurnMode.SERVER_VAD)
    playing(buffer, bridge)
    before = np.full(FRAME_SAMPLES, 4000, np.int16)
    assert bridge.mic_frame(before) == [] and len(bridge.lookback) == 1
    bridge.listen(muted=True)
    buffer.clear()                                        # the reply ends meanwhile
    bridge.talk_over.forget_playback()
    bridge.listen(muted=False)
    after = np.full(FRAME_SAMPLES, 100, np.int16)
    assert [f is after for f in bridge.mic_frame(after)] == [True]


async def test_over_webrtc_nothing_is_held_back_while_the_assistant_is_audible(sim):
    session = await open_session(sim.url, mode="server_vad", transport="webrtc")
    buffer = PlaybackBuffer(24_000)
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop()), buffer, mode=TurnMode.SERVER_VAD)
    bridge.attach(session)
    playing(buffer, bridge)
    echo = np.full(FRAME_SAMPLES, 4000, np.int16)
    out = bridge.mic_frame(echo)            # the server plays the track in real time
    assert len(out) == 1 and not out[0].any() and len(bridge.lookback) == 0
    bridge.close()
    await session.close()
