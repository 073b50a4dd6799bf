"""URLs, auth headers, and what may appear in logs."""

from __future__ import annotations

import base64
import logging

import pytest

from assistant.errors import ConfigError
from assistant.models import REALTIME_DEFAULT
from assistant.realtime.endpoint import Endpoint, place_of
from assistant.realtime.redact import b64_size, summarize
from tests.helpers import frames, open_session, speech

SECRET = "sk-test-DO-NOT-LOG-0123456789abcdef"


def test_urls_for_the_servers_users_point_at():
    assert Endpoint().url() == f"wss://api.openai.com/v1/realtime?model={REALTIME_DEFAULT}"
    azure = Endpoint("https://res.openai.azure.com/openai/v1", model="dep", auth="api-key",
                     api_key="k")
    assert azure.url() == "wss://res.openai.azure.com/openai/v1/realtime?model=dep"
    assert azure.headers() == {"api-key": "k"}
    old_azure = Endpoint("wss://res.openai.azure.com/openai/realtime?api-version=2024-10-01"
                         "&deployment=gpt4o", dialect="beta", api_key="k")
    assert old_azure.url() == ("wss://res.openai.azure.com/openai/realtime?"
                               "api-version=2024-10-01&deployment=gpt4o")
    assert old_azure.headers() == {"Authorization": "Bearer k", "OpenAI-Beta": "realtime=v1"}
    local = Endpoint("http://localhost:8080/v1/", intent="transcription")
    assert local.url() == "ws://localhost:8080/v1/realtime?intent=transcription"
    assert local.headers() == {}
    with pytest.raises(ConfigError):
        Endpoint("ftp://x").url()


def test_key_is_not_in_repr():
    assert SECRET not in repr(Endpoint(api_key=SECRET))


def test_summaries_replace_audio_with_sizes():
    pcm = bytes(range(256)) * 3
    b64 = base64.b64encode(pcm).decode()
    assert b64_size(b64) == len(pcm) and b64_size(base64.b64encode(b"ab").decode()) == 2
    event = {"type": "response.output_audio.delta", "delta": b64, "item_id": "i"}
    assert summarize(event) == {"type": "response.output_audio.delta",
                                "delta": f"<{len(pcm)} bytes>", "item_id": "i"}
    text = {"type": "response.output_text.delta", "delta": "hello"}
    assert summarize(text) == text
    nested = {"type": "conversation.item.create",
              "item": {"content": [{"type": "input_audio", "audio": b64}]}}
    assert summarize(nested)["item"]["content"][0]["audio"] == f"<{len(pcm)} bytes>"


async def test_logs_never_hold_the_key_or_audio(sim, caplog):
    caplog.set_level(logging.DEBUG)
    session = await open_session(sim.url, key=SECRET, mode="server_vad")
    pcm = speech("log test")
    for frame in frames(pcm):
        session.append_audio(frame)
    done = await session.wait_for("response.done", 10)
    await session.close()
    text = caplog.text
    assert "session.updated" in text or "-> session.update" in text   # logging did happen
    assert SECRET not in text
    assert base64.b64encode(frames(pcm)[40]).decode()[:40] not in text
    assert done["response"]["status"] == "completed"


@pytest.mark.parametrize(("url", "shown"), [
    ("ws://127.0.0.1:8765/v1", "127.0.0.1:8765/v1"),
    ("wss://api.openai.com/v1/", "api.openai.com/v1"),
    ("wss://user:secret@example.test:444/v1?api-key=sk-x", "example.test:444/v1"),
    ("ws://[::1]:9000/v1", "[::1]:9000/v1"),
    ("ws://example.test:notaport/v1", "example.test/v1"),
])
def test_an_endpoint_is_shown_with_its_port_and_without_credentials(url, shown):
    assert place_of(url) == shown
    assert Endpoint(base_url=url).display() == shown
