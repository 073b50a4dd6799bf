"""One small handler per server event type: what each event changes in the controller.

A handler only reads the event defensively (a malformed event changes nothing) and calls the
controller's signals and state; it does no I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from assistant.states import LISTENING, SPEAKING, THINKING

if TYPE_CHECKING:
    from assistant.controller import Controller


def _user_transcript_delta(c: Controller, e: dict[str, Any]) -> None:
    c.user_text.emit(str(e.get("item_id")), str(e.get("delta", "")), False)


def _user_transcript_done(c: Controller, e: dict[str, Any]) -> None:
    c.user_text.emit(str(e.get("item_id")), str(e.get("transcript", "")), True)


def _item_added(c: Controller, e: dict[str, Any]) -> None:
    item = e.get("item") or {}
    if not isinstance(item, dict) or item.get("type") != "message":
        return
    role, item_id = item.get("role"), str(item.get("id"))
    if role == "user":
        c.turn_started.emit("user", item_id)
        texts = [p.get("text", "") for p in item.get("content") or []
                 if isinstance(p, dict) and p.get("type") == "input_text"]
        if texts:
            c.user_text.emit(item_id, " ".join(texts), True)
    elif role == "assistant":
        c.turn_started.emit("assistant", item_id)


def _assistant_delta(c: Controller, e: dict[str, Any]) -> None:
    item_id = str(e.get("item_id"))
    if c.bridge is not None and c.bridge.was_cut(item_id):
        return                                   # text the user will never hear
    c.assistant_text.emit(item_id, str(e.get("delta", "")), False)
    if c.state != SPEAKING:
        c._set_state(SPEAKING, f"{c._where()}  ·  talk over it or press Esc to interrupt")


def _speech_started(c: Controller, e: dict[str, Any]) -> None:
    c._set_state(LISTENING, f"{c._where()}  ·  hearing you")


def _thinking(c: Controller, e: dict[str, Any]) -> None:
    if c.state != SPEAKING:
        c._set_state(THINKING, c._where())


def _response_done(c: Controller, e: dict[str, Any]) -> None:
    response = e.get("response") or {}
    if isinstance(response, dict) and isinstance(response.get("usage"), dict):
        c.usage_changed.emit(c.usage.add(response["usage"]))
    if c.state == THINKING:
        c._set_state(LISTENING, c._ready_text())


def _truncated(c: Controller, e: dict[str, Any]) -> None:
    c.assistant_text.emit(str(e.get("item_id")), " —", False)
    c.hint.emit(f"Interrupted at {e.get('audio_end_ms', 0) / 1000:.1f} s of the reply.")


def _error(c: Controller, e: dict[str, Any]) -> None:
    error = e.get("error") if isinstance(e.get("error"), dict) else {}
    c.notice.emit(f"Server: {error.get('message') or 'an error without a message'}")


HANDLERS: dict[str, Callable[[Controller, dict[str, Any]], None]] = {
    "conversation.item.input_audio_transcription.delta": _user_transcript_delta,
    "conversation.item.input_audio_transcription.completed": _user_transcript_done,
    "conversation.item.added": _item_added,
    "response.output_audio_transcript.delta": _assistant_delta,
    "response.output_text.delta": _assistant_delta,
    "input_audio_buffer.speech_started": _speech_started,
    "input_audio_buffer.speech_stopped": _thinking,
    "response.created": _thinking,
    "response.done": _response_done,
    "conversation.item.truncated": _truncated,
    "error": _error,
}
