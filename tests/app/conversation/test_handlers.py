"""The server-event handlers against a recording fake of the controller: no window, no socket."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from assistant.app.conversation.handlers import HANDLERS
from assistant.app.conversation.record import ConversationRecord
from assistant.modes import ConnectionState as State
from assistant.store.history import History


class ToolsRecorder:
    """Stands for ToolCalls: every method the handlers call is recorded with its arguments."""

    def __init__(self, calls: list[tuple[Any, ...]]) -> None:
        self._calls = calls

    def __getattr__(self, name: str) -> Any:
        return lambda *args: self._calls.append(("tools." + name, *args))


@dataclass
class Recorder:
    """Implements handlers.Conversation and records every call."""
    state: str = State.READY
    cut: set[str] = field(default_factory=set)
    calls: list[tuple[Any, ...]] = field(default_factory=list)

    @property
    def tools(self) -> Any:
        return ToolsRecorder(self.calls)
    record: ConversationRecord = field(
        default_factory=lambda: ConversationRecord(History.open(None), print))

    def set_state(self, state: str, detail: str) -> None:
        self.state = state
        self.calls.append(("state", state))

    def where(self) -> str:
        return "here"

    def ready_text(self) -> str:
        return "ready"

    def was_cut(self, item_id: str) -> bool:
        return item_id in self.cut

    def start_turn(self, role: str, item_id: str) -> None:
        self.calls.append(("turn", role, item_id))

    def show_text(self, role: str, item_id: str, text: str, final: bool) -> None:
        self.calls.append(("text", role, item_id, text, final))

    def show_notice(self, text: str) -> None:
        self.calls.append(("notice", text))

    def show_hint(self, text: str) -> None:
        self.calls.append(("hint", text))

    def count_usage(self, usage: dict[str, Any]) -> None:
        self.calls.append(("usage", usage["input_tokens"]))

    def reply_ended(self, outcome: Any, item_id: str | None) -> None:
        if outcome is not None:
            self.calls.append(("outcome", outcome.failed, outcome.transient, item_id))

    def rate_limits(self, limits: list[dict[str, Any]]) -> None:
        self.calls.append(("limits", len(limits)))


def handle(recorder: Recorder, event: dict[str, Any]) -> list[tuple[Any, ...]]:
    handler = HANDLERS.handler(event["type"])
    assert handler is not None, event["type"]
    handler(recorder, event)
    return recorder.calls


def test_a_typed_user_message_starts_a_turn_with_its_text():
    calls = handle(Recorder(), {"type": "conversation.item.added", "item": {
        "type": "message", "role": "user", "id": "u1",
        "content": [{"type": "input_text", "text": "hi"}, {"type": "input_text", "text": "you"}]}})
    assert calls == [("turn", "user", "u1"), ("text", "user", "u1", "hi you", True)]


def test_assistant_text_speaks_unless_the_item_was_cut():
    recorder = Recorder()
    handle(recorder, {"type": "response.output_audio_transcript.delta", "item_id": "a1",
                      "delta": "Hel"})
    assert recorder.calls == [("text", "assistant", "a1", "Hel", False), ("state", State.SPEAKING)]
    recorder.cut.add("a2")
    recorder.calls.clear()
    handle(recorder, {"type": "response.output_text.delta", "item_id": "a2", "delta": "lo"})
    assert recorder.calls == []


def test_webrtc_server_playing_is_speaking():
    recorder = Recorder(state=State.THINKING)
    handle(recorder, {"type": "output_audio_buffer.started", "response_id": "r1"})
    assert recorder.calls == [("state", State.SPEAKING)]


def test_thinking_then_listening_when_the_response_is_done_with_usage():
    recorder = Recorder()
    handle(recorder, {"type": "input_audio_buffer.speech_stopped"})
    assert recorder.state == State.THINKING
    handle(recorder, {"type": "response.done", "response": {"usage": {"input_tokens": 7}}})
    assert recorder.calls[-2:] == [("usage", 7), ("state", State.READY)]


def test_speaking_is_not_downgraded_to_thinking_by_response_created():
    recorder = Recorder(state=State.SPEAKING)
    assert handle(recorder, {"type": "response.created"}) == []


@pytest.mark.parametrize("event", [
    {"type": "conversation.item.added", "item": "not a dict"},
    {"type": "conversation.item.added"},
    {"type": "response.done", "response": None},
    {"type": "response.done", "response": {"usage": "lots"}},
    {"type": "error", "error": None},
    {"type": "conversation.item.truncated", "item_id": "a", "audio_end_ms": "soon"},
    {"type": "response.output_item.done", "item": {"type": "function_call", "call_id": 7,
                                                   "name": "x"}},
    {"type": "response.output_item.done", "item": {"type": "function_call", "name": "x"}},
    {"type": "response.output_item.done", "item": {"type": "function_call", "call_id": "c",
                                                   "name": "x", "status": "incomplete"}},
    {"type": "response.output_item.done", "item": None},
    {"type": "response.output_item.done", "item": {"type": "mcp_approval_request"}},
    {"type": "response.output_item.added", "item": ["mcp_call"]},
])
def test_malformed_events_change_nothing_harmful(event):
    calls = handle(Recorder(), event)
    assert all(kind in ("text", "notice", "hint") for kind, *_ in calls)


def test_an_error_event_is_one_line_in_the_conversation():
    calls = handle(Recorder(), {"type": "error", "error": {"message": "bad value"}})
    assert calls == [("notice", "Server: bad value")]


def test_a_truncation_is_marked_and_hinted():
    calls = handle(Recorder(), {"type": "conversation.item.truncated", "item_id": "a1",
                                "audio_end_ms": 1500})
    assert calls == [("text", "assistant", "a1", " —", False),
                     ("hint", "Interrupted at 1.5 s of the reply.")]


def test_the_final_assistant_transcript_replaces_the_deltas_unless_cut():
    recorder = Recorder(cut={"a2"})
    handle(recorder, {"type": "response.output_audio_transcript.done", "item_id": "a1",
                      "transcript": "Hello there."})
    handle(recorder, {"type": "response.output_audio_transcript.done", "item_id": "a2",
                      "transcript": "Never heard."})
    assert [c for c in recorder.calls if c[0] == "text"] == [
        ("text", "assistant", "a1", "Hello there.", True)]


def test_tool_calls_and_results_are_kept_as_they_complete():
    recorder = Recorder()
    handle(recorder, {"type": "conversation.item.done", "item": {
        "type": "function_call", "id": "c1", "call_id": "call_1", "name": "clock",
        "arguments": "{}"}})
    handle(recorder, {"type": "conversation.item.done", "item": {
        "type": "function_call_output", "id": "o1", "call_id": "call_1", "output": "12:00"}})
    handle(recorder, {"type": "conversation.item.done", "item": "not an item"})
    items = recorder.record.items()
    assert [(i.kind, i.name, i.arguments) for i in items] == [
        ("function_call", "clock", "{}"), ("function_call_output", "", "12:00")]


def test_the_time_limit_error_is_left_to_the_rollover_marker():
    recorder = Recorder()
    handle(recorder, {"type": "error", "error": {"code": "session_expired", "message": "cap"}})
    handle(recorder, {"type": "error", "error": {"code": "other", "message": "boom"}})
    assert recorder.calls == [("notice", "Server: boom")]


def test_tool_events_reach_the_tool_calls():
    from assistant.app.tool_use.tool_calls import ToolCall

    recorder = Recorder()
    handle(recorder, {"type": "response.output_item.done", "response_id": "r1", "item": {
        "type": "function_call", "call_id": "c1", "name": "clock", "arguments": '{"tz": "UTC"}',
        "status": "completed"}})
    approval = {"type": "mcp_approval_request", "id": "m1", "name": "add", "arguments": "{}",
                "server_label": "demo"}
    handle(recorder, {"type": "response.output_item.done", "response_id": "r1", "item": approval})
    handle(recorder, {"type": "response.done", "response": {"id": "r1"}})
    handle(recorder, {"type": "mcp_list_tools.failed", "item_id": "l1"})
    assert recorder.calls[:2] == [
        ("tools.function_call", "r1", ToolCall("c1", "clock", '{"tz": "UTC"}')),
        ("tools.approval_requested", "r1", ToolCall("m1", "add", "{}", "demo"))]
    assert ("tools.response_finished", "r1") in recorder.calls
    assert recorder.calls[-1] == ("tools.mcp_list_failed", "l1")


def test_rate_limits_running_low_are_said_and_malformed_ones_are_not_a_failure(qapp):
    from types import SimpleNamespace

    from assistant.app.conversation.stage import Stage
    from assistant.app.model import AppNews
    from assistant.app.settings import Preferences, Settings

    news, hints = AppNews(), []
    news.hint.connect(hints.append)
    nothing = SimpleNamespace()
    stage = Stage(news, Preferences(Settings()), nothing, nothing, (nothing, nothing), nothing,
                  nothing)
    stage.rate_limits([{"name": "requests", "limit": 100, "remaining": 5, "reset_seconds": 2.4},
                       {"name": "tokens", "limit": 100, "remaining": 50},
                       {"name": "x", "limit": "many", "remaining": None},
                       {"name": "tokens", "limit": 100, "remaining": 1, "reset_seconds": "soon"}])
    assert hints == ["Rate limit: 5 of 100 requests left; more in 2 s.",
                     "Rate limit: 1 of 100 tokens left; more in 0 s."]
