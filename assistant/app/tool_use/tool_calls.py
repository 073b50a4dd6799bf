"""The model's tool calls: asked about, run, answered, and followed by one `response.create`.

Calls are grouped by the response that made them. Each is answered as soon as it finishes (a
`function_call_output`, or for a remote MCP server an `mcp_approval_response`); the one
`response.create` goes out when the response is done and every call in it is answered. A call
that must ask first waits for the user without holding anything else up: the session goes on.
Answers that find no open session wait for the next one (the calls themselves are replayed).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from assistant.dispatch import Event
from assistant.realtime import events
from assistant.realtime.server_events import Item
from assistant.realtime.session import RealtimeSession
from assistant.tools.consent import Grant, grant_for
from assistant.tools.registry import ToolRegistry
from assistant.tools.runner import DECLINED, ToolResult, run_tool


@dataclass(frozen=True)
class ToolCall:
    """A call as the conversation shows it; `server` names a remote MCP server, if any."""
    call_id: str
    name: str
    arguments: str
    server: str = ""

    @property
    def grant(self) -> Grant:
        """What "always allow" remembers: exactly this tool (and for MCP, its server)."""
        return grant_for(self.name, self.server)


class SessionSource(Protocol):
    @property
    def session(self) -> RealtimeSession | None: ...      # the one in use, if any


class Spawner(Protocol):
    def spawn(self, coro: Coroutine[Any, Any, Any]) -> Any: ...


class ToolPolicy(Protocol):
    """What the user allows, from the settings: grants, disabled tools, remote servers."""

    def granted(self) -> frozenset[Grant]: ...
    def grant(self, given: Grant) -> None: ...
    def disabled(self) -> set[str]: ...
    def remote(self, tokens: dict[str, str]) -> list[dict[str, Any]]: ...


class ToolCalls(QObject):
    started = Signal(object)                  # ToolCall
    finished = Signal(str, str, bool, float)  # call id, output, failed, seconds
    consent_needed = Signal(object)           # ToolCall, waiting for answer()
    consent_closed = Signal(str)              # call id: answered
    notice = Signal(str)

    def __init__(self, registry: ToolRegistry, sessions: SessionSource, tasks: Spawner,
                 policy: ToolPolicy) -> None:
        super().__init__()
        self.registry = registry
        self._sessions, self._tasks, self._policy = sessions, tasks, policy
        self.mcp_tokens: dict[str, str] = {}          # server label -> token (from the keyring)
        self._open: dict[str, set[str]] = {}        # response id -> calls not answered yet
        self._finished_responses: set[str] = set()
        self._asking: dict[str, asyncio.Future[tuple[bool, bool]]] = {}   # (allow, always)
        self._unsent: list[Callable[[RealtimeSession], object]] = []    # waits for a session
        self._mcp_started: dict[str, float] = {}
        self._mcp_lists: dict[str, str] = {}         # mcp_list_tools item id -> server label
        self._generation = 0                         # a new conversation voids older calls
        self._approvals: set[str] = set()            # asking ids that are MCP approvals
        self._lost_approvals: set[str] = set()       # ... whose session went away meanwhile

    @property
    def busy(self) -> bool:
        """Calls running or waiting for the user: not a moment to change sessions."""
        return any(self._open.values()) or bool(self._unsent)

    @property
    def waiting_for_user(self) -> list[str]:
        return list(self._asking)

    def declared(self) -> list[dict[str, Any]]:
        """The session's `tools`: our enabled functions, then the remote MCP servers."""
        return [tool.to_wire() for tool in self.registry.enabled(self._policy.disabled())] \
            + self._policy.remote(self.mcp_tokens)

    def declare_again(self) -> None:
        """The user changed the tools: the open session gets the new list at once."""
        session = self._sessions.session
        if session is not None and session.is_open:
            session.update_session({"type": "realtime", "tools": self.declared()})

    # ---- what the server asks -----------------------------------------------------------------

    def function_call(self, response_id: str, call: ToolCall) -> None:
        self._open.setdefault(response_id, set()).add(call.call_id)
        self.started.emit(call)
        self._tasks.spawn(self._run(response_id, call))

    def approval_requested(self, response_id: str, call: ToolCall) -> None:
        """A remote MCP server's call that needs the user's yes (call_id: the request's id)."""
        self._open.setdefault(response_id, set()).add(call.call_id)
        self._tasks.spawn(self._approve(response_id, call))

    def response_finished(self, response_id: str) -> None:
        if response_id in self._open:
            self._finished_responses.add(response_id)
            self._respond_if_answered(response_id)

    def mcp_call_started(self, item: Item) -> None:
        self._mcp_started[str(item.get("id"))] = time.monotonic()

    def mcp_call_done(self, item: Item) -> None:
        """Shown when done: the server runs it, and only now are its arguments complete."""
        call = ToolCall(str(item.get("id")), str(item.get("name")),
                        str(item.get("arguments") or ""), str(item.get("server_label")))
        seconds = time.monotonic() - self._mcp_started.pop(call.call_id, time.monotonic())
        self.started.emit(call)
        error = item.get("error")
        if isinstance(error, dict):
            self.finished.emit(call.call_id, str(error.get("message") or error.get("type")),
                               True, seconds)
        else:
            self.finished.emit(call.call_id, str(item.get("output") or ""), False, seconds)

    def mcp_tools_listed(self, item: Item) -> None:
        listed = item.get("tools")
        tools = [str(t.get("name")) for t in (listed if isinstance(listed, list) else [])
                 if isinstance(t, dict)]
        label = item.get("server_label")
        self.notice.emit(self.tr("MCP server {label} offers %n tool(s): {tools}.", "",
                                 len(tools)).format(label=label,
                                                    tools=", ".join(tools) or self.tr("none")))

    def mcp_list_started(self, item: Item) -> None:
        self._mcp_lists[str(item.get("id"))] = str(item.get("server_label"))

    def mcp_list_failed(self, item_id: str) -> None:
        label = self._mcp_lists.get(item_id, "?")
        self.notice.emit(self.tr("MCP server {label} could not be reached or refused to list "
                                 "its tools; check its address in Settings, Tools.").format(
                                     label=label))

    # ---- the user's answer --------------------------------------------------------------------

    def answer(self, call_id: str, allow: bool, always: bool = False) -> None:
        future = self._asking.get(call_id)
        if future is not None and not future.done():
            future.set_result((allow, always))

    async def _ask(self, call: ToolCall, grant: Grant) -> bool:
        if grant in self._policy.granted():
            return True
        future: asyncio.Future[tuple[bool, bool]] = asyncio.get_running_loop().create_future()
        self._asking[call.call_id] = future
        self.consent_needed.emit(call)
        try:
            allowed, always = await future
        finally:
            del self._asking[call.call_id]
            self.consent_closed.emit(call.call_id)
        if allowed and always:
            self._policy.grant(grant)
        return allowed

    # ---- answering ----------------------------------------------------------------------------

    async def _run(self, response_id: str, call: ToolCall) -> None:
        generation = self._generation
        tool = self.registry.get(call.name)
        if tool is not None and tool.name in self._policy.disabled():
            tool = None                          # turned off in settings: unknown to the model
        if tool is not None and tool.side_effects and not await self._ask(
                call, tool.grant or call.grant):
            result = ToolResult.error(DECLINED)
        else:
            result = await run_tool(tool, call.name, call.arguments)
        self.finished.emit(call.call_id, result.output, result.failed, result.seconds)
        if generation != self._generation:
            return
        self._send(events.function_output(call.call_id, result.output))
        self._answered(response_id, call.call_id)

    async def _approve(self, response_id: str, call: ToolCall) -> None:
        """The approval shows as a row of its own; an approved call then runs on the server
        (an `mcp_call` row follows)."""
        self.started.emit(call)
        started, generation = time.monotonic(), self._generation
        self._approvals.add(call.call_id)
        allowed = await self._ask(call, call.grant)
        self._approvals.discard(call.call_id)
        if call.call_id in self._lost_approvals:
            self._lost_approvals.discard(call.call_id)
            self.finished.emit(call.call_id, "the connection was lost: ask again", True, 0.0)
            self._forget(response_id, call.call_id)      # no answer, and no reply asked for
            return
        self.finished.emit(call.call_id, "approved" if allowed else DECLINED, not allowed,
                           time.monotonic() - started)
        if generation != self._generation:
            return
        self._send(events.mcp_approval(call.call_id, allowed, None if allowed else DECLINED))
        self._answered(response_id, call.call_id)

    def _answered(self, response_id: str, call_id: str) -> None:
        self._open.get(response_id, set()).discard(call_id)
        self._respond_if_answered(response_id)

    def _forget(self, response_id: str, call_id: str) -> None:
        self._open.get(response_id, set()).discard(call_id)
        if not self._open.get(response_id):
            self._open.pop(response_id, None)
            self._finished_responses.discard(response_id)

    def _respond_if_answered(self, response_id: str) -> None:
        if response_id not in self._finished_responses or self._open.get(response_id):
            return
        self._open.pop(response_id, None)
        self._finished_responses.discard(response_id)
        session = self._sessions.session
        if session is not None and session.is_open:
            session.create_response()
        else:
            self._unsent.append(lambda later: later.create_response())

    def _send(self, event: Event) -> None:
        session = self._sessions.session
        if session is not None and session.is_open and not self._unsent:
            session.send(event)
        else:
            self._unsent.append(lambda later: later.send(event))

    def reset(self) -> None:
        """Another conversation: calls of this one are declined unasked, their answers dropped
        (the next session has never heard of them)."""
        self._generation += 1
        for future in self._asking.values():
            if not future.done():
                future.set_result((False, False))
        self._open.clear()
        self._finished_responses.clear()
        self._unsent.clear()

    # ---- sessions -----------------------------------------------------------------------------

    def session_lost(self) -> None:
        """The responses in flight are over: their answers go to the next session, and the one
        `response.create` follows them there. An MCP approval cannot follow (the request lived
        in the lost session, which is not replayed): it is withdrawn, and the user told."""
        for call_id, future in self._asking.items():
            if call_id in self._approvals and not future.done():
                self._lost_approvals.add(call_id)
                future.set_result((False, False))
        for response_id in list(self._open):
            self._finished_responses.add(response_id)
            self._respond_if_answered(response_id)

    def session_opened(self, session: RealtimeSession) -> None:
        """After the replay: what could not be sent before, in order."""
        if session.endpoint.dialect == "beta" and self._policy.remote(self.mcp_tokens):
            self.notice.emit(self.tr("Remote MCP servers need the GA protocol; this endpoint "
                                     "speaks the beta one, so it is not told of them."))
        unsent, self._unsent = self._unsent, []
        for send in unsent:
            send(session)
