"""The official openai SDK (a client no one here wrote) holds a conversation with the sim."""

from __future__ import annotations

import base64

from openai import AsyncOpenAI

from tests.helpers import frames, speech


async def _until(conn, kind: str) -> list:
    seen = []
    async for event in conn:
        seen.append(event)
        if event.type == kind:
            return seen
    raise AssertionError(f"connection ended before {kind}")


async def test_sdk_text_turn(sim):
    client = AsyncOpenAI(api_key="sk-test", websocket_base_url=sim.url)
    async with client.realtime.connect(model="gpt-realtime") as conn:
        await conn.session.update(session={"type": "realtime", "output_modalities": ["text"],
                                           "instructions": "be brief"})
        await _until(conn, "session.updated")
        await conn.conversation.item.create(item={
            "type": "message", "role": "user",
            "content": [{"type": "input_text", "text": "hello sdk"}]})
        await conn.response.create()
        seen = await _until(conn, "response.done")
    text = "".join(e.delta for e in seen if e.type == "response.output_text.delta")
    assert text == 'You said: "hello sdk".'
    assert seen[-1].response.status == "completed"
    assert seen[-1].response.usage.input_tokens > 0


async def test_sdk_audio_turn_with_server_vad(sim):
    client = AsyncOpenAI(api_key="sk-test", websocket_base_url=sim.url)
    async with client.realtime.connect(model="gpt-realtime") as conn:
        await conn.session.update(session={"type": "realtime", "audio": {"input": {
            "turn_detection": {"type": "server_vad", "silence_duration_ms": 400}}}})
        await _until(conn, "session.updated")
        for frame in frames(speech("can you hear me")):
            await conn.input_audio_buffer.append(audio=base64.b64encode(frame).decode())
        seen = await _until(conn, "response.done")
    kinds = [e.type for e in seen]
    assert "input_audio_buffer.speech_started" in kinds
    assert "input_audio_buffer.committed" in kinds
    audio = b"".join(base64.b64decode(e.delta) for e in seen
                     if e.type == "response.output_audio.delta")
    assert len(audio) > 24_000          # more than half a second of reply audio
    assert seen[-1].response.status == "completed"


async def test_sdk_mcp_approval_round_trip(sim):
    from assistant.sim.mcp import DEMO_URL

    client = AsyncOpenAI(api_key="sk-test", websocket_base_url=sim.url)
    async with client.realtime.connect(model="gpt-realtime") as conn:
        await conn.session.update(session={
            "type": "realtime", "output_modalities": ["text"],
            "tools": [{"type": "mcp", "server_label": "demo", "server_url": DEMO_URL,
                       "require_approval": "always"}]})
        listed = await _until(conn, "mcp_list_tools.completed")
        await conn.conversation.item.create(item={
            "type": "message", "role": "user",
            "content": [{"type": "input_text", "text": 'call add {"a": 20, "b": 22}'}]})
        await conn.response.create()
        seen = await _until(conn, "response.done")
        [request] = [e.item for e in seen if e.type == "response.output_item.done"]
        await conn.conversation.item.create(item={
            "type": "mcp_approval_response", "id": "mcpr_sdk",
            "approval_request_id": request.id, "approve": True})
        await conn.response.create()
        seen = await _until(conn, "response.done")
    assert listed[-1].type == "mcp_list_tools.completed" and request.type == "mcp_approval_request"
    calls = [e.item for e in seen if e.type == "response.output_item.done"
             and e.item.type == "mcp_call"]
    assert calls[0].output == "42" and calls[0].approval_request_id == request.id
    assert seen[-1].response.status == "completed"
