"""The user's own MCP servers (`mcp.json`) as tools of the session.

`assistant.local_mcp` runs and talks to them on its own thread; this is the app's side: it reads
the file, starts and stops them with the app, turns each server's tools into registry tools
(asking first unless the file auto-approves them) and tells the session when they change. Their
states come over from the MCP thread through one queued signal.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from assistant.app.account import api_key_store
from assistant.local_mcp import imports
from assistant.local_mcp.config import ServerSpec, load
from assistant.local_mcp.host import McpHost
from assistant.local_mcp.state import CallFailed, ServerState, ToolInfo
from assistant.local_mcp.wire import parameters, wire_name
from assistant.logging_setup import register_secret
from assistant.tools.consent import Grant
from assistant.tools.registry import Tool, ToolError, ToolRegistry

MAX_DESCRIPTION = 1024


def keyring_secret(name: str) -> str | None:
    """A `${keyring:NAME}` value; masked in the log from the moment it is read (a server that
    echoes its token on stderr must not put it in our log)."""
    value = api_key_store.load_secret(api_key_store.mcp_secret_account(name))
    if value:
        register_secret(value)
    return value


class LocalServers(QObject):
    changed = Signal()                 # a state, a tool list or the file's problems
    notice = Signal(str)               # a line in the conversation
    _heard = Signal(int, object)       # host generation, ServerState: from the MCP thread

    def __init__(self, registry: ToolRegistry, path: Path,
                 tools_changed: Callable[[], None]) -> None:
        super().__init__()
        self.registry, self.path, self._tools_changed = registry, path, tools_changed
        self.states: dict[str, ServerState] = {}
        self.problems: tuple[str, ...] = ()
        self._specs: dict[str, ServerSpec] = {}
        self._published: dict[str, dict[str, ToolInfo]] = {}     # server -> wire name -> tool
        self._host: McpHost | None = None
        self._generation = 0                # a reload's host; older hosts' news is dropped
        self._stopping: list[threading.Thread] = []
        self._heard.connect(self._on_state)

    def start(self) -> None:
        config = load(self.path)
        self.problems = config.problems
        for problem in config.problems:
            self.notice.emit(self.tr("mcp.json, {problem}").format(problem=problem))
        self._specs = {spec.name: spec for spec in config.servers}
        self.states = {spec.name: ServerState(spec.name, "disabled" if spec.disabled
                                              else "starting") for spec in config.servers}
        for spec in config.servers:
            if authorization := spec.headers.get("Authorization"):
                register_secret(authorization)
        self._generation += 1
        if config.enabled:
            generation = self._generation
            self._host = McpHost(config.enabled, lambda s: self._heard.emit(generation, s),
                                 keyring_secret)
            self._host.start()
        self.changed.emit()

    def stop(self) -> None:
        """Every server ended and its process gone, those of earlier reloads too (blocks up to
        a few seconds: `close` does it off the GUI thread)."""
        self._stop_in_background()
        for thread in self._stopping:
            thread.join()
        self._stopping.clear()

    async def close(self) -> None:
        await asyncio.to_thread(self.stop)

    def reload(self) -> None:
        """The file read again: the old servers stop on a thread of their own (the window does
        not wait for them) while the new ones start."""
        self._stop_in_background()
        for server in list(self._published):
            self._publish(ServerState(server, "stopped"))
        self.start()

    def _stop_in_background(self) -> None:
        host, self._host = self._host, None
        self._generation += 1
        if host is not None:
            thread = threading.Thread(target=host.stop, name="mcp-stop", daemon=True)
            thread.start()
            self._stopping.append(thread)

    def import_from(self, source: str) -> str:
        """Another app's servers added to ours, disabled; a sentence saying what happened."""
        try:
            added = imports.import_from(source, self.path)
        except ValueError as exc:
            return self.tr("Nothing imported: {why}").format(why=exc)
        if not added:
            return self.tr("{source} has no server that is not here already.").format(
                source=source)
        self.reload()
        return self.tr("Imported from {source}, turned off: {names}.").format(
            source=source, names=", ".join(added))

    def set_enabled(self, server: str, enabled: bool) -> str | None:
        """One server turned on or off in the file, and the servers restarted; None or why not."""
        try:
            imports.set_disabled(self.path, server, not enabled)
        except ValueError as exc:
            return str(exc)
        self.reload()
        return None

    def _on_state(self, generation: int, state: ServerState) -> None:
        if generation != self._generation:
            return                                    # a host that has since been replaced
        before = self.states.get(state.name)
        self.states[state.name] = state
        if state.phase == "failed" and (before is None or before.phase != "failed"):
            self.notice.emit(self.tr("MCP server {name} could not start: {why}").format(
                name=state.name, why=state.detail))
        self._publish(state)
        self.changed.emit()

    def _publish(self, state: ServerState) -> None:
        """The registry holds a server's tools while it is ready or restarting (a call then says
        it is restarting); the session is told only when the list itself changed."""
        spec = self._specs.get(state.name)
        kept = state.phase in ("ready", "restarting") and spec is not None
        wanted = {wire_name(state.name, t.name): t for t in state.tools} if kept else {}
        if wanted == self._published.get(state.name, {}):
            return
        for name in self._published.pop(state.name, {}):
            self.registry.remove(name)
        if spec is not None and wanted:
            for name, info in wanted.items():
                self.registry.add(self._tool(spec, name, info))
            self._published[state.name] = wanted
        self._tools_changed()

    def _tool(self, spec: ServerSpec, name: str, info: ToolInfo) -> Tool:
        def run(arguments: dict[str, Any]) -> str:
            host = self._host
            if host is None:
                raise ToolError(f"the MCP server {spec.name} is not running")
            try:
                return host.call(spec.name, info.name, arguments, spec.deadline_s + 5)
            except CallFailed as exc:
                raise ToolError(str(exc)) from None

        described = info.description or f"{info.name}, a tool of the MCP server {spec.name}"
        return Tool(name, described[:MAX_DESCRIPTION], run, parameters(info.schema),
                    side_effects=info.name not in spec.auto_approve,
                    timeout_s=spec.deadline_s + 10, title=f"{info.name} ({spec.name})",
                    grant=Grant("local", spec.name, info.name))

    def tools_of(self, server: str) -> list[tuple[str, str]]:
        """(wire name, tool name) of a server's tools, for Settings' switches."""
        return [(name, info.name) for name, info in self._published.get(server, {}).items()]
