"""One of the user's MCP servers, kept running: started, listed, called, restarted.

It lives on the MCP host's event loop (`host.py`), never on the window's. The official SDK's
`Client` speaks the protocol over its stdio or Streamable HTTP transport; what is ours is the
life around it. The read stream is watched, so a child that dies while idle is noticed at once
(the SDK notices only at the next request) and restarted with backoff, its tools unavailable
meanwhile. A call past its deadline kills the server (it may be stuck) and restarts it. A server
that fails `GIVE_UP_AFTER` starts in a row, never having become ready, is left failed with the
reason. Its stderr goes to our log, and its last lines explain an early exit.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import logging
import os
import time
from collections.abc import AsyncIterator, Callable
from typing import Any

import mcp_types
from mcp import Client
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client

from assistant.local_mcp.config import ServerSpec
from assistant.local_mcp.state import CallFailed, Phase, SecretLookup, ServerState, ToolInfo
from assistant.local_mcp.watched import WatchedTransport
from assistant.local_mcp.wire import result_text

log = logging.getLogger(__name__)
BACKOFF_S = (1.0, 2.0, 4.0, 8.0, 16.0, 30.0)
GIVE_UP_AFTER = 4          # starts in a row that never became ready
STABLE_S = 60.0            # up this long: the next restart waits BACKOFF_S[0] again
START_TIMEOUT_S = 30.0     # from the spawn to the first tool list
_DEADLINE_PASSED = "a call passed its deadline, so the server was stopped"


class ServerLink:
    def __init__(self, spec: ServerSpec, told: Callable[[ServerState], None],
                 secrets: SecretLookup) -> None:
        self.spec, self._told, self._secrets = spec, told, secrets
        self.state = ServerState(spec.name, "starting")
        self._client: Client | None = None
        self._stale = asyncio.Event()        # list_changed: list the tools again
        self._kill = asyncio.Event()         # a call hung: restart the server
        self._stderr: collections.deque[str] = collections.deque(maxlen=5)
        self._ready_at: float | None = None     # when this session's server became ready

    def _set(self, phase: Phase, detail: str = "", tools: tuple[ToolInfo, ...] = ()) -> None:
        self.state = ServerState(self.spec.name, phase, detail, tools)
        self._told(self.state)

    def stopped(self) -> None:
        self._client = None
        self._set("stopped")

    async def run(self) -> None:
        """Until cancelled: connect, serve, and after a loss wait and connect again. The wait
        grows with each restart unless the server had been up for STABLE_S; a server that
        never became ready GIVE_UP_AFTER times in a row is left failed."""
        restarts = never_ready = 0
        while True:
            try:
                spec = await asyncio.to_thread(self.spec.with_secrets, self._secrets)
            except KeyError as missing:
                self._set("failed", f"the keyring holds no secret named {missing}")
                return
            except Exception as exc:                  # the keyring itself failed
                self._set("failed", f"the keyring could not be read: {exc}")
                return
            try:
                await self._session(spec)
                why = self._why(None)
            except Exception as exc:
                if isinstance(_root(exc), FileNotFoundError):
                    self._set("failed", f"the command {spec.command!r} was not found")
                    return
                why = self._why(exc)
            never_ready = 0 if self._ready_at is not None else never_ready + 1
            if never_ready >= GIVE_UP_AFTER:
                self._set("failed", why)
                return
            stable = self._ready_at is not None and time.monotonic() - self._ready_at > STABLE_S
            restarts = 1 if stable else restarts + 1
            pause = BACKOFF_S[min(restarts, len(BACKOFF_S)) - 1]
            log.warning("MCP server %s: %s; restarting in %g s", spec.name, why, pause)
            self._set("restarting", why, self.state.tools)
            await asyncio.sleep(pause)

    async def _session(self, spec: ServerSpec) -> None:
        self._kill.clear()
        self._stderr.clear()
        self._ready_at = None
        async with asyncio.timeout(START_TIMEOUT_S) as starting, \
                self._connected(spec) as (client, ended):
            await self._list(client)
            starting.reschedule(None)                  # up: no deadline from here on
            modern = client.protocol_version >= "2026-07-28"
            listener = asyncio.ensure_future(self._listen(client)) if modern else None
            try:
                while not await _first(ended, self._kill, self._stale):
                    self._stale.clear()
                    await self._list(client)
            finally:
                self._client = None              # calls from now on hear it is restarting
                if self.state.phase == "ready":
                    self._set("restarting", _DEADLINE_PASSED if self._kill.is_set()
                              else self._why(None), self.state.tools)
                if listener is not None:
                    listener.cancel()
        if self._kill.is_set():
            raise CallFailed(_DEADLINE_PASSED)

    @contextlib.asynccontextmanager
    async def _connected(self, spec: ServerSpec) -> AsyncIterator[tuple[Client, asyncio.Event]]:
        ended = asyncio.Event()
        async with contextlib.AsyncExitStack() as stack:
            if spec.kind == "stdio":
                errlog = stack.enter_context(self._stderr_pipe())
                transport: Any = stdio_client(StdioServerParameters(
                    command=spec.command, args=list(spec.args), env=spec.env or None,
                    cwd=spec.cwd), errlog=errlog)
            else:
                http = await stack.enter_async_context(create_mcp_http_client(
                    headers=spec.headers or None))
                transport = streamable_http_client(spec.url, http_client=http)
            client = await stack.enter_async_context(Client(
                WatchedTransport(transport, ended), message_handler=self._on_message))
            self._client = client
            yield client, ended

    async def _list(self, client: Client) -> None:
        tools, cursor = [], None
        for _page in range(100):
            page = await client.list_tools(cursor=cursor, cache_mode="refresh")
            tools += [ToolInfo(t.name, t.description or "", dict(t.input_schema or {}))
                      for t in page.tools]
            if not (cursor := page.next_cursor):
                break
        if self._ready_at is None:
            self._ready_at = time.monotonic()
        self._set("ready", "", tuple(tools))

    async def _listen(self, client: Client) -> None:
        """A 2026-07-28 server tells of changes on a stream it is asked to open."""
        with contextlib.suppress(Exception):
            async with client.listen(tools_list_changed=True) as changes:
                async for _change in changes:
                    self._stale.set()

    async def _on_message(self, message: Any) -> None:
        if isinstance(message, mcp_types.ToolListChangedNotification):
            self._stale.set()

    async def call(self, tool: str, arguments: dict[str, Any]) -> str:
        client, name = self._client, self.spec.name
        if client is None or self.state.phase != "ready":
            detail = f" ({self.state.detail})" if self.state.detail else ""
            raise CallFailed(f"the MCP server {name} is {self.state.phase}{detail}; try again "
                             "in a moment")
        try:
            result = await asyncio.wait_for(client.call_tool(tool, arguments),
                                            self.spec.deadline_s)
        except TimeoutError:
            self._kill.set()
            raise CallFailed(f"{tool} on {name} did not answer within "
                             f"{self.spec.deadline_s:g} s; the server is being restarted") from None
        except Exception as exc:
            raise CallFailed(f"{tool} on {name} failed: {self._why(exc)}") from None
        text = result_text(result.content, result.structured_content,
                           self.spec.max_output_chars)
        if result.is_error:
            raise CallFailed(text)
        return text

    def _why(self, exc: BaseException | None) -> str:
        """A sentence for the user: what went wrong, and the server's last words on stderr."""
        exc = _root(exc) if exc is not None else None
        if exc is None:
            said = ("its process ended" if self.spec.kind == "stdio"
                    else "it closed the connection")
        elif isinstance(exc, TimeoutError):
            said = f"it did not finish starting within {START_TIMEOUT_S:g} s"
        else:
            said = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        tail = " / ".join(self._stderr)
        return f"{said} (it said: {tail})" if tail else said

    @contextlib.contextmanager
    def _stderr_pipe(self) -> Any:
        """A pipe for the child's stderr (the SDK needs a real file); its lines are logged."""
        read_fd, write_fd = os.pipe()
        errlog = os.fdopen(write_fd, "w")
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader()

        async def pump_lines() -> None:
            transport, _ = await loop.connect_read_pipe(
                lambda: asyncio.StreamReaderProtocol(reader), os.fdopen(read_fd, "rb"))
            try:
                while line := await reader.readline():
                    text = line.decode(errors="replace").rstrip()
                    self._stderr.append(text[:200])
                    log.info("MCP server %s: %s", self.spec.name, text)
            finally:
                transport.close()

        pump = loop.create_task(pump_lines())
        try:
            yield errlog
        finally:
            errlog.close()                       # the child's copy keeps it open until it exits
            loop.call_later(2.0, pump.cancel)


async def _first(ended: asyncio.Event, kill: asyncio.Event, stale: asyncio.Event) -> bool:
    """Waits for one of them; True when the session is over (ended or killed)."""
    waits = [asyncio.ensure_future(event.wait()) for event in (ended, kill, stale)]
    try:
        await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for wait in waits:
            wait.cancel()
    return ended.is_set() or kill.is_set()


def _root(exc: BaseException) -> BaseException:
    """The first real exception inside task groups' wrapping."""
    while isinstance(exc, BaseExceptionGroup) and exc.exceptions:
        exc = exc.exceptions[0]
    return exc
