"""The client session against the embedded server, in both dialects, schema-checked both ways."""

from __future__ import annotations

import asyncio
import json

import pytest

from assistant.errors import (
    ApiKeyRejected,
    BetaProtocolDisabled,
    EndpointUnreachable,
    SessionExpired,
)
from assistant.realtime.endpoint import Endpoint
from assistant.realtime.session import RealtimeSession
from assistant.sim import SimServer
from tests.helpers import frames, open_session, round_trip, speech

DIALECTS = pytest.mark.parametrize("dialect", ["ga", "beta"])


def collect(session: RealtimeSession) -> list[dict]:
    got: list[dict] = []
    session.listeners.append(got.append)
    return got


@DIALECTS
async def test_text_turn(sim, dialect):
    session = await open_session(sim.url, dialect=dialect, mode="none")
    got = collect(session)
    session.add_text_message("what time is it")
    assert session.create_response()
    done = await session.wait_for("response.done", 10)
    transcript = "".join(e["delta"] for e in got
                         if e["type"] == "response.output_audio_transcript.delta")
    assert transcript == 'You said: "what time is it".'
    assert done["response"]["status"] == "completed"
    assert done["response"]["usage"]["output_tokens"] > 0
    audio_item = done["response"]["output"][0]["id"]
    assert session.received_ms(audio_item) > 500       # real speech, not a blip
    assert not session.response_active
    await session.close()
    assert sim.wire.check() > 20


@DIALECTS
async def test_audio_turn_with_server_vad(sim, dialect):
    session = await open_session(sim.url, dialect=dialect, mode="server_vad")
    got = collect(session)
    for frame in frames(speech("hello there, how are you")):
        session.append_audio(frame)
    done = await session.wait_for("response.done", 10)
    kinds = [e["type"] for e in got]
    assert kinds.index("input_audio_buffer.speech_started") < kinds.index(
        "input_audio_buffer.speech_stopped") < kinds.index("input_audio_buffer.committed")
    started = next(e for e in got if e["type"] == "input_audio_buffer.speech_started")
    user_item = next(e["item"] for e in got if e["type"] == "conversation.item.added"
                     and e["item"].get("role") == "user")
    assert user_item["id"] == started["item_id"]
    said = next(e for e in got
                if e["type"] == "conversation.item.input_audio_transcription.completed")
    assert said["transcript"].endswith("s of speech)")
    transcript = done["response"]["output"][0]["content"][0]["transcript"]
    assert transcript.startswith("I heard ") and " seconds of speech. " in transcript
    await session.close()
    sim.wire.check()


@DIALECTS
async def test_push_to_talk_turn(sim, dialect):
    session = await open_session(sim.url, dialect=dialect, mode="none")
    got = collect(session)
    for frame in frames(speech("one two three", silence_ms=0)):
        session.append_audio(frame)
    session.commit()
    session.create_response()
    done = await session.wait_for("response.done", 10)
    assert "input_audio_buffer.speech_started" not in [e["type"] for e in got]
    seconds = float(done["response"]["output"][0]["content"][0]["transcript"].split()[2])
    assert 0.5 < seconds < 3.0
    await session.close()
    sim.wire.check()


@DIALECTS
async def test_barge_in_truncates_at_min_of_played_and_received(sim, dialect):
    session = await open_session(sim.url, dialect=dialect, mode="server_vad")
    got = collect(session)
    session.add_text_message("tell me a long story about the sea and the sky")
    session.create_response()
    first = await session.wait_for("response.output_audio.delta", 5)
    item_id = first["item_id"]
    await session.wait_for("response.output_audio.delta", 5)
    # Asking past what was received is clamped to what was received.
    assert session.truncate(item_id, 10**6) == session.received_ms(item_id)
    truncated = await session.wait_for("conversation.item.truncated", 5)
    assert truncated["audio_end_ms"] == session.received_ms(item_id) or \
        truncated["audio_end_ms"] <= session.received_ms(item_id)
    # Then the user talks over it: server VAD cancels the response.
    for frame in frames(speech("stop please")):
        session.append_audio(frame)
    cancelled = await session.wait_for(
        lambda e: e["type"] == "response.done" and e["response"]["status"] == "cancelled", 5)
    assert cancelled["response"]["status_details"]["reason"] == "turn_detected"
    assert not [e for e in got if e["type"] == "error"]
    assert session.truncate("item_never_heard", 500) is None
    await session.close()
    sim.wire.check()


