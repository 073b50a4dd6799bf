"""Builders for the GA client events. Plain dicts: cheap, and what goes on the wire."""

from __future__ import annotations

import base64
import json
import secrets
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing_extensions import Buffer  # bytes, bytearray, memoryview, numpy

Event = dict[str, Any]


def session_update(session: dict[str, Any]) -> Event:
    return {"type": "session.update", "session": session}


def audio_append(pcm16: Buffer, translation: bool = False) -> Event:
    """Microphone audio; the translation endpoint names the event `session.input_...`."""
    kind = "session.input_audio_buffer.append" if translation else "input_audio_buffer.append"
    return {"type": kind, "audio": base64.b64encode(pcm16).decode("ascii")}


def audio_commit() -> Event:
    return {"type": "input_audio_buffer.commit"}


def audio_clear() -> Event:
    return {"type": "input_audio_buffer.clear"}


def output_audio_clear() -> Event:
    """WebRTC only: the server owns the output buffer, and this cuts it."""
    return {"type": "output_audio_buffer.clear"}


def user_text(text: str) -> Event:
    return {"type": "conversation.item.create",
            "item": {"type": "message", "role": "user",
                     "content": [{"type": "input_text", "text": text}]}}


def item_create(item: dict[str, Any]) -> Event:
    return {"type": "conversation.item.create", "item": item}


def function_output(call_id: str, output: str) -> Event:
    return {"type": "conversation.item.create",
            "item": {"type": "function_call_output", "call_id": call_id, "output": output}}


def mcp_approval(request_id: str, approve: bool, reason: str | None = None) -> Event:
    """The user's answer to a remote MCP server's approval request (the item needs our id)."""
    item: dict[str, Any] = {"type": "mcp_approval_response", "id": f"mcpr_{secrets.token_hex(8)}",
                            "approval_request_id": request_id, "approve": approve}
    if reason:
        item["reason"] = reason
    return {"type": "conversation.item.create", "item": item}


def response_create(response: dict[str, Any] | None = None) -> Event:
    event: Event = {"type": "response.create"}
    if response:
        event["response"] = response
    return event


def response_cancel() -> Event:
    return {"type": "response.cancel"}


def item_truncate(item_id: str, audio_end_ms: int, content_index: int = 0) -> Event:
    return {"type": "conversation.item.truncate", "item_id": item_id,
            "content_index": content_index, "audio_end_ms": audio_end_ms}


def item_delete(item_id: str) -> Event:
    return {"type": "conversation.item.delete", "item_id": item_id}


def parse(raw: str | bytes) -> Event | None:
    """A server message as an event, or None when it is not a JSON object with a type."""
    try:
        event = json.loads(raw)
    except (ValueError, TypeError):
        return None
    return event if isinstance(event, dict) and isinstance(event.get("type"), str) else None


def malformed_error(size: int) -> Event:
    """The local error event that stands in for a message that could not be parsed."""
    return {"type": "error", "error": {
        "type": "client_error", "code": "malformed_event",
        "message": f"The server sent a malformed message ({size} bytes); it was ignored."}}
