"""The embedded server misbehaves on demand (for reconnect tests), as a client meets each fault."""

from __future__ import annotations

import asyncio
import subprocess
import sys

import pytest

from assistant.errors import ConnectionLost, HandshakeFailed
from assistant.realtime.endpoint import Endpoint
from assistant.realtime.session import RealtimeSession
from assistant.sim import SimServer
from assistant.sim.faults import Faults
from tests.helpers import WireLog, open_session, until


def deltas(session: RealtimeSession) -> list[dict]:
    got: list[dict] = []
    session.listeners.append(lambda e: got.append(e)
                             if e["type"] == "response.output_audio.delta" else None)
    return got


async def ask(session: RealtimeSession) -> None:
    session.add_text_message("tell me about the weather")
    session.create_response()


async def test_a_dropped_socket_mid_reply_is_a_lost_connection():
    async with SimServer(speed=20.0, faults=Faults(drop_after_deltas=3)) as server:
        session = await open_session(server.url, mode="none")
        got = deltas(session)
        await ask(session)
        reason = await asyncio.wait_for(session.closed, 10)
    assert isinstance(reason, ConnectionLost) and reason.code == 1006 and len(got) == 3


async def test_a_stalled_server_keeps_the_socket_open_and_says_nothing_more():
    async with SimServer(speed=20.0, faults=Faults(stall_after_deltas=2)) as server:
        session = await open_session(server.url, mode="none")
        got = deltas(session)
        done: list[dict] = []
        session.listeners.append(lambda e: done.append(e) if e["type"] == "response.done"
                                 else None)
        await ask(session)
        conversation = server.connections[0].conversation
        await until(lambda: len(conversation.items) == 2 and conversation.response is None,
                    message="the server finished the reply it never sent")
        assert len(got) == 2 and not done and session.is_open
        await session.close()


async def test_garbage_is_one_malformed_frame_among_good_ones():
    async with SimServer(speed=20.0, faults=Faults(garbage_after_events=1)) as server:
        session = RealtimeSession(Endpoint(base_url=server.url, api_key="k"))
        errors: list[dict] = []
        session.listeners.append(lambda e: errors.append(e) if e["type"] == "error" else None)
        await session.connect(timeout=5)                  # session.created, then garbage
        session.update_session({"type": "realtime", "instructions": "hi"})
        await session.wait_for("session.updated", 5)
        await session.close()
    assert [e["error"]["code"] for e in errors] == ["malformed_event"]


async def test_refused_connections_then_one_that_works():
    async with SimServer(faults=Faults(refuse_connections=2)) as server:
        for _ in range(2):
            with pytest.raises(HandshakeFailed, match="503"):
                await RealtimeSession(Endpoint(base_url=server.url, api_key="k")).connect(5)
        session = await open_session(server.url)
        assert session.is_open
        await session.close()


async def test_the_faults_are_command_line_flags():
    server = subprocess.Popen([sys.executable, "-m", "assistant.sim", "--refuse-connections",
                               "1", "--drop-after-deltas", "1"], stdout=subprocess.PIPE, text=True)
    try:
        line = await asyncio.to_thread(server.stdout.readline)
        url = line.split()[1].removesuffix("/realtime")
        with pytest.raises(HandshakeFailed, match="503"):
            await RealtimeSession(Endpoint(base_url=url, api_key="k")).connect(5)
        session = await open_session(url, mode="none")
        await ask(session)
        assert isinstance(await asyncio.wait_for(session.closed, 10), ConnectionLost)
    finally:
        server.terminate()
        server.wait(10)


async def test_a_reply_past_max_output_tokens_ends_incomplete_and_the_nth_fails():
    async with SimServer(speed=50, faults=Faults(fail_response=2, fail_code="server_error")
                         ) as server:
        server.on_wire = wire = WireLog()
        session = await open_session(server.url, mode="none")
        session.update_session({"type": "realtime", "max_output_tokens": 3})
        await session.wait_for("session.updated", 5)
        done = session.wait_for("response.done", 10)
        session.add_text_message("tell me a long story please")
        session.create_response()
        first = (await done)["response"]
        assert first["status"] == "incomplete"
        assert first["status_details"]["reason"] == "max_output_tokens"
        done = session.wait_for("response.done", 10)
        session.create_response()
        second = (await done)["response"]
        assert second["status"] == "failed"
        assert second["status_details"]["error"]["code"] == "server_error"
        await session.close()
        wire.check()
