"""The embedded Realtime server: WebSocket transport, auth, dialect, size and time limits.

Protocol state lives in `SimConversation`; this module only moves text frames in and out:
    async with SimServer(speed=4.0) as server:
        url = server.url            # ws://127.0.0.1:PORT/v1
"""

from __future__ import annotations

import asyncio
import contextlib
import http
import json
import logging
import re
import secrets
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.datastructures import Headers
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from assistant.config import MAX_EVENT_BYTES
from assistant.realtime import dialect
from assistant.sim import schema
from assistant.sim.conversation import SimConversation
from assistant.sim.faults import GARBAGE, ConnectionFaults, Faults
from assistant.sim.translation import SimTranslation

log = logging.getLogger(__name__)
_ws_log = logging.getLogger("assistant.sim.websocket")   # capped: it would log the key header
_ws_log.setLevel(logging.INFO)

PATHS = ("/v1/realtime", "/openai/v1/realtime", "/openai/realtime")
TRANSLATION_PATHS = tuple(f"{path}/translations" for path in PATHS)
_EVENT_ID = re.compile(rb'"event_id"\s*:\s*"([^"]{1,64})"')


class SimServer:
    """An in-process Realtime server; also what `python -m assistant.sim` runs."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, speed: float = 1.0,
                 api_key: str | None = None, max_session_s: float = 3600.0,
                 reject_beta: bool = False, max_event_bytes: int = MAX_EVENT_BYTES,
                 faults: Faults | None = None, spoken_tool: str | None = None) -> None:
        self.host, self.port = host, port
        # The demo cannot understand words: with this set, a spoken question is taken as one
        # that needs this (declared) tool, as a model would take "what time is it?".
        self.spoken_tool = spoken_tool
        self.speed = speed
        self.api_key = api_key
        self.max_session_s = max_session_s
        self.reject_beta = reject_beta
        self.max_event_bytes = max_event_bytes
        self.faults = faults or Faults()
        self.connections: list[SimConnection] = []
        self.attempts = 0                   # WebSocket handshakes asked for, refused ones too
        # Sees every event as it crosses the wire: ("in" | "out", event, dialect). For tests.
        self.on_wire: Callable[[str, dict[str, Any], str], None] | None = None
        self._server: Server | None = None

    @property
    def url(self) -> str:
        """The base URL a client is configured with (`<url>/realtime` is the socket)."""
        return f"ws://{self.host}:{self.port}/v1"

    async def start(self) -> SimServer:
        self._server = await serve(self._handle, self.host, self.port,
                                   process_request=self._check_request,
                                   max_size=4 * self.max_event_bytes, compression=None,
                                   logger=_ws_log)
        self.port = self._server.sockets[0].getsockname()[1] if self._server.sockets else self.port
        return self

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def __aenter__(self) -> SimServer:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    def _check_request(self, connection: ServerConnection, request: Request) -> Response | None:
        parts = urlsplit(request.path)
        self.attempts += 1
        if self.faults.refuse_now():
            return connection.respond(http.HTTPStatus.SERVICE_UNAVAILABLE,
                                      "Service unavailable (a fault asked for).\n")
        if parts.path.rstrip("/") not in PATHS + TRANSLATION_PATHS:
            return connection.respond(http.HTTPStatus.NOT_FOUND, "Not found.\n")
        if self.api_key is not None and _presented_key(request.headers) != self.api_key:
            return connection.respond(http.HTTPStatus.UNAUTHORIZED,
                                      "Incorrect API key provided.\n")
        query = parse_qs(parts.query)
        if "model" not in query and "deployment" not in query and "intent" not in query:
            return connection.respond(http.HTTPStatus.BAD_REQUEST, "Missing 'model' parameter.\n")
        return None

    async def _handle(self, ws: ServerConnection) -> None:
        assert ws.request is not None
        parts = urlsplit(ws.request.path)
        query = parse_qs(parts.query)
        translation = parts.path.rstrip("/") in TRANSLATION_PATHS
        beta = "realtime=v1" in (ws.request.headers.get("OpenAI-Beta") or "") and not translation
        kind = "translation" if translation else "transcription" if "intent" in query \
            else "realtime"
        conn = SimConnection(self, ws, beta=beta, kind=kind,
                             model=(query.get("model") or query.get("deployment")
                                    or ["gpt-realtime"])[0])
        self.connections.append(conn)
        try:
            await conn.serve()
        finally:
            self.connections.remove(conn)


def _beta_transcription_session(flat: dict[str, Any]) -> dict[str, Any]:
    """Beta's transcription session object: its few fields, and the client secret it carried
    (a fresh, useless one: nothing accepts it)."""
    kept = ("input_audio_format", "input_audio_transcription", "turn_detection", "modalities")
    turn = flat.get("turn_detection")
    return {**{key: flat[key] for key in kept if key in flat},
            "turn_detection": {k: v for k, v in turn.items() if k in (
                "type", "threshold", "prefix_padding_ms", "silence_duration_ms")}
            if isinstance(turn, dict) else None,
            "client_secret": {"value": f"ek_sim_{secrets.token_hex(12)}",
                              "expires_at": int(time.time()) + 60}}


def _presented_key(headers: Headers) -> str | None:
    auth = headers.get("Authorization") or ""
    if auth.startswith("Bearer "):
        return auth[len("Bearer "):]
    return headers.get("api-key")


class SimConnection:
    """One client: reads frames, checks them, feeds the conversation, writes what it emits."""

    def __init__(self, server: SimServer, ws: ServerConnection, *, beta: bool, kind: str,
                 model: str) -> None:
        self.server, self.ws, self.beta = server, ws, beta
        self.conversation: SimConversation | SimTranslation
        if kind == "translation":
            self.conversation = SimTranslation(self._send, model=model, speed=server.speed)
        else:
            self.conversation = SimConversation(self._send, kind=kind, model=model,
                                                speed=server.speed)
            self.conversation.spoken_tool = server.spoken_tool
        self.received: list[dict[str, Any]] = []   # GA form, for tests that inspect the peer
        self.faults = ConnectionFaults(server.faults)

    async def _send(self, event: dict[str, Any]) -> None:
        wire = dialect.server_to_beta(event) if self.beta else event
        if wire is None:
            return
        if wire["type"] == "transcription_session.updated":
            wire["session"] = _beta_transcription_session(wire["session"])
        fault = self.faults.before_send(str(event.get("type")))
        if fault == "drop":
            self.ws.transport.abort()
            return
        with contextlib.suppress(ConnectionClosed):
            if fault == "garbage":
                await self.ws.send(GARBAGE)
            if fault != "skip":
                self._tap("out", wire)
                await self.ws.send(json.dumps(wire, separators=(",", ":")))

    def _tap(self, direction: str, event: dict[str, Any]) -> None:
        if self.server.on_wire is not None:
            self.server.on_wire(direction, event, "beta" if self.beta else
                                "translation" if self.conversation.kind == "translation"
                                else "ga")

    async def serve(self) -> None:
        if self.beta and self.server.reject_beta:
            await self.conversation.error(
                "The beta Realtime API shape is no longer supported; use the GA interface.",
                code="beta_api_shape_disabled")
            await self.ws.close(4000, "beta_api_shape_disabled")
            return
        timer = asyncio.get_running_loop().call_later(self.server.max_session_s, self._expire)
        self._expiry: asyncio.Task[None] | None = None
        try:
            await self.conversation.start()
            async for message in self.ws:
                await self._on_message(message)
                if isinstance(self.conversation, SimTranslation) and \
                        self.conversation.closed.is_set():
                    await self.ws.close(1000, "session closed")
        except ConnectionClosed:
            pass
        finally:
            timer.cancel()
            await self.conversation.close()

    def _expire(self) -> None:
        async def expire() -> None:
            await self.conversation.error("Your session hit the maximum duration of "
                                          f"{self.server.max_session_s:g} seconds.",
                                          code="session_expired")
            await self.ws.close(1001, "session expired")
        self._expiry = asyncio.ensure_future(expire())

    async def _on_message(self, message: str | bytes) -> None:
        raw = message.encode() if isinstance(message, str) else message
        if len(raw) > self.server.max_event_bytes:
            found = _EVENT_ID.search(raw[:512])
            await self.conversation.error(
                f"Event too large: {len(raw)} bytes (limit {self.server.max_event_bytes}).",
                code="event_too_large", event_id=found.group(1).decode() if found else None)
            return
        try:
            event = json.loads(raw)
        except json.JSONDecodeError as exc:
            await self.conversation.error(f"Invalid JSON: {exc.msg}.", code="invalid_json")
            return
        except ValueError:       # bytes that are not UTF-8
            await self.conversation.error("Invalid JSON: not UTF-8 text.", code="invalid_json")
            return
        if not isinstance(event, dict):
            await self.conversation.error("An event must be a JSON object.", code="invalid_json")
            return
        self._tap("in", event)
        if self.beta:
            event = await self._from_beta(event)
            if event is None:
                return
        self.received.append(event)
        await self.conversation.handle(event)

    async def _from_beta(self, event: dict[str, Any]) -> dict[str, Any] | None:
        """Check a beta session update in its own (flat) shape, then translate to GA."""
        session = event.get("session")
        if event.get("type") in ("session.update", "transcription_session.update") \
                and isinstance(session, dict):
            try:
                schema.check_session(session, self.conversation.kind, "beta")
            except schema.Invalid as exc:
                await self.conversation.error(str(exc), code="invalid_value", param=exc.param,
                                              event_id=event.get("event_id"))
                return None
            for key in schema.BETA_ONLY_FIELDS:
                session.pop(key, None)
        return dialect.client_from_beta(event)
