"""One small handler per server event type: what each event changes in the conversation's state.

Handlers read the event defensively (a malformed event changes nothing), do no I/O, and reach the
controller only through the `Conversation` protocol, so they are tested with a recording fake.
"""

from __future__ import annotations

import time
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

from assistant.app.conversation import reply_outcome
from assistant.app.conversation.record import ConversationRecord
from assistant.app.conversation.reply_outcome import Outcome
from assistant.app.tool_use.tool_calls import ToolCall, ToolCalls
from assistant.dispatch import EventTable
from assistant.modes import ConnectionState
from assistant.realtime.server_events import (
    AssistantDelta,
    AssistantDone,
    ConversationItemEvent,
    ErrorEvent,
    ItemIdEvent,
    OutputItemEvent,
    RateLimit,
    RateLimitsEvent,
    ResponseEvent,
    SpeechStarted,
    TimeoutTriggered,
    TranscriptionFailed,
    Truncated,
    Typed,
    UserTranscriptDelta,
    UserTranscriptDone,
)
from assistant.store.records import Kind, StoredItem


class Conversation(Protocol):
    """What a handler may read and change."""

    @property
    def state(self) -> ConnectionState: ...
    @property
    def record(self) -> ConversationRecord: ...
    @property
    def tools(self) -> ToolCalls: ...
    def set_state(self, state: ConnectionState, detail: str) -> None: ...
    def where(self) -> str: ...
    def ready_text(self) -> str: ...
    def was_cut(self, item_id: str) -> bool: ...
    def start_turn(self, role: str, item_id: str) -> None: ...
    def show_text(self, role: str, item_id: str, text: str, final: bool) -> None: ...
    def show_notice(self, text: str) -> None: ...
    def show_hint(self, text: str) -> None: ...
    def count_usage(self, usage: dict[str, Any]) -> None: ...
    def reply_ended(self, outcome: Outcome | None, item_id: str | None) -> None: ...
    def rate_limits(self, limits: list[RateLimit]) -> None: ...


HANDLERS: EventTable[Conversation, None] = EventTable()
_KEPT: tuple[Kind, ...] = ("function_call", "function_call_output")   # items kept as they end


@HANDLERS.on("conversation.item.input_audio_transcription.delta")
def _user_transcript_delta(c: Conversation, e: UserTranscriptDelta) -> None:
    c.show_text("user", str(e.get("item_id")), str(e.get("delta", "")), False)


@HANDLERS.on("conversation.item.input_audio_transcription.completed")
def _user_transcript_done(c: Conversation, e: UserTranscriptDone) -> None:
    c.show_text("user", str(e.get("item_id")), str(e.get("transcript", "")), True)


@HANDLERS.on("conversation.item.added", "conversation.item.created")
def _item_added(c: Conversation, e: ConversationItemEvent) -> None:
    item = e.get("item")
    if isinstance(item, dict) and item.get("type") == "mcp_list_tools":
        c.tools.mcp_list_started(item)
    if not isinstance(item, dict) or item.get("type") != "message":
        return
    role, item_id = item.get("role"), str(item.get("id"))
    if role == "user":
        c.start_turn("user", item_id)
        texts = [str(p.get("text", "")) for p in item.get("content") or []
                 if isinstance(p, dict) and p.get("type") == "input_text"]
        if texts:
            c.show_text("user", item_id, " ".join(texts), True)
    elif role == "assistant":
        c.start_turn("assistant", item_id)


@HANDLERS.on("response.output_audio_transcript.delta", "response.output_text.delta")
def _assistant_delta(c: Conversation, e: AssistantDelta) -> None:
    item_id = str(e.get("item_id"))
    if c.was_cut(item_id):
        return                                   # text the user will never hear
    c.show_text("assistant", item_id, str(e.get("delta", "")), False)
    _speaking(c, e)


@HANDLERS.on("output_audio_buffer.started")
def _speaking(c: Conversation, e: Typed) -> None:
    """Speaking: the reply's text is coming, or (WebRTC) the server has started playing it."""
    if c.state != ConnectionState.SPEAKING:
        c.set_state(ConnectionState.SPEAKING, c.where() + "  ·  " + QCoreApplication.translate(
            "Handlers", "talk over it or press Esc to interrupt"))


@HANDLERS.on("response.output_audio_transcript.done", "response.output_text.done")
def _assistant_done(c: Conversation, e: AssistantDone) -> None:
    item_id = str(e.get("item_id"))
    text = e.get("transcript", e.get("text"))
    if not c.was_cut(item_id) and isinstance(text, str):
        c.show_text("assistant", item_id, text, True)


@HANDLERS.on("conversation.item.done")
def _item_done(c: Conversation, e: ConversationItemEvent) -> None:
    """Tool calls and their results are kept as they complete (messages keep their text)."""
    item = e.get("item")
    if isinstance(item, dict) and item.get("type") == "mcp_list_tools":
        c.tools.mcp_tools_listed(item)
    kind = next((k for k in _KEPT if isinstance(item, dict) and item.get("type") == k), None)
    if item is None or kind is None:
        return
    c.record.keep(StoredItem(str(item.get("id")), kind, created=time.time(),
                             call_id=str(item.get("call_id") or ""),
                             name=str(item.get("name") or ""),
                             arguments=str(item.get("arguments") or item.get("output") or "")))


