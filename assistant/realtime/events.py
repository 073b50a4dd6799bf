"""Builders for the GA client events. Plain dicts: cheap, and what goes on the wire."""

from __future__ import annotations

import base64
import json
import secrets
from typing import TYPE_CHECKING, Any

from assistant.config import MAX_EVENT_BYTES
from assistant.dispatch import Event

if TYPE_CHECKING:
    from typing_extensions import Buffer  # bytes, bytearray, memoryview, numpy



# The microphone's event, by session: a conversation's or dictation's, and a translation's.
AUDIO_APPENDS = {False: "input_audio_buffer.append", True: "session.input_audio_buffer.append"}


def session_update(session: dict[str, Any]) -> Event:
    return {"type": "session.update", "session": session}


def audio_append(pcm16: Buffer, translation: bool = False) -> Event:
    """Microphone audio; the translation endpoint names the event `session.input_...`."""
    kind = AUDIO_APPENDS[translation]
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


def user_picture(image_url: str, detail: str, text: str = "", item_id: str = "") -> Event:
    """A user message showing a picture (a PNG or JPEG data URI), with the turn's words."""
    content: list[dict[str, Any]] = [{"type": "input_text", "text": text}] if text else []
    content.append({"type": "input_image", "image_url": image_url, "detail": detail})
    item: dict[str, Any] = {"type": "message", "role": "user", "content": content}
    if item_id:
        item["id"] = item_id
    return {"type": "conversation.item.create", "item": item}


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


# What a server event may be, so that one message cannot take the session down or eat memory.
# The largest legitimate event echoes an item the client made (an image: at most the API's
# 15 MiB per client event) with its envelope; the deepest legitimate ones (a tool's schema in
# `session.updated`) nest about ten levels; the most values are in a long tool list or transcript.
MAX_MESSAGE_BYTES = MAX_EVENT_BYTES + 1024 * 1024
MAX_DEPTH = 64
MAX_VALUES = 250_000


class Refused(ValueError):
    """A server message that is not an event we can take: `reason` says why, for the log."""


def parse(raw: str | bytes) -> Event:
    """A server message as an event; `Refused` when it is not a JSON object with a type, or is
    larger, deeper or has more values than any real event. Never raises anything else."""
    if len(raw) > MAX_MESSAGE_BYTES:
        raise Refused(f"larger than {MAX_MESSAGE_BYTES // (1024 * 1024)} MiB")
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    values, opened = text.count(","), text.count("[") + text.count("{")
    if values > MAX_VALUES:                 # parsed, a flat list of them costs ~50 bytes each
        raise Refused(f"more than {MAX_VALUES} values")
    try:
        event = json.loads(raw)
    except RecursionError:
        raise Refused("nested too deeply") from None
    except (ValueError, TypeError, MemoryError) as exc:
        raise Refused(f"not JSON ({type(exc).__name__})") from None
    if not isinstance(event, dict) or not isinstance(event.get("type"), str):
        raise Refused("not an event (a JSON object with a type)")
    if opened > MAX_DEPTH and _depth(event) > MAX_DEPTH:    # few brackets: cannot be deep
        raise Refused(f"nested deeper than {MAX_DEPTH} levels")
    return event


def _depth(value: Any) -> int:
    """How deeply `value` nests (iteratively: the value itself may be too deep to recurse)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if depth > MAX_DEPTH:
            return depth
        children = node.values() if isinstance(node, dict) else node \
            if isinstance(node, list) else ()
        stack.extend((child, depth + 1) for child in children
                     if isinstance(child, dict | list))
    return deepest


def malformed_error(size: int, reason: str = "") -> Event:
    """The local error event that stands in for a message that could not be taken."""
    why = f": {reason}" if reason else ""
    return {"type": "error", "error": {
        "type": "client_error", "code": "malformed_event",
        "message": f"The server sent a message that could not be used ({size} bytes{why}); "
                   "it was ignored."}}
