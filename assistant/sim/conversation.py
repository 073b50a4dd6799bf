"""The embedded server's protocol state for one connection, transport-free (GA events in and out).

`handle()` takes one client event; every outcome is emitted through `emit`. Bad input becomes an
`error` event carrying the offending event_id; nothing here closes the connection.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import itertools
import logging
import secrets
from collections.abc import Awaitable, Callable
from typing import Any, Protocol

from assistant.config import WIRE_RATE
from assistant.dispatch import Event, EventTable
from assistant.models import REALTIME_DEFAULT, reasons
from assistant.sim import client_events, replies, schema, session_tools
from assistant.sim.errors import RequestError
from assistant.sim.faults import Faults
from assistant.sim.input_audio import InputAudio
from assistant.sim.pictures import pictures_in
from assistant.sim.replies import Item
from assistant.sim.responder import Response
from assistant.sim.session_state import default_session, merge_session

log = logging.getLogger(__name__)
Emit = Callable[[dict[str, Any]], Awaitable[None]]


class OutputBuffer(Protocol):
    """The audio a WebRTC call is playing (a WebSocket client plays its own)."""

    async def clear(self) -> None: ...

# Client event type -> its one handler (the schema has checked the event first).
CLIENT_EVENTS: EventTable[SimConversation, Awaitable[None]] = EventTable()


class SimConversation:
    def __init__(self, emit: Emit, *, kind: str = "realtime", model: str = REALTIME_DEFAULT,
                 speed: float = 1.0) -> None:
        self._emit = emit
        self.kind, self.speed = kind, speed
        self.rate = WIRE_RATE
        self.session = default_session(kind, model)
        self.conversation_id = self.new_id("conv")
        self.items: list[Item] = []
        self.response: Response | None = None
        self._response_task: asyncio.Task[None] | None = None
        self._event_ids = itertools.count(1)
        self.input = InputAudio(self)
        self._cached_tokens = 0
        self._audio_produced = False
        self.mcp_tools: dict[str, list[dict[str, Any]]] = {}     # server label -> its tools
        self.spoken_tool: str | None = None                      # see SimServer.spoken_tool
        self.faults = Faults()                                   # the server's, once connected
        self.responses = 0                                       # started on this connection
        self.output_buffer: OutputBuffer | None = None           # a WebRTC call's

    # ---- plumbing -----------------------------------------------------------------------------

    def new_id(self, prefix: str) -> str:
        return f"{prefix}_{secrets.token_hex(10)}"

    async def emit(self, event: dict[str, Any]) -> None:
        event = {"event_id": f"event_{next(self._event_ids)}", **event}
        await self._emit(event)

    async def error(self, message: str, *, code: str | None = None, param: str | None = None,
                    event_id: str | None = None, kind: str = "invalid_request_error") -> None:
        await self.emit({"type": "error", "error": {"type": kind, "code": code, "message": message,
                                                    "param": param, "event_id": event_id}})

    @property
    def voice(self) -> str:
        return str(self.session.get("audio", {}).get("output", {}).get("voice", "marin"))

    @property
    def voice_speed(self) -> float:
        """The session's audio.output.speed: how fast the voice speaks (not the pacing)."""
        speed = self.session.get("audio", {}).get("output", {}).get("speed", 1.0)
        return float(speed) if isinstance(speed, int | float) else 1.0

    @property
    def turn_detection(self) -> dict[str, Any] | None:
        turn = self.session["audio"]["input"].get("turn_detection")
        return turn if isinstance(turn, dict) else None

    async def start(self) -> None:
        await self.emit({"type": "session.created", "session": self.session})

    async def close(self) -> None:
        self.input.disarm_idle()
        if self.response:
            self.response.cancel("client_cancelled")
        if self._response_task:
            self._response_task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._response_task

    # ---- dispatch -----------------------------------------------------------------------------

    async def handle(self, event: dict[str, Any]) -> None:
        await client_events.handle(self, event, schema.CLIENT_EVENTS, CLIENT_EVENTS)

    @CLIENT_EVENTS.on("session.update")
    async def _on_session_update(self, event: Event) -> None:
        update = event["session"]
        if update.get("type") != self.kind:
            raise RequestError(f"Invalid 'session.type': this is a {self.kind} session.",
                               "invalid_value", "session.type")
        schema.check_session(update, self.kind, "ga")
        model = str(update.get("model") or self.session.get("model"))
        for name in schema.REASONING_FIELDS:
            if update.get(name) is not None and not reasons(model):
                raise RequestError(f"The model {model} does not support 'session.{name}'.",
                                   "unsupported_parameter", f"session.{name}")
        merged = merge_session(self.session, update)
        if self._audio_produced and merged.get("audio", {}).get("output", {}).get(
                "voice") != self.voice:
            raise RequestError("Cannot update a conversation's voice if assistant audio is "
                               "present.", "cannot_update_voice", "session.audio.output.voice")
        before, self.session = self.session.get("tools") or [], merged
        self.input.reset_vad()
        await self.emit({"type": "session.updated", "session": self.session})
        await session_tools.list_new_servers(self, before, self.mcp_tools)

    @CLIENT_EVENTS.on("output_audio_buffer.clear")
    async def _on_output_clear(self, event: Event) -> None:
        if self.output_buffer is None:
            raise RequestError("output_audio_buffer.clear is only supported for WebRTC "
                               "connections.", "invalid_request_error", "type")
        await self.output_buffer.clear()

    # ---- input audio ------------------------------------------------------------------------

    @CLIENT_EVENTS.on("input_audio_buffer.append")
    async def _on_audio_append(self, event: Event) -> None:
        await self.input.append(event["audio"])

    @CLIENT_EVENTS.on("input_audio_buffer.commit")
    async def _on_audio_commit(self, event: Event) -> None:
        await self.input.commit()

    @CLIENT_EVENTS.on("input_audio_buffer.clear")
    async def _on_audio_clear(self, event: Event) -> None:
        await self.input.clear()

    # ---- conversation items -------------------------------------------------------------------

    def add_item(self, item: Item, after: str | None = None) -> None:
        index = len(self.items) if after is None else self._index(after) + 1
        self.items.insert(index, item)

    async def emit_item_added(self, item: Item) -> None:
        index = self.items.index(item)
        previous = self.items[index - 1].data["id"] if index else None
        await self.emit({"type": "conversation.item.added", "previous_item_id": previous,
                         "item": item.data})

    def _index(self, item_id: str, param: str = "previous_item_id") -> int:
        for index, item in enumerate(self.items):
            if item.data["id"] == item_id:
                return index
        raise RequestError(f"Item with item_id not found: {item_id}", "item_not_found", param)

    def _find(self, item_id: str) -> Item:
        return self.items[self._index(item_id, "item_id")]

    @CLIENT_EVENTS.on("conversation.item.create")
    async def _on_conversation_item_create(self, event: Event) -> None:
        data = copy.deepcopy(event["item"])
        after = event.get("previous_item_id")
        if after is not None:
            self._index(after)
        if data["type"] == "function_call_output" and not any(
                i.data.get("call_id") == data["call_id"] and i.data["type"] == "function_call"
                for i in self.items):
            raise RequestError(f"No tool call found for call_id: {data['call_id']}",
                               "invalid_value", "item.call_id")
        if data["type"] == "mcp_approval_response" and not any(
                i.data.get("id") == data["approval_request_id"]
                and i.data["type"] == "mcp_approval_request" for i in self.items):
            raise RequestError(f"No approval request found: {data['approval_request_id']}",
                               "invalid_value", "item.approval_request_id")
        seen = pictures_in(data)
        data.setdefault("id", self.new_id("item"))
        if not data["type"].startswith("mcp_"):
            data.update(object="realtime.item", status="completed")
        item = Item(data, pictures=seen)
        self.add_item(item, after)
        await self.emit_item_added(item)
        await self.emit({"type": "conversation.item.done", "item": data})

    @CLIENT_EVENTS.on("conversation.item.truncate")
    async def _on_conversation_item_truncate(self, event: Event) -> None:
        item = self._find(event["item_id"])
        if item.data.get("role") != "assistant" or item.data.get("type") != "message":
            raise RequestError("Only assistant messages can be truncated.", "invalid_value",
                               "item_id")
        if event["content_index"] != 0 or item.audio_ms == 0:
            raise RequestError("Content part has no audio to truncate.", "invalid_value",
                               "content_index")
        if event["audio_end_ms"] > item.audio_ms:
            raise RequestError(f"Audio content of {item.audio_ms}ms is already shorter than "
                               f"{event['audio_end_ms']}ms", "invalid_value", "audio_end_ms")
        item.audio_ms = event["audio_end_ms"]
        for part in item.data.get("content", []):
            part["transcript"] = ""    # as OpenAI does: the transcript no longer matches
        await self.emit({"type": "conversation.item.truncated", "item_id": event["item_id"],
                         "content_index": 0, "audio_end_ms": event["audio_end_ms"]})

    @CLIENT_EVENTS.on("conversation.item.delete")
    async def _on_conversation_item_delete(self, event: Event) -> None:
        del self.items[self._index(event["item_id"], "item_id")]
        await self.emit({"type": "conversation.item.deleted", "item_id": event["item_id"]})

    @CLIENT_EVENTS.on("conversation.item.retrieve")
    async def _on_conversation_item_retrieve(self, event: Event) -> None:
        item = self._find(event["item_id"])
        await self.emit({"type": "conversation.item.retrieved", "item": item.data})

    # ---- responses ----------------------------------------------------------------------------

    @CLIENT_EVENTS.on("response.create")
    async def _on_response_create(self, event: Event) -> None:
        if self.kind != "realtime":
            raise RequestError("Transcription sessions do not create responses.", "invalid_value",
                               "type")
        if self.response:
            raise RequestError(
                f"Conversation already has an active response in progress: {self.response.id}. "
                "Wait until the response is finished before creating a new one.",
                "conversation_already_has_active_response")
        await self.start_response(event.get("response"))

    @CLIENT_EVENTS.on("response.cancel")
    async def _on_response_cancel(self, event: Event) -> None:
        wanted = event.get("response_id")
        if not self.response or (wanted and wanted != self.response.id):
            raise RequestError("Cancellation failed: no active response found",
                               "response_cancel_not_active")
        self.response.cancel("client_cancelled")

    async def start_response(self, params: dict[str, Any] | None) -> None:
        if self.response:
            return
        modality = ((params or {}).get("output_modalities")
                    or self.session.get("output_modalities") or ["audio"])[0]
        tools = session_tools.declared(self.session, self.mcp_tools)
        name, _, arguments = (self.spoken_tool or "").partition("=")
        tools.spoken = (name, arguments or "{}") if name in tools.functions else None
        reply = replies.plan_reply(self.items, tools)
        self.responses += 1
        limit = (params or {}).get("max_output_tokens", self.session.get("max_output_tokens"))
        self.response = Response(self, reply, modality, self.faults.response_fails(
            self.responses), limit if isinstance(limit, int) else None)
        if modality == "audio":
            self._audio_produced = True
        self._response_task = asyncio.create_task(self._run_response(self.response))

    async def _run_response(self, response: Response) -> None:
        try:
            await response.run()
        except Exception:      # the connection went away mid-stream
            log.debug("response %s ended early", response.id, exc_info=True)
        finally:
            if self.response is response:
                self.response = None
                self.input.arm_idle()

    def bill(self, context: list[Item], out_text: str, out_audio_ms: int) -> dict[str, Any]:
        usage = replies.usage(context, self.session.get("instructions", ""), self._cached_tokens,
                              out_text, out_audio_ms)
        self._cached_tokens = usage["input_tokens"]
        return usage
