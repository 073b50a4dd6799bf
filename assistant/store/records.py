"""The plain records the history stores and hands back."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Kind = Literal["message", "function_call", "function_call_output"]
PICTURE_LINE = "(a picture)"            # a turn that showed a picture and said nothing
NOT_KEPT = "-"                          # StoredItem.image of a picture shown but not kept


@dataclass
class StoredItem:
    """One conversation item as the user saw or heard it."""
    item_id: str
    kind: Kind
    role: str = ""                       # user | assistant (messages only)
    text: str = ""                       # the text, or the transcript of what was said
    created: float = 0.0                 # unix time
    interrupted_at_ms: int | None = None  # the user cut the assistant off here
    call_id: str = ""
    name: str = ""
    arguments: str = ""                  # a function call's JSON arguments, or a call's output
    image: str = ""                      # a picture the user showed: its file in `pictures/`


@dataclass
class TurnUsage:
    """What one response cost, from `response.done.response.usage`."""
    input_tokens: int = 0
    output_tokens: int = 0
    cached_tokens: int = 0
    input_text: int = 0
    input_audio: int = 0
    cached_text: int = 0
    cached_audio: int = 0
    output_text: int = 0
    output_audio: int = 0
    cost: float | None = None            # USD, when the model has a price


@dataclass
class ConversationSummary:
    id: int
    title: str
    started: float
    updated: float
    model: str = ""
    turns: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    cost: float | None = None
    items: list[StoredItem] = field(default_factory=list)

    def said(self) -> list[tuple[str, str, str]]:
        """(role, item id, text) of what was said, as the conversation view shows it."""
        return [(i.role, i.item_id, i.text or PICTURE_LINE) for i in self.items
                if i.kind == "message" and (i.text or i.image)]