@HANDLERS.on("response.output_item.added")
def _output_item_added(c: Conversation, e: OutputItemEvent) -> None:
    item = e.get("item")
    if isinstance(item, dict) and item.get("type") == "mcp_call":
        c.tools.mcp_call_started(item)


@HANDLERS.on("response.output_item.done")
def _output_item_done(c: Conversation, e: OutputItemEvent) -> None:
    """A function call is complete (ours to run), a remote MCP server's call finished, or one
    waits for the user's approval."""
    item = e.get("item")
    if not isinstance(item, dict):
        return
    if item.get("type") == "function_call" and item.get("status") != "incomplete":
        call_id, name = item.get("call_id"), item.get("name")
        if isinstance(call_id, str) and isinstance(name, str):   # beta's arguments.done has
            c.tools.function_call(str(e.get("response_id")),     # no name: the item has both
                                  ToolCall(call_id, name, str(item.get("arguments") or "")))
    elif item.get("type") == "mcp_call":
        c.tools.mcp_call_done(item)
    elif item.get("type") == "mcp_approval_request" and isinstance(item.get("id"), str):
        c.tools.approval_requested(str(e.get("response_id")), ToolCall(
            item["id"], str(item.get("name")), str(item.get("arguments") or ""),
            str(item.get("server_label"))))


@HANDLERS.on("mcp_list_tools.failed")
def _mcp_list_failed(c: Conversation, e: ItemIdEvent) -> None:
    c.tools.mcp_list_failed(str(e.get("item_id")))


@HANDLERS.on("input_audio_buffer.speech_started")
def _speech_started(c: Conversation, e: SpeechStarted) -> None:
    c.set_state(ConnectionState.RECORDING, c.where() + "  ·  " + QCoreApplication.translate(
        "Handlers", "hearing you"))


@HANDLERS.on("input_audio_buffer.timeout_triggered")
def _timed_out(c: Conversation, e: TimeoutTriggered) -> None:
    """The idle timeout: the server answers the silence (the model checks in)."""
    c.show_hint(QCoreApplication.translate(
        "Handlers", "You were quiet for a while: the assistant checks whether you are still "
        "there."))


@HANDLERS.on("input_audio_buffer.speech_stopped", "response.created")
def _thinking(c: Conversation, e: Typed) -> None:
    if c.state != ConnectionState.SPEAKING:
        c.set_state(ConnectionState.THINKING, c.where())


@HANDLERS.on("response.done")
def _response_done(c: Conversation, e: ResponseEvent) -> None:
    response = e.get("response")
    if isinstance(response, dict) and isinstance(response.get("usage"), dict):
        c.count_usage(response["usage"])
    if isinstance(response, dict) and isinstance(response.get("id"), str):
        c.tools.response_finished(response["id"])
    c.record.response_finished()
    if c.state == ConnectionState.THINKING:
        c.set_state(ConnectionState.READY, c.ready_text())
    if isinstance(response, dict):
        said = [i.get("id") for i in response.get("output") or [] if isinstance(i, dict)
                and i.get("type") == "message"]
        c.reply_ended(reply_outcome.of(dict(response)), str(said[0]) if said else None)


@HANDLERS.on("rate_limits.updated")
def _rate_limits(c: Conversation, e: RateLimitsEvent) -> None:
    limits = e.get("rate_limits")
    if isinstance(limits, list):
        c.rate_limits([limit for limit in limits if isinstance(limit, dict)])


@HANDLERS.on("conversation.item.input_audio_transcription.failed")
def _transcription_failed(c: Conversation, e: TranscriptionFailed) -> None:
    """Said on the user's turn: what they said was heard and answered, not written down."""
    error = e.get("error")
    why = error.get("message") if isinstance(error, dict) else None
    c.show_text("user", str(e.get("item_id")), "(" + QCoreApplication.translate(
        "Handlers", "not written down: {why}").format(why=why or "?") + ")", True)


@HANDLERS.on("conversation.item.truncated")
def _truncated(c: Conversation, e: Truncated) -> None:
    c.show_text("assistant", str(e.get("item_id")), " —", False)
    end_ms = e.get("audio_end_ms")
    seconds = end_ms / 1000 if isinstance(end_ms, int) else 0.0
    c.record.interrupted(str(e.get("item_id")), int(seconds * 1000))
    c.show_hint(QCoreApplication.translate("Handlers", "Interrupted at {seconds} s of the "
                                           "reply.").format(seconds=f"{seconds:.1f}"))


@HANDLERS.on("error")
def _error(c: Conversation, e: ErrorEvent) -> None:
    if (line := error_line(e, "Server")) is not None:
        c.show_notice(line)


def error_line(e: ErrorEvent, prefix: str) -> str | None:
    """An `error` (or a failed transcription) event as one line: "<prefix>: <message>"; None
    for the time limit, which the rollover's one marker line says."""
    error = e.get("error")
    if isinstance(error, dict) and error.get("code") == "session_expired":
        return None
    message = error.get("message") if isinstance(error, dict) else None
    return f"{prefix}: {message or 'an error without a message'}"
