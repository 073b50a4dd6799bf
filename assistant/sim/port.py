"""What a response and the input buffer may use of the conversation they belong to.

A protocol, so `responder` and `input_audio` do not import `conversation` (which imports them).
"""

from __future__ import annotations

from typing import Any, Protocol

from assistant.sim.faults import Faults
from assistant.sim.replies import Item


class Cancellable(Protocol):
    def cancel(self, reason: str) -> None: ...


class Conversation(Protocol):
    kind: str
    rate: int
    speed: float
    conversation_id: str
    session: dict[str, Any]
    items: list[Item]
    faults: Faults

    @property
    def response(self) -> Cancellable | None: ...
    @property
    def voice(self) -> str: ...
    @property
    def voice_speed(self) -> float: ...
    @property
    def turn_detection(self) -> dict[str, Any] | None: ...
    def new_id(self, prefix: str) -> str: ...
    async def emit(self, event: dict[str, Any]) -> None: ...
    def add_item(self, item: Item, after: str | None = None) -> None: ...
    async def emit_item_added(self, item: Item) -> None: ...
    async def start_response(self, params: dict[str, Any] | None) -> None: ...
    def bill(self, context: list[Item], out_text: str, out_audio_ms: int) -> dict[str, Any]: ...
