"""The user's MCP servers on a thread and event loop of their own.

Their traffic, JSON parsing and process handling never run on the window's loop, so a chatty or
stuck server cannot stall the conversation, and the SDK's anyio runs on a plain asyncio loop.
The app hears of changes through `told`, called on this thread (the app hands it on through a
queued Qt signal), and calls tools through `call`, which blocks the caller's thread (a tool
runner's) until the answer comes. `stop` ends every server: the SDK closes a child's stdin,
then terminates its process group, then kills it.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import threading
from collections.abc import Callable, Iterable
from typing import Any

from assistant.local_mcp.config import ServerSpec
from assistant.local_mcp.state import CallFailed, SecretLookup, ServerState

STOP_TIMEOUT_S = 8.0        # the SDK's own escalation: 2 s for stdin, 2 s after SIGTERM, kill


class McpHost:
    def __init__(self, specs: Iterable[ServerSpec], told: Callable[[ServerState], None],
                 secrets: SecretLookup) -> None:
        self._specs, self._told, self._secrets = list(specs), told, secrets
        self._links: dict[str, Any] = {}               # name -> ServerLink
        self._tasks: list[asyncio.Task[None]] = []
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._main, name="mcp-servers", daemon=True)
        self._up = threading.Event()

    def start(self) -> None:
        self._thread.start()
        self._up.wait()

    def _main(self) -> None:
        from assistant.local_mcp.link import ServerLink  # the SDK: loaded here, off the window

        asyncio.set_event_loop(self._loop)
        for spec in self._specs:
            link = ServerLink(spec, self._told, self._secrets)
            self._links[spec.name] = link
            self._tasks.append(self._loop.create_task(link.run(), name=f"mcp-{spec.name}"))
        self._loop.call_soon(self._up.set)
        self._loop.run_forever()
        self._loop.close()

    def call(self, server: str, tool: str, arguments: dict[str, Any], wait_s: float) -> str:
        """The tool's text; CallFailed says why there is none (on the caller's thread)."""
        link = self._links.get(server)
        if link is None or not self._thread.is_alive():
            raise CallFailed(f"the MCP server {server} is not running")
        future: concurrent.futures.Future[str] = asyncio.run_coroutine_threadsafe(
            link.call(tool, arguments), self._loop)
        try:
            return future.result(wait_s)
        except concurrent.futures.TimeoutError:
            future.cancel()
            raise CallFailed(f"{tool} on {server} did not answer in time") from None

    def stop(self) -> None:
        """Every server stopped and its process gone (bounded by STOP_TIMEOUT_S)."""
        if not self._thread.is_alive():
            return
        with_tasks = asyncio.run_coroutine_threadsafe(self._stop_all(), self._loop)
        with contextlib.suppress(concurrent.futures.TimeoutError, RuntimeError):
            with_tasks.result(STOP_TIMEOUT_S)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(2.0)

    async def _stop_all(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        for link in self._links.values():
            link.stopped()
