"""The embedded server as a protocol peer, driven by a raw WebSocket client (not our session)."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import signal
import subprocess
import sys

import numpy as np
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from assistant.sim import SimServer
from tests import oracle
from tests.helpers import frames, speech


class Raw:
    """A bare client: sends whatever it is given, reads events in order."""

    def __init__(self, ws, dialect: str = "ga") -> None:
        self.ws, self.dialect = ws, dialect

    async def send(self, event: dict | str | bytes) -> None:
        await self.ws.send(event if isinstance(event, str | bytes) else json.dumps(event))

    async def next(self, kind: str, timeout: float = 5.0) -> dict:
        async with asyncio.timeout(timeout):
            while True:
                event = json.loads(await self.ws.recv())
                oracle.validate(event, "server", self.dialect)
                if event["type"] == kind:
                    return event


async def raw_client(url: str, **kw) -> Raw:
    ws = await connect(url + "/realtime?model=gpt-realtime", **kw)
    client = Raw(ws, "beta" if "additional_headers" in kw else "ga")
    await client.next("session.created")
    return client


async def test_malformed_json_and_unknown_types_get_errors_and_socket_stays_open(sim):
    client = await raw_client(sim.url)
    await client.send("{not json")
    error = (await client.next("error"))["error"]
    assert error["type"] == "invalid_request_error" and error["code"] == "invalid_json"
    await client.send({"type": "no.such.event", "event_id": "e1"})
    error = (await client.next("error"))["error"]
    assert error["event_id"] == "e1" and error["param"] == "type"
    await client.send("[1, 2]")
    assert (await client.next("error"))["error"]["code"] == "invalid_json"
    await client.send({"type": "input_audio_buffer.clear"})
    await client.next("input_audio_buffer.cleared")


async def test_oversized_message_gets_error_carrying_event_id():
    async with SimServer(max_event_bytes=64 * 1024) as server:
        client = await raw_client(server.url)
        payload = base64.b64encode(bytes(100_000)).decode()
        await client.send({"event_id": "big1", "type": "input_audio_buffer.append",
                           "audio": payload})
        error = (await client.next("error"))["error"]
        assert error["code"] == "event_too_large" and error["event_id"] == "big1"
        await client.send({"type": "input_audio_buffer.clear"})
        await client.next("input_audio_buffer.cleared")


async def test_bad_base64_and_odd_lengths_are_rejected(sim):
    client = await raw_client(sim.url)
    await client.send({"type": "input_audio_buffer.append", "audio": "@@@", "event_id": "a1"})
    error = (await client.next("error"))["error"]
    assert error["param"] == "audio" and error["event_id"] == "a1"
    await client.send({"type": "input_audio_buffer.append", "audio": "AAA="})   # 2 bytes: ok
    await client.send({"type": "input_audio_buffer.append", "audio": "AA==", "event_id": "a2"})
    assert (await client.next("error"))["error"]["event_id"] == "a2"            # 1 byte: odd


async def test_session_update_is_checked_and_a_bad_one_changes_nothing(sim):
    client = await raw_client(sim.url)
    await client.send({"type": "session.update", "session": {"type": "realtime",
                                                              "instructions": "first"}})
    assert (await client.next("session.updated"))["session"]["instructions"] == "first"
    bad = [
        ({"type": "realtime", "instructions": "x", "modalities": ["audio"]}, "session.modalities"),
        ({"type": "realtime", "temperature": 0.8}, "session.temperature"),
        ({"type": "realtime", "audio": {"output": {"voice": "robot"}}},
         "session.audio.output.voice"),
        ({"type": "realtime", "audio": {"input": {"turn_detection": {
            "type": "server_vad", "threshold": 2}}}},
         "session.audio.input.turn_detection.threshold"),
        ({"type": "realtime", "audio": {"input": {"format": {"type": "audio/pcm",
                                                             "rate": 16000}}}},
         "session.audio.input.format.rate"),
        ({"instructions": "no type"}, "session.type"),
    ]
    for index, (session, param) in enumerate(bad):
        await client.send({"type": "session.update", "event_id": f"bad{index}",
                           "session": session})
        error = (await client.next("error"))["error"]
        assert (error["param"], error["event_id"]) == (param, f"bad{index}")
    await client.send({"type": "session.update", "session": {"type": "realtime"}})
    session = (await client.next("session.updated"))["session"]
    assert session["instructions"] == "first"
    assert session["audio"]["output"]["voice"] == "marin"


async def test_beta_dialect_accepts_flat_session_and_speaks_beta_names(sim):
    client = await raw_client(sim.url, additional_headers={"OpenAI-Beta": "realtime=v1"})
    await client.send({"type": "session.update", "session": {
        "modalities": ["text", "audio"], "voice": "ash", "temperature": 0.7,
        "input_audio_format": "pcm16", "turn_detection": None}})
    session = (await client.next("session.updated"))["session"]
    assert session["voice"] == "ash" and session["turn_detection"] is None
    await client.send({"type": "session.update", "session": {"audio": {}}, "event_id": "g1"})
    assert (await client.next("error"))["error"]["param"] == "session.audio"
    await client.send({"type": "conversation.item.create", "item": {
        "type": "message", "role": "user", "content": [{"type": "input_text", "text": "hi"}]}})
    await client.next("conversation.item.created")
    await client.send({"type": "response.create"})
    delta = await client.next("response.audio.delta")
    assert base64.b64decode(delta["delta"])
    done = await client.next("response.done")
    assert done["response"]["output"][0]["content"][0]["type"] == "audio"


async def test_response_rules_active_response_truncate_and_cancel(sim):
    client = await raw_client(sim.url)
    await client.send({"type": "conversation.item.create", "item": {
        "type": "message", "role": "user",
        "content": [{"type": "input_text", "text": "a fairly long sentence to speak"}]}})
    await client.send({"type": "response.create"})
    created = await client.next("response.created")
    await client.send({"type": "response.create", "event_id": "r2"})
    error = (await client.next("error"))["error"]
    assert error["code"] == "conversation_already_has_active_response"
    assert created["response"]["id"] in error["message"]
    delta = await client.next("response.output_audio.delta")
    await client.send({"type": "conversation.item.truncate", "item_id": delta["item_id"],
                       "content_index": 0, "audio_end_ms": 999_999, "event_id": "t1"})
    error = (await client.next("error"))["error"]
    assert error["param"] == "audio_end_ms" and "shorter than" in error["message"]
    await client.send({"type": "response.cancel"})
    done = await client.next("response.done")
    assert done["response"]["status"] == "cancelled"
    assert done["response"]["status_details"]["reason"] == "client_cancelled"
    await client.send({"type": "conversation.item.truncate", "item_id": delta["item_id"],
                       "content_index": 0, "audio_end_ms": 20})
    assert (await client.next("conversation.item.truncated"))["audio_end_ms"] == 20
    await client.send({"type": "session.update", "event_id": "v1", "session": {
        "type": "realtime", "audio": {"output": {"voice": "ash"}}}})
    assert (await client.next("error"))["error"]["code"] == "cannot_update_voice"
    await client.send({"type": "response.cancel", "event_id": "c2"})
    assert (await client.next("error"))["error"]["code"] == "response_cancel_not_active"


async def test_items_commit_delete_retrieve(sim):
    client = await raw_client(sim.url)
    await client.send({"type": "input_audio_buffer.commit", "event_id": "c0"})
    assert (await client.next("error"))["error"]["code"] == "input_audio_buffer_commit_empty"
    await client.send({"type": "conversation.item.create", "item": {
        "id": "item_mine", "type": "message", "role": "user",
        "content": [{"type": "input_text", "text": "hi"}]}})
    await client.next("conversation.item.done")
    await client.send({"type": "conversation.item.retrieve", "item_id": "item_mine"})
    assert (await client.next("conversation.item.retrieved"))["item"]["id"] == "item_mine"
    await client.send({"type": "conversation.item.create", "event_id": "o1", "item": {
        "type": "function_call_output", "call_id": "call_nope", "output": "{}"}})
    assert (await client.next("error"))["error"]["param"] == "item.call_id"
    await client.send({"type": "conversation.item.delete", "item_id": "item_mine"})
    await client.next("conversation.item.deleted")


async def test_semantic_vad_and_transcription_intent(sim):
    client = await raw_client(sim.url)
    await client.send({"type": "session.update", "session": {"type": "realtime", "audio": {
        "input": {"turn_detection": {"type": "semantic_vad", "eagerness": "high"}}}}})
    await client.next("session.updated")
    for frame in frames(speech("testing semantic detection")):
        await client.send({"type": "input_audio_buffer.append",
                           "audio": base64.b64encode(frame).decode()})
    await client.next("input_audio_buffer.speech_stopped")
    await client.next("response.done")
    ws = await connect(sim.url + "/realtime?intent=transcription")
    tx = Raw(ws)
    assert (await tx.next("session.created"))["session"]["type"] == "transcription"
    await tx.send({"type": "session.update", "session": {"type": "transcription", "audio": {
        "input": {"transcription": {"model": "gpt-4o-mini-transcribe"}}}}})
    await tx.next("session.updated")
    for frame in frames(speech("only transcribe this")):
        await tx.send({"type": "input_audio_buffer.append",
                       "audio": base64.b64encode(frame).decode()})
    done = await tx.next("conversation.item.input_audio_transcription.completed")
    assert done["transcript"].endswith("s of speech)")


async def test_handshake_checks_key_path_and_model():
    async with SimServer(api_key="sekret") as server:
        base = f"ws://127.0.0.1:{server.port}"
        for path, headers, status in [
            ("/v1/realtime?model=m", {}, 401),
            ("/v1/realtime?model=m", {"Authorization": "Bearer nope"}, 401),
            ("/v2/elsewhere?model=m", {"api-key": "sekret"}, 404),
            ("/v1/realtime", {"api-key": "sekret"}, 400),
        ]:
            with pytest.raises(InvalidStatus) as caught:
                await connect(base + path, additional_headers=headers)
            assert caught.value.response.status_code == status
        ws = await connect(base + "/openai/v1/realtime?model=m",
                           additional_headers={"api-key": "sekret"})
        assert json.loads(await ws.recv())["type"] == "session.created"
        await ws.close()


def test_cli_prints_one_line_and_stops_on_sigterm():
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "assistant.sim", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stdout.readline()
        assert line.startswith("listening ws://127.0.0.1:") and line.endswith("/v1/realtime\n")
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=10)
    finally:
        proc.kill()
    assert proc.returncode == 0 and out == "" and "Traceback" not in err


async def test_speech_times_stay_on_the_session_timeline_after_a_clear(sim):
    client = await raw_client(sim.url)
    silence = base64.b64encode(bytes(48_000)).decode()          # 1 s
    await client.send({"type": "input_audio_buffer.append", "audio": silence})
    await client.send({"type": "input_audio_buffer.clear"})
    await client.next("input_audio_buffer.cleared")
    await client.send({"type": "input_audio_buffer.append", "audio": silence})
    pcm = speech("timeline check")
    for frame in frames(pcm):
        await client.send({"type": "input_audio_buffer.append",
                           "audio": base64.b64encode(frame).decode()})
    started = await client.next("input_audio_buffer.speech_started")
    stopped = await client.next("input_audio_buffer.speech_stopped")
    loud = np.flatnonzero(np.abs(np.frombuffer(pcm, np.int16)) > 2000)
    onset_ms, voiced_end_ms = 2000 + loud[0] // 24, 2000 + loud[-1] // 24
    # 2 s of audio went in before the speech, 1 s of it before the clear: both count
    assert onset_ms - 400 <= started["audio_start_ms"] <= onset_ms, started
    assert abs(stopped["audio_end_ms"] - (voiced_end_ms + 500)) <= 150, stopped


def test_every_client_event_the_schema_accepts_has_one_handler():
    from assistant.sim.conversation import CLIENT_EVENTS as HANDLED
    from assistant.sim.schema import CLIENT_EVENTS as CHECKED

    assert HANDLED.types == set(CHECKED)
