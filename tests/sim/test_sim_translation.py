"""The embedded server's live-translation endpoint and its transcription sessions, driven by a
raw client and by the official SDK as a foreign client; every event is checked against the
SDK's translation (or GA) types."""

from __future__ import annotations

import asyncio
import base64

import numpy as np
from openai import AsyncOpenAI

from assistant.sim.translation import translated_text
from tests import oracle
from tests.helpers import frames, speech
from tests.sim.test_sim_protocol import Raw


async def test_sdk_translation_session_translates_each_stretch_of_speech(sim):
    client = AsyncOpenAI(api_key="sk-test", websocket_base_url=sim.url)
    async with asyncio.timeout(20), \
            client.realtime.translations.connect(model="gpt-realtime-translate") as conn:
        await conn.session.update(session={"audio": {
            "input": {"transcription": {"model": "gpt-4o-mini-transcribe"}},
            "output": {"language": "fr"}}})
        seen = []
        async for event in conn:
            seen.append(event)
            if event.type == "session.updated":
                break
        for frame in frames(speech("good morning to you all")):
            await conn.send({"type": "session.input_audio_buffer.append",
                             "audio": base64.b64encode(frame).decode()})
        text = ""
        async for event in conn:
            seen.append(event)
            if event.type == "session.output_transcript.delta":
                text += event.delta
            if text.strip().endswith("speech."):
                break
        await conn.send({"type": "session.close"})
        async for event in conn:
            seen.append(event)
            if event.type == "session.closed":
                break
    kinds = [e.type for e in seen]
    assert kinds[0] == "session.created" and seen[0].session.type == "translation"
    assert "session.input_transcript.delta" in kinds and kinds[-1] == "session.closed"
    assert text.startswith("Translated into fr: ") and text.endswith("speech. ")
    audio = b"".join(base64.b64decode(e.delta) for e in seen
                     if e.type == "session.output_audio.delta")
    assert len(audio) > 24_000 and np.abs(np.frombuffer(audio, np.int16)).max() > 3000


async def test_translation_events_are_checked_strictly(sim):
    from websockets.asyncio.client import connect

    ws = await connect(sim.url + "/realtime/translations?model=gpt-realtime-translate")
    client = Raw(ws, "translation")
    await client.next("session.created")
    await client.send({"type": "input_audio_buffer.append", "audio": "AAAA", "event_id": "x1"})
    error = (await client.next("error"))["error"]
    assert error["event_id"] == "x1" and error["param"] == "type"
    await client.send({"type": "session.update", "event_id": "x2",
                       "session": {"audio": {"output": {"language": "de", "voice": "marin"}}}})
    error = (await client.next("error"))["error"]
    assert error["param"] == "session.audio.output.voice"
    await client.send({"type": "session.update", "session": {"audio": {"output": {
        "language": "de"}}}})
    updated = await client.next("session.updated")
    assert updated["session"]["audio"]["output"]["language"] == "de"
    await ws.close()


async def test_sdk_transcription_session_in_ga(sim):
    client = AsyncOpenAI(api_key="sk-test", websocket_base_url=sim.url)
    async with asyncio.timeout(20), \
            client.realtime.connect(model="gpt-realtime",
                                    extra_query={"intent": "transcription"}) as conn:
        await conn.session.update(session={"type": "transcription", "audio": {"input": {
            "transcription": {"model": "gpt-4o-mini-transcribe", "language": "en"},
            "turn_detection": {"type": "server_vad", "silence_duration_ms": 400}}}})
        for frame in frames(speech("please take a note")):
            await conn.input_audio_buffer.append(audio=base64.b64encode(frame).decode())
        async for event in conn:
            if event.type == "conversation.item.input_audio_transcription.completed":
                transcript = event.transcript
                break
            assert event.type != "response.created"      # transcription makes no replies
    assert transcript.endswith("s of speech)")


def test_translated_text_names_length_and_language():
    assert translated_text(1400, "ja") == ("(1.4 s of speech)",
                                           "Translated into ja: 1.4 seconds of speech.")
    assert oracle.TABLES[("server", "translation")]
