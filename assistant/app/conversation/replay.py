"""The saved conversation as items for a fresh session, so the model keeps its context.

Spoken turns go back as text (their transcripts): audio would cost ten times the tokens and the
model answers the same. A picture goes back as a line saying one was shown (the user may show it
again from the conversation). Long conversations keep the newest items that fit a token budget;
a tool result is never sent without the call it answers (the server refuses an orphan output).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Any

from assistant.realtime.events import item_create
from assistant.store.records import StoredItem

PICTURE_PLACEHOLDER = "[The user showed a picture here; it is not sent again.]"
CHARS_PER_TOKEN = 4          # English text averages about four characters per token
ITEM_OVERHEAD_TOKENS = 4


@dataclass
class Replay:
    events: list[dict[str, Any]] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)     # the ids the server will echo back
    left_out: int = 0                              # older items that did not fit the budget


def estimate_tokens(item: StoredItem) -> int:
    size = len(item.text) + len(item.name) + len(item.arguments)
    return ITEM_OVERHEAD_TOKENS + (size + CHARS_PER_TOKEN - 1) // CHARS_PER_TOKEN


def build_replay(items: list[StoredItem], budget_tokens: int) -> Replay:
    usable = [item for item in items if _wire_item(item) is not None]
    kept: list[StoredItem] = []
    spent = 0
    for item in reversed(usable):
        spent += estimate_tokens(item)
        if spent > budget_tokens:
            break
        kept.append(item)
    kept.reverse()
    calls = {item.call_id for item in kept if item.kind == "function_call"}
    kept = [item for item in kept if item.kind != "function_call_output" or item.call_id in calls]
    replay = Replay(left_out=len(usable) - len(kept))
    tag = secrets.token_hex(4)
    for number, item in enumerate(kept):
        wire = _wire_item(item)
        assert wire is not None
        wire["id"] = f"replay_{tag}_{number}"
        replay.ids.add(wire["id"])
        replay.events.append(item_create(wire))
    return replay


def _wire_item(item: StoredItem) -> dict[str, Any] | None:
    if item.kind == "function_call" and item.call_id and item.name:
        return {"type": "function_call", "call_id": item.call_id, "name": item.name,
                "arguments": item.arguments or "{}"}
    if item.kind == "function_call_output" and item.call_id:
        return {"type": "function_call_output", "call_id": item.call_id,
                "output": item.arguments}
    text = item.text.strip()
    if item.image and item.role == "user":      # a picture is not sent again: a line says so
        text = f"{text} {PICTURE_PLACEHOLDER}".strip()
    if item.kind != "message" or not text or item.role not in ("user", "assistant"):
        return None
    part = "input_text" if item.role == "user" else "output_text"
    return {"type": "message", "role": item.role, "content": [{"type": part, "text": text}]}