@DIALECTS
async def test_function_call_round_trip(sim, dialect):
    tool = {"type": "function", "name": "get_weather", "description": "Weather for a city",
            "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}
    session = await open_session(sim.url, dialect=dialect, mode="none", tools=[tool])
    session.add_text_message('please call get_weather {"city": "Oslo"}')
    call_done = session.wait_for("response.function_call_arguments.done", 5)
    first_done = session.wait_for("response.done", 5)
    session.create_response()
    call = await call_done
    assert json.loads(call["arguments"]) == {"city": "Oslo"}
    call_item = (await first_done)["response"]["output"][0]
    assert call_item["type"] == "function_call" and call_item["name"] == "get_weather"
    assert call.get("name", "get_weather") == "get_weather"   # beta events carry no name
    session.function_output(call["call_id"], json.dumps({"temp_c": 4}))
    session.create_response()
    done = await session.wait_for("response.done", 10)
    text = done["response"]["output"][0]["content"][0]["transcript"]
    assert text == 'The get_weather tool returned: {"temp_c": 4}'
    await session.close()
    sim.wire.check()


@DIALECTS
async def test_server_error_is_surfaced_and_session_survives(sim, dialect):
    session = await open_session(sim.url, dialect=dialect, mode="none")
    bad_id = session.send({"type": "conversation.item.delete", "item_id": "item_missing"})
    error = await session.wait_for("error", 5)
    assert error["error"]["event_id"] == bad_id
    assert error["error"]["param"] == "item_id"
    session.add_text_message("still there?")
    session.create_response()
    assert (await session.wait_for("response.done", 10))["response"]["status"] == "completed"
    await session.close()


async def test_text_only_session_streams_output_text(sim):
    session = await open_session(sim.url, mode="none", output_modality="text")
    got = collect(session)
    session.add_text_message("hi")
    session.create_response()
    await session.wait_for("response.done", 5)
    text = "".join(e["delta"] for e in got if e["type"] == "response.output_text.delta")
    assert text == 'You said: "hi".'
    assert not [e for e in got if e["type"] == "response.output_audio.delta"]
    await session.close()
    sim.wire.check()


async def test_audio_is_held_until_session_updated(sim):
    session = RealtimeSession(Endpoint(base_url=sim.url, api_key="k"))
    await session.connect()
    session.append_audio(bytes(960))
    session.append_audio(bytes(960))
    await round_trip(session)
    assert "input_audio_buffer.append" not in sim.wire.types("in")
    session.update_session({"type": "realtime", "instructions": "be brief"})
    await session.wait_for("session.updated", 5)
    await round_trip(session)
    appends = [e for d, e, _ in sim.wire.events if d == "in"
               and e["type"] == "input_audio_buffer.append"]
    assert len(appends) == 1 and len(appends[0]["audio"]) == 2560   # 1920 bytes as base64
    first_update = sim.wire.types("in").index("session.update")
    assert sim.wire.types("in").index("input_audio_buffer.append") > first_update
    await session.close()


async def test_response_create_is_deferred_while_one_is_active(sim):
    session = await open_session(sim.url, mode="none")
    got = collect(session)
    session.add_text_message("first")
    assert session.create_response() is True
    assert session.create_response() is False           # deferred, not sent
    second = session.wait_for(
        lambda e: e["type"] == "response.created" and session.response_id is not None
        and [x["type"] for x in got].count("response.done") == 1, 10)
    await second                                         # the deferred one ran afterwards
    await session.wait_for("response.done", 10)
    assert sim.wire.types("in").count("response.create") == 2
    assert not [e for e in got if e["type"] == "error"]
    await session.close()


async def test_wrong_key_is_rejected_at_handshake():
    async with SimServer(api_key="right") as server:
        session = RealtimeSession(Endpoint(base_url=server.url, api_key="wrong"))
        with pytest.raises(ApiKeyRejected, match="rejected the API key"):
            await session.connect()
        ok = RealtimeSession(Endpoint(base_url=server.url, api_key="right", auth="api-key"))
        await ok.connect()
        await ok.close()


async def test_unreachable_endpoint_names_it():
    session = RealtimeSession(Endpoint(base_url="ws://127.0.0.1:9/v1", api_key="k"))
    with pytest.raises(EndpointUnreachable, match=r"127\.0\.0\.1:9/v1"):
        await session.connect(timeout=2)


async def test_beta_refused_endpoint_says_so():
    async with SimServer(reject_beta=True) as server:
        session = RealtimeSession(Endpoint(base_url=server.url, api_key="k", dialect="beta"))
        with pytest.raises(BetaProtocolDisabled, match="no longer speaks the beta"):
            await session.connect()


async def test_session_time_limit_closes_with_1001():
    async with SimServer(max_session_s=0.3) as server:
        session = RealtimeSession(Endpoint(base_url=server.url, api_key="k"))
        await session.connect()
        reason = await asyncio.wait_for(session.closed, 5)
        assert isinstance(reason, SessionExpired)
        assert not session.is_open


async def test_a_new_speed_waits_for_the_reply_in_progress(sim):
    """The service takes a voice's speed only between turns: sent after response.done."""
    from assistant.realtime.session_config import SessionSettings, build_session

    session = await open_session(sim.url, mode="none")
    sent: list[dict] = []
    session.sent_listeners.append(sent.append)
    session.add_text_message("tell me something long")
    session.create_response()
    await session.wait_for("response.created", 10)
    session.update_session(build_session(SessionSettings(speed=1.25)))
    assert not any(e["type"] == "session.update" for e in sent)       # held, not refused
    await session.wait_for("response.done", 10)
    updated = await session.wait_for("session.updated", 10)
    assert updated["session"]["audio"]["output"]["speed"] == 1.25
    assert [e["type"] for e in sent].count("session.update") == 1
