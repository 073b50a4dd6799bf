"""The self-test's turns against the embedded server in this process: typed words with a JPEG
picture, speech through the real bridge and playback buffer, and a WebRTC call (Opus on a track).
Each proves a part the bundle must carry: Qt's image plugins, the VAD and resampler, aiortc."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import TYPE_CHECKING

import numpy as np

from assistant.config import FRAME_SAMPLES, WIRE_RATE
from assistant.modes import TurnMode

if TYPE_CHECKING:
    from assistant.audio.outbox import FrameOutbox
    from assistant.realtime.session import RealtimeSession

Result = tuple[str, str]        # ("ok" | "warn" | "fail", a sentence)
TURN_TIMEOUT_S = 12.0


def check_turns() -> Result:
    return asyncio.run(asyncio.wait_for(_turns(), 2 * TURN_TIMEOUT_S))


async def _turns() -> Result:
    from assistant.sim import SimServer

    async with SimServer(speed=4.0) as server:
        text = await _text_turn(server.url)
        if not text.startswith("I see a 640 × 400 picture"):
            return "fail", f"the typed turn with a JPEG picture was answered: {text}"
        heard, played = await _spoken_turn(server.url)
        call_ms = await _webrtc_turn(server.url)
    return "ok", (f"typed turn with a picture ('{text}'); spoken turn ({heard}, {played} ms "
                  f"of reply audio out); WebRTC turn ({call_ms} ms of Opus audio in)")


async def _webrtc_turn(url: str) -> int:
    """aiortc, PyAV's Opus and the data channel, end to end."""
    session = await _open(url, TurnMode.PUSH_TO_TALK, "webrtc")
    got: list[int] = []
    session.audio.listeners.append(lambda _item, pcm: got.append(len(pcm)))
    try:
        stopped = session.wait_for("output_audio_buffer.stopped", TURN_TIMEOUT_S)
        session.add_text_message("self test")
        session.create_response()
        await stopped
    finally:
        await session.close()
    if not got:
        raise RuntimeError("no audio came on the WebRTC track")
    return sum(got) * 1000 // (WIRE_RATE * 2)


async def _open(url: str, mode: TurnMode, transport: str = "websocket") -> RealtimeSession:
    from assistant.realtime.endpoint import Endpoint
    from assistant.realtime.session import RealtimeSession
    from assistant.realtime.session_config import SessionSettings, TurnDetection, build_session

    session = RealtimeSession(Endpoint(base_url=url, api_key="self-test",
                                       transport="webrtc" if transport == "webrtc"
                                       else "websocket"))
    await session.connect(timeout=5)
    turn = TurnDetection(mode=mode)
    session.update_session(build_session(SessionSettings(turn_detection=turn)))
    await session.wait_for("session.updated", 5)
    return session


async def _text_turn(url: str) -> str:
    """Typed words with a photo-like picture: the bundle encodes and reads JPEG (a plugin)."""
    from PySide6.QtGui import QImage

    from assistant.pictures.prepare import prepare
    from assistant.realtime.events import user_picture

    noise = np.random.default_rng(7).integers(0, 255, (400, 640, 3), np.uint8).tobytes()
    photo = prepare(QImage(noise, 640, 400, 640 * 3, QImage.Format.Format_RGB888))
    if photo.kind != "jpeg":                         # what this turn is here to prove
        raise RuntimeError(f"a photo was encoded as {photo.kind}, not JPEG")
    session = await _open(url, TurnMode.PUSH_TO_TALK)
    try:
        done = session.wait_for("response.done", TURN_TIMEOUT_S)
        session.send(user_picture(photo.data_uri(), "low", "self test"))
        session.create_response()
        reply = await done
    finally:
        await session.close()
    content = reply["response"]["output"][0]["content"][0]
    return str(content.get("transcript") or content.get("text"))


async def _spoken_turn(url: str) -> tuple[str, int]:
    """Speech through the real bridge and playback buffer; no sound card needed."""
    from assistant.app.voice.bridge import AudioBridge
    from assistant.audio.outbox import FrameOutbox
    from assistant.audio.playback_buffer import PlaybackBuffer
    from assistant.sim import voice

    session = await _open(url, TurnMode.SERVER_VAD)
    buffer = PlaybackBuffer(48_000)
    bridge = AudioBridge(FrameOutbox(asyncio.get_running_loop(), max_frames=1000), buffer,
                         mode=TurnMode.SERVER_VAD)
    bridge.attach(session)
    try:
        done = session.wait_for("response.done", TURN_TIMEOUT_S)
        speech = await asyncio.to_thread(voice.synthesize, "hello, can you hear me")
        pcm = np.frombuffer(speech + bytes(WIRE_RATE * 2), np.int16)      # and 1 s of silence
        frames = pcm[: pcm.size // FRAME_SAMPLES * FRAME_SAMPLES].reshape(-1, FRAME_SAMPLES)
        feeder = threading.Thread(target=_feed, args=(bridge.outbox, frames), daemon=True)
        feeder.start()                                   # as PortAudio's thread would
        reply = await done
        played = 0
        for _ in range(3000):                            # 30 s of 10 ms device blocks at most
            if not buffer.active:
                break
            played += int(np.count_nonzero(buffer.read(480)))
            await asyncio.sleep(0)
    finally:
        bridge.close()
        await session.close()
    transcript = reply["response"]["output"][0]["content"][0]["transcript"]
    if played == 0:
        raise RuntimeError("the reply's audio never reached the playback buffer")
    return str(transcript), played * 1000 // 48_000


def _feed(outbox: FrameOutbox, frames: np.ndarray) -> None:
    for start in range(0, len(frames), 2):
        outbox.from_audio_thread(frames[start:start + 2], time.perf_counter())
        time.sleep(0.005)            # faster than real time; the server's VAD counts audio time
