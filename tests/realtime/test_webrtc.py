"""The WebRTC transport against the embedded server's calls (aiortc at both ends, Opus audio,
events on the `oai-events` channel): a text turn, speech into server VAD, a barge-in, a tool
call, a dropped call and refused keys. The `sim` fixture checks every event that crossed the
data channel against the openai package's models, as it does a WebSocket's."""

from __future__ import annotations

import asyncio

import numpy as np
import pytest

from assistant.errors import (
    ApiKeyRejected,
    ClientSecretRefused,
    ConnectionLost,
    EndpointUnreachable,
)
from assistant.realtime.endpoint import Endpoint
from assistant.realtime.session import RealtimeSession
from assistant.sim import SimServer
from tests.helpers import WireLog, frames, open_session, speech, until
from tests.pulse import windowed_scores

CLOCK = {"type": "function", "name": "clock", "description": "the time", "parameters": {}}


async def open_call(server: SimServer, *, key: str = "test-key", mode: str = "none",
                    ephemeral: bool = False, **settings) -> RealtimeSession:
    return await open_session(server.url, key=key, mode=mode, transport="webrtc",
                              ephemeral=ephemeral, **settings)


class Heard:
    """What the client's track brought, and what the server's track was fed."""

    def __init__(self, session: RealtimeSession, server: SimServer) -> None:
        self.got: dict[str, bytearray] = {}
        self.fed = bytearray()
        self.events: list[dict] = []
        session.audio.listeners.append(
            lambda item, pcm: self.got.setdefault(item, bytearray()).extend(pcm))
        session.listeners.append(self.events.append)
        server.on_call_audio = lambda _item, pcm: self.fed.extend(pcm)

    def types(self) -> list[str]:
        return [e["type"] for e in self.events]


async def test_a_text_turn_is_heard_on_the_track_as_the_server_played_it(sim):
    session = await open_call(sim)
    heard = Heard(session, sim)
    session.add_text_message("what time is it")
    session.create_response()
    stopped = await session.wait_for("output_audio_buffer.stopped", 20)
    kinds = heard.types()
    assert "response.output_audio.delta" not in kinds          # audio never rides the channel
    assert kinds.index("output_audio_buffer.started") < kinds.index("response.done") \
        < kinds.index("output_audio_buffer.stopped")
    [item] = heard.got
    done = next(e for e in heard.events if e["type"] == "response.done")
    assert done["response"]["output"][0]["id"] == item
    assert stopped["response_id"] == done["response"]["id"]
    fed = np.frombuffer(bytes(heard.fed), np.int16)
    got = np.frombuffer(bytes(heard.got[item]), np.int16)
    assert abs(got.size - fed.size) < 0.1 * fed.size, (got.size, fed.size)
    scores = windowed_scores(fed, got)                 # Opus keeps the waveform of speech
    assert scores and np.mean(np.array(scores) > 0.8) >= 0.8, scores
    assert session.received_ms(item) == got.size * 1000 // 24_000
    await session.close()


