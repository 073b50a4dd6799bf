"""What the embedded server answers, and what it bills: deterministic, so tests can rely on it."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

_CALL = re.compile(r"\bcall\s+([A-Za-z_][\w-]*)\s*(\{.*\})?\s*$", re.DOTALL | re.IGNORECASE)
_ECHO_LIMIT = 200


@dataclass
class Item:
    """A conversation item as the server keeps it: its wire form and its audio length."""
    data: dict[str, Any]
    audio_ms: int = 0


@dataclass
class Reply:
    text: str = ""
    tool_name: str | None = None
    arguments: str = "{}"


# The demo cannot understand speech; it says so, and its reply is long enough to talk over.
_SPOKEN_TAIL = ("This offline demo does not understand words, but it hears how long you "
                "speak, and you can talk over it at any time.")


def plan_reply(items: list[Item], tool_names: set[str]) -> Reply:
    """The reply to the newest item that warrants one."""
    for item in reversed(items):
        data = item.data
        if data.get("type") == "function_call_output":
            name = _call_name(items, data.get("call_id"))
            return Reply(f"The {name} tool returned: {data.get('output', '')}")
        if data.get("type") == "message" and data.get("role") == "user":
            return _reply_to_user(item, tool_names)
    return Reply("Hello! This is the offline demo server. Say something or type a message.")


def _reply_to_user(item: Item, tool_names: set[str]) -> Reply:
    texts = [part.get("text", "") for part in item.data.get("content", [])
             if part.get("type") == "input_text"]
    if not texts:
        return Reply(f"I heard {item.audio_ms / 1000:.1f} seconds of speech. {_SPOKEN_TAIL}")
    text = " ".join(texts).strip()
    match = _CALL.search(text)
    if match and match.group(1) in tool_names:
        return Reply(tool_name=match.group(1), arguments=_arguments(match.group(2)))
    shown = text if len(text) <= _ECHO_LIMIT else text[:_ECHO_LIMIT] + "..."
    return Reply(f'You said: "{shown}".')


def _arguments(raw: str | None) -> str:
    if not raw:
        return "{}"
    try:
        return json.dumps(json.loads(raw))
    except ValueError:
        return "{}"


def _call_name(items: list[Item], call_id: Any) -> str:
    for item in items:
        if item.data.get("type") == "function_call" and item.data.get("call_id") == call_id:
            return str(item.data.get("name", "function"))
    return "function"


# ---- usage: whole context billed each turn, the earlier prefix counted as cached ------------

def text_tokens(text: str) -> int:
    return math.ceil(len(text) / 4)


def item_tokens(item: Item) -> tuple[int, int]:
    """(text tokens, audio tokens) of one item: ~4 chars a token, 10 audio tokens a second."""
    text = ""
    for part in item.data.get("content", []) or []:
        text += str(part.get("text") or part.get("transcript") or "")
    text += str(item.data.get("output", "")) + str(item.data.get("arguments", ""))
    audio = item.audio_ms // 100 if item.data.get("role") == "user" else item.audio_ms // 50
    return text_tokens(text) + 4, audio


def usage(context: list[Item], instructions: str, cached: int,
          out_text: str, out_audio_ms: int) -> dict[str, Any]:
    in_text = text_tokens(instructions)
    in_audio = 0
    for item in context:
        t, a = item_tokens(item)
        in_text, in_audio = in_text + t, in_audio + a
    input_tokens = in_text + in_audio
    cached = min(cached // 64 * 64, input_tokens)
    cached_text = min(cached, in_text)
    out_t, out_a = text_tokens(out_text), out_audio_ms // 50
    return {
        "total_tokens": input_tokens + out_t + out_a,
        "input_tokens": input_tokens, "output_tokens": out_t + out_a,
        "input_token_details": {"text_tokens": in_text, "audio_tokens": in_audio,
                                "cached_tokens": cached,
                                "cached_tokens_details": {"text_tokens": cached_text,
                                                          "audio_tokens": cached - cached_text}},
        "output_token_details": {"text_tokens": out_t, "audio_tokens": out_a},
    }
