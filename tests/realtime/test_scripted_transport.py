"""The session's rules over a scripted transport: no socket, no server."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import pytest

from assistant.errors import (
    AccountRefused,
    ApiKeyRejected,
    BetaProtocolDisabled,
    ConnectionLost,
    EndpointUnreachable,
    HandshakeFailed,
    SessionExpired,
)
from assistant.realtime.endpoint import Endpoint
from assistant.realtime.session import RealtimeSession
from assistant.realtime.transport import Transport, TransportClosed


class ScriptedTransport:
    """Frames the test pushes come in; frames the session sends are kept."""

    def __init__(self, endpoint: Endpoint, refuse: Exception | None = None) -> None:
        self.endpoint = endpoint
        self.refuse = refuse
        self.sent: list[dict] = []
        self.incoming: asyncio.Queue[str | bytes | None] = asyncio.Queue()
        self.close_code: int | None = None
        self.close_reason = ""
        self.closed = False

    async def open(self, timeout: float) -> None:
        if self.refuse is not None:
            raise self.refuse

    async def send(self, text: str) -> None:
        if self.closed:
            raise TransportClosed("closed")
        self.sent.append(json.loads(text))

    async def receive(self) -> AsyncIterator[str | bytes]:
        while (frame := await self.incoming.get()) is not None:
            yield frame

    async def close(self) -> None:
        self.closed = True
        self.incoming.put_nowait(None)

    def push(self, event: dict) -> None:
        self.incoming.put_nowait(json.dumps(event))

    def hang_up(self, code: int, reason: str = "") -> None:
        self.close_code, self.close_reason = code, reason
        self.incoming.put_nowait(None)


def scripted(dialect: str = "ga", refuse: Exception | None = None):
    made: list[ScriptedTransport] = []

    def factory(endpoint: Endpoint) -> Transport:
        made.append(ScriptedTransport(endpoint, refuse))
        return made[-1]

    endpoint = Endpoint(base_url="ws://nowhere/v1", api_key="k", dialect=dialect)  # type: ignore[arg-type]
    return RealtimeSession(endpoint, transport=factory), made


async def connected(dialect: str = "ga"):
    session, made = scripted(dialect)
    wire = made[0]
    wire.push({"type": "session.created", "session": {}})
    await session.connect(timeout=2)
    return session, wire


async def until_sent(wire: ScriptedTransport, kind: str) -> dict:
    for _ in range(200):
        found = [e for e in wire.sent if e["type"] == kind]
        if found:
            return found[-1]
        await asyncio.sleep(0)
    raise AssertionError(f"{kind} never sent: {[e['type'] for e in wire.sent]}")


async def test_audio_is_held_until_the_session_is_configured():
    session, wire = await connected()
    session.append_audio(b"\x01\x00" * 480)
    session.commit()
    await until_sent(wire, "input_audio_buffer.commit")
    assert "input_audio_buffer.append" not in [e["type"] for e in wire.sent]
    wire.push({"type": "session.updated", "session": {}})
    await until_sent(wire, "input_audio_buffer.append")
    assert session.configured
    await session.close()


async def test_a_second_response_waits_for_the_first_to_finish():
    session, wire = await connected()
    assert session.create_response() is True
    wire.push({"type": "response.created", "response": {"id": "r1"}})
    await session.wait_for("response.created", 2)
    assert session.create_response() is False            # deferred, not a race
    wire.push({"type": "response.done", "response": {"id": "r1"}})
    await session.wait_for("response.done", 2)
    await until_sent(wire, "response.create")
    assert [e["type"] for e in wire.sent].count("response.create") == 2
    await session.close()


async def test_truncation_never_passes_the_audio_received():
    session, wire = await connected()
    assert session.truncate("a1", 500) is None           # nothing received: nothing to cut
    wire.push({"type": "response.output_audio.delta", "item_id": "a1",
               "delta": "AAAA" * 1600})                  # 4800 bytes = 100 ms at 24 kHz
    await session.wait_for("response.output_audio.delta", 2)
    assert session.truncate("a1", 500) == 100
    assert (await until_sent(wire, "conversation.item.truncate"))["audio_end_ms"] == 100
    await session.close()


async def test_beta_events_are_read_as_ga():
    session, wire = await connected("beta")
    wire.push({"type": "response.audio.delta", "item_id": "a", "delta": "AAAA"})
    event = await session.wait_for("response.output_audio.delta", 2)
    assert event["item_id"] == "a"
    await session.close()


async def test_garbage_is_an_error_event_and_the_session_stays_open():
    session, wire = await connected()
    wire.incoming.put_nowait(b"\xff not json")
    event = await session.wait_for("error", 2)
    assert event["error"]["code"] == "malformed_event" and session.is_open
    await session.close()


@pytest.mark.parametrize(("code", "error"), [(1001, SessionExpired), (4000, BetaProtocolDisabled),
                                             (1006, ConnectionLost)])
async def test_a_close_code_becomes_a_typed_reason(code, error):
    session, wire = await connected()
    wire.hang_up(code)
    reason = await asyncio.wait_for(session.closed, 2)
    assert isinstance(reason, error) and not session.is_open


@pytest.mark.parametrize(("code", "error"), [("insufficient_quota", AccountRefused),
                                             ("invalid_api_key", AccountRefused),
                                             ("beta_api_shape_disabled", BetaProtocolDisabled)])
async def test_a_refusing_error_then_a_close_is_not_worth_retrying(code, error):
    session, wire = await connected()
    wire.push({"type": "error", "error": {"type": "invalid_request_error", "code": code,
                                          "message": "You exceeded your current quota."}})
    wire.hang_up(1000)
    reason = await asyncio.wait_for(session.closed, 2)
    assert isinstance(reason, error) and not reason.retryable


def test_which_errors_are_worth_retrying():
    assert ConnectionLost("x").retryable and SessionExpired("x").retryable
    assert EndpointUnreachable("here", "refused").retryable
    assert HandshakeFailed("here", 503).retryable and not HandshakeFailed("here", 404).retryable
    assert not ApiKeyRejected("here", 401).retryable


async def test_a_refused_open_raises_the_transports_typed_error():
    session, _ = scripted(refuse=ApiKeyRejected("nowhere", 401))
    with pytest.raises(ApiKeyRejected):
        await session.connect(timeout=1)
    assert not session.is_open


async def test_sending_after_close_is_a_clear_error():
    session, _ = await connected()
    await session.close()
    with pytest.raises(ConnectionLost):
        session.commit()