async def test_speech_sent_on_the_track_is_heard_by_server_vad(sim):
    session = await open_call(sim, mode="server_vad")
    heard = Heard(session, sim)
    spoken = speech("hello there, how are you")
    done = session.wait_for("response.done", 20)
    for frame in frames(spoken):                       # as a microphone delivers it
        session.append_audio(frame)
        await asyncio.sleep(0.02)
    await done
    kinds = heard.types()
    assert kinds.index("input_audio_buffer.speech_started") < kinds.index(
        "input_audio_buffer.speech_stopped") < kinds.index("response.created")
    started = next(e for e in heard.events if e["type"] == "input_audio_buffer.speech_started")
    stopped = next(e for e in heard.events if e["type"] == "input_audio_buffer.speech_stopped")
    voiced_ms = (len(spoken) // 2 - 24 * 900) // 24
    assert abs((stopped["audio_end_ms"] - started["audio_start_ms"]) - voiced_ms) < 900
    await session.close()


@pytest.fixture
async def real_time_sim():
    """Replies generated at the pace they are spoken, as OpenAI's are: still going when cut."""
    async with SimServer(speed=1.0) as server:
        server.on_wire = server.wire = WireLog()
        yield server
    server.wire.check()


async def test_interrupting_cuts_the_servers_buffer_and_truncates_at_what_came(real_time_sim):
    sim = real_time_sim
    session = await open_call(sim)
    heard = Heard(session, sim)
    session.add_text_message("tell me a long story about the sea and the ships and the stars")
    session.create_response()
    await until(lambda: heard.got and session.received_ms(next(iter(heard.got))) > 600,
                timeout=15, message="0.6 s of the reply")
    [item] = heard.got
    assert session.audio.server_playing
    cleared = session.wait_for("output_audio_buffer.cleared", 5)
    truncated = session.wait_for("conversation.item.truncated", 5)
    ended = session.wait_for("response.done", 5)
    assert session.cancel_response()
    session.stop_output()
    sent_ms = session.truncate(item, 10**6)
    cleared, truncated, done = await cleared, await truncated, await ended
    assert done["response"]["status"] == "cancelled"
    assert cleared["response_id"] == done["response"]["id"]
    assert truncated["audio_end_ms"] == sent_ms <= session.received_ms(item)
    assert not session.audio.server_playing
    [call] = sim.calls.calls.values()
    assert not call.voice.queued                       # nothing left to play
    session.stop_output()                              # nothing playing: nothing sent
    await session.close()


async def test_a_tool_call_travels_the_data_channel(sim):
    session = await open_call(sim, tools=[CLOCK])
    heard = Heard(session, sim)
    session.add_text_message("call clock {}")
    session.create_response()
    args = await session.wait_for("response.function_call_arguments.done", 10)
    await session.wait_for("response.done", 10)
    session.function_output(args["call_id"], '{"time": "12:00"}')
    session.create_response()
    await session.wait_for("output_audio_buffer.stopped", 20)
    said = [e["transcript"] for e in heard.events
            if e["type"] == "response.output_audio_transcript.done"]
    assert said == ['The clock tool returned: {"time": "12:00"}']
    assert sum(len(pcm) for pcm in heard.got.values()) > 24_000   # more than 0.5 s heard
    await session.close()


async def test_a_call_the_server_hangs_up_is_a_lost_connection(sim):
    session = await open_call(sim)
    [call] = sim.calls.calls.values()
    await call.close()
    error = await asyncio.wait_for(session.closed, 15)
    assert isinstance(error, ConnectionLost) and error.retryable


async def test_a_peer_connection_stuck_in_closing_does_not_hold_the_hang_up(sim, monkeypatch):
    """aiortc's close awaits every sender's and receiver's task: one that never ends costs the
    app CLOSE_S, and the session still ends."""
    from assistant.realtime.transport import webrtc

    monkeypatch.setattr(webrtc, "CLOSE_S", 0.3)
    session = await open_call(sim)
    pc = session._transport._pc
    real_close = pc.close

    async def stuck() -> None:
        await asyncio.Event().wait()

    pc.close = stuck
    await asyncio.wait_for(session.close(), 3)
    assert not session.is_open
    await real_close()


async def test_output_buffer_clear_is_webrtc_only(sim):
    session = await open_session(sim.url, mode="none")
    session.stop_output()                              # a WebSocket client plays its own audio
    refused = session.wait_for("error", 5)
    session.send({"type": "output_audio_buffer.clear"})
    assert "only supported for WebRTC" in (await refused)["error"]["message"]
    await session.close()


@pytest.mark.parametrize("ephemeral, error", [(False, ApiKeyRejected),
                                               (True, ClientSecretRefused)])
async def test_a_refused_key_is_said_as_such(ephemeral, error):
    async with SimServer(api_key="sk-right") as server:
        with pytest.raises(error):
            await open_call(server, key="ek_made_up" if ephemeral else "sk-wrong",
                            ephemeral=ephemeral)
        assert not server.calls or not server.calls.calls


async def test_no_server_is_unreachable():
    session = RealtimeSession(Endpoint(base_url="ws://127.0.0.1:9/v1", api_key="k",
                                       transport="webrtc"))
    with pytest.raises(EndpointUnreachable):
        await session.connect(timeout=5)
