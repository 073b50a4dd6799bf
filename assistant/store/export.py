"""A conversation as Markdown (to read) or JSON (to process). Pure text: the caller writes it,
and the pictures beside it (`files` maps a picture's stored name to where the export put it)."""

from __future__ import annotations

import dataclasses
import json
import time

from assistant.store.records import ConversationSummary, StoredItem, TurnUsage


def when(stamp: float) -> str:
    """A date and time as the history shows it."""
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp))


def cost_text(cost: float | None) -> str:
    if cost is None:
        return "cost unknown"
    return f"${cost:.4f}" if cost < 0.01 else f"${cost:.2f}"


def to_markdown(conversation: ConversationSummary, files: dict[str, str] | None = None) -> str:
    lines = [f"# {conversation.title or 'Conversation'}", "",
             f"{when(conversation.started)} · {conversation.model} · {conversation.turns} "
             f"responses · {conversation.input_tokens:,} tokens in / "
             f"{conversation.output_tokens:,} out · {cost_text(conversation.cost)}", ""]
    for item in conversation.items:
        lines += [_markdown_item(item), ""]
        if item.image:
            shown = (files or {}).get(item.image)
            lines += [f"![a picture you showed]({shown})" if shown else
                      "*(a picture you showed; not kept)*", ""]
    return "\n".join(lines)


def _markdown_item(item: StoredItem) -> str:
    if item.kind == "function_call":
        return f"*Tool call* `{item.name}({item.arguments})`"
    if item.kind == "function_call_output":
        return f"*Tool result*: {item.arguments}"
    who = "**You**" if item.role == "user" else "**Assistant**"
    cut = (f" *(interrupted at {item.interrupted_at_ms / 1000:.1f} s)*"
           if item.interrupted_at_ms is not None else "")
    return f"{who} ({time.strftime('%H:%M:%S', time.localtime(item.created))}): {item.text}{cut}"


def to_json(conversation: ConversationSummary, usage: list[TurnUsage],
            files: dict[str, str] | None = None) -> str:
    head = {k: v for k, v in dataclasses.asdict(conversation).items() if k != "items"}
    items = [{**dataclasses.asdict(item), "image": (files or {}).get(item.image, "")}
             for item in conversation.items]
    document = {"format": "voice-assistant.conversation/1", **head, "items": items,
                "usage": [dataclasses.asdict(turn) for turn in usage]}
    return json.dumps(document, indent=2, ensure_ascii=False)
