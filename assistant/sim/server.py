"""The embedded Realtime server: one host and port for its WebSocket and its HTTP endpoints, under
`/v1` as OpenAI's are, with auth, dialect, size and time limits.

    async with SimServer(speed=4.0) as server:
        server.url            # ws://127.0.0.1:PORT/v1   (the socket is <url>/realtime)
        server.http_url       # http://127.0.0.1:PORT/v1 (client_secrets, sessions, calls)

Protocol state lives in `SimConversation`, one client's frames in `SimConnection`, ephemeral keys
in `ClientSecrets`, WebRTC calls in `sim/calls.py` (aiortc, imported at the first call).
aiohttp serves both kinds of request, because the WebSocket library cannot read a POST body.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from aiohttp import WSMsgType, web

from assistant.config import MAX_EVENT_BYTES
from assistant.models import REALTIME_DEFAULT, gone_on, known
from assistant.sim.client_secrets import ClientSecrets, Refused
from assistant.sim.connection import SimConnection
from assistant.sim.faults import Faults, JunkKind, junk

if TYPE_CHECKING:
    from assistant.sim.calls import SimCalls

log = logging.getLogger(__name__)

PATHS = ("/v1/realtime", "/openai/v1/realtime", "/openai/realtime")
TRANSLATION_PATHS = tuple(f"{path}/translations" for path in PATHS)


class SimServer:
    """An in-process Realtime server; also what `python -m assistant.sim` runs."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0, *, speed: float = 1.0,
                 api_key: str | None = None, max_session_s: float = 3600.0,
                 reject_beta: bool = False, max_event_bytes: int = MAX_EVENT_BYTES,
                 faults: Faults | None = None, spoken_tool: str | None = None,
                 clock: Callable[[], float] = time.time, as_of: dt.date | None = None) -> None:
        self.host, self.port = host, port
        # The demo cannot understand words: with this set, a spoken question is taken as one
        # that needs this (declared) tool, as a model would take "what time is it?".
        self.spoken_tool = spoken_tool
        self.speed = speed
        self.secrets = ClientSecrets(api_key, clock)
        self.max_session_s = max_session_s
        self.reject_beta = reject_beta
        self.max_event_bytes = max_event_bytes
        self.faults = faults or Faults()
        # The service as it is on this day: a model retired by then, or one it does not know, is
        # refused as OpenAI refuses it. None: any model name is served (Azure-like names too).
        self.as_of = as_of
        self.connections: list[SimConnection] = []
        self.attempts = 0                   # connections asked for (sockets and calls), refused too
        # The OpenAI-Organization and OpenAI-Project each request named (None: not sent).
        self.billed_to: list[tuple[str | None, str | None]] = []
        # Sees every event as it crosses the wire: ("in" | "out", event, dialect). For tests.
        self.on_wire: Callable[[str, dict[str, Any], str], None] | None = None
        # Hears the reply audio a WebRTC call plays, which no event carries: (item, pcm16).
        self.on_call_audio: Callable[[str, bytes], None] | None = None
        self.calls: SimCalls | None = None
        self._runner: web.AppRunner | None = None

    def refuses_model(self, model: str) -> str | None:
        """Why the service would not serve this model (its error message), or None."""
        if self.as_of is None or not model:
            return None
        if known(model) is None or gone_on(model, self.as_of):
            return f"The model `{model}` does not exist or you do not have access to it."
        return None

    @property
    def api_key(self) -> str | None:
        """The standard key this server takes (None: any key, or none)."""
        return self.secrets.api_key

    @api_key.setter
    def api_key(self, key: str | None) -> None:
        self.secrets.api_key = key

    @property
    def url(self) -> str:
        """The base URL a client is configured with (`<url>/realtime` is the socket)."""
        return f"ws://{self.host}:{self.port}/v1"

    @property
    def http_url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    async def start(self) -> SimServer:
        app = web.Application(client_max_size=4 * self.max_event_bytes)
        app.router.add_route("*", "/{tail:.*}", self._route)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False,
                                     shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        server = getattr(site, "_server", None)
        sockets = getattr(server, "sockets", None) or []
        self.port = sockets[0].getsockname()[1] if sockets else self.port
        return self

    async def stop(self) -> None:
        for conn in list(self.connections):
            with contextlib.suppress(Exception):
                await conn.wire.close(1001, "server shutting down")
        if self.calls is not None:
            await self.calls.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def inject(self, kind: JunkKind) -> None:
        """Send one junk frame on every open connection now (a hostile server, for tests)."""
        for conn in list(self.connections):
            with contextlib.suppress(Exception):
                await conn.wire.send(junk(kind))

    async def __aenter__(self) -> SimServer:
        return await self.start()

    async def __aexit__(self, *exc: object) -> None:
        await self.stop()

    # ---- routing ------------------------------------------------------------------------------

    async def _route(self, request: web.Request) -> web.StreamResponse:
        path = request.path.rstrip("/")
        self.billed_to.append((request.headers.get("OpenAI-Organization"),
                               request.headers.get("OpenAI-Project")))
        if request.method == "POST":
            return await self._post(path, request)
        if request.method != "GET":
            return web.Response(status=405, text="Method not allowed.\n")
        self.attempts += 1
        if self.faults.refuse_now():
            return web.Response(status=503, text="Service unavailable (a fault asked for).\n")
        if path not in PATHS + TRANSLATION_PATHS:
            return web.Response(status=404, text="Not found.\n")
        try:
            kind = "translation" if path in TRANSLATION_PATHS else \
                "transcription" if "intent" in request.query else "realtime"
            minted = self.secrets.session_for(presented_key(request), kind)
        except Refused as exc:
            return web.Response(status=exc.status, text=f"{exc}\n")
        query = request.query
        if "model" not in query and "deployment" not in query and "intent" not in query:
            return web.Response(status=400, text="Missing 'model' parameter.\n")
        return await self._socket(request, path in TRANSLATION_PATHS, minted)

    async def _post(self, path: str, request: web.Request) -> web.StreamResponse:
        body: Any = None
        try:
            if path == "/v1/realtime/calls":
                self.attempts += 1
                return await self._call(request)
            body = await request.json() if request.can_read_body else {}
            if path == "/v1/realtime/client_secrets":
                return web.json_response(self.secrets.mint(presented_key(request), body))
            if path == "/v1/realtime/translations/client_secrets":
                return web.json_response(self.secrets.mint_translation(presented_key(request),
                                                                       body))
            if path == "/v1/realtime/sessions":
                return web.json_response(self.secrets.mint_old_shape(presented_key(request),
                                                                     body))
        except Refused as exc:
            return web.json_response(exc.body(), status=exc.status)
        except ValueError:
            return web.json_response(Refused(400, "The body is not JSON.", "invalid_json")
                                     .body(), status=400)
        return web.Response(status=404, text="Not found.\n")

    async def _call(self, request: web.Request) -> web.StreamResponse:
        if self.faults.refuse_now():
            return web.Response(status=503, text="Service unavailable (a fault asked for).\n")
        minted = self.secrets.session_for(presented_key(request))
        if self.calls is None:
            from assistant.sim.calls import SimCalls  # aiortc: only when a call comes in

            self.calls = SimCalls(self)
        return await self.calls.answer(request, minted)

    # ---- the WebSocket ------------------------------------------------------------------------

    async def _socket(self, request: web.Request, translation: bool,
                      minted: dict[str, Any] | None) -> web.StreamResponse:
        ws = web.WebSocketResponse(max_msg_size=4 * self.max_event_bytes, compress=False,
                                   autoping=True)
        if not ws.can_prepare(request).ok:
            return web.Response(status=426, text="A WebSocket upgrade is required.\n")
        wire = SocketWire(ws, request.transport)
        await ws.prepare(request)
        query = request.query
        beta = "realtime=v1" in (request.headers.get("OpenAI-Beta") or "") and not translation
        kind = "translation" if translation else "transcription" if "intent" in query \
            else "realtime"
        conn = SimConnection(self, wire, beta=beta, kind=kind, minted=minted,
                             model=query.get("model") or query.get("deployment")
                             or REALTIME_DEFAULT)
        await self.serve(conn, ws)
        return ws

    async def serve(self, conn: SimConnection, ws: web.WebSocketResponse) -> None:
        """Run one connection until its client goes."""
        self.connections.append(conn)
        try:
            if not await conn.start():
                return
            async for message in ws:
                if message.type in (WSMsgType.TEXT, WSMsgType.BINARY):
                    await conn.on_message(message.data)
        except ConnectionError:
            pass
        finally:
            self.connections.remove(conn)
            await conn.finish()


class SocketWire:
    """A WebSocket as a connection's wire."""

    def __init__(self, ws: web.WebSocketResponse,
                 transport: asyncio.BaseTransport | None) -> None:
        self.ws, self.transport = ws, transport

    async def send(self, text: str) -> None:
        if not self.ws.closed:
            with contextlib.suppress(ConnectionError, RuntimeError):
                await self.ws.send_str(text)

    async def close(self, code: int, reason: str) -> None:
        await self.ws.close(code=code, message=reason.encode())

    def abort(self) -> None:
        if isinstance(self.transport, asyncio.Transport):
            self.transport.abort()


def presented_key(request: web.Request) -> str | None:
    auth = request.headers.get("Authorization") or ""
    if auth.startswith("Bearer "):
        return auth[len("Bearer "):]
    return request.headers.get("api-key")
