"""Writes the conversation to the history as it happens, and knows what to carry over.

An item gets its row when it appears (so rows keep the conversation's order, whichever transcript
finishes first) and its text when that is final. An item is complete at its final text or when
the response it belongs to is done; a transcript that comes later still updates its row. A turn
still in flight when the connection drops is forgotten: the user is told, and it is not replayed
half-said. The conversation row is made at the first item, so connecting without talking leaves
no empty entry behind.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from PySide6.QtCore import QCoreApplication

from assistant.growing_text import GrowingText
from assistant.store.history import History
from assistant.store.records import NOT_KEPT, StoredItem, TurnUsage

log = logging.getLogger(__name__)
P = ParamSpec("P")
R = TypeVar("R")


class ConversationRecord:
    def __init__(self, history: History, on_problem: Callable[[str], None],
                 model: str = "") -> None:
        self.history = history
        self.model = model
        self.conversation: int | None = None
        self._pending: dict[str, StoredItem] = {}
        self._late: dict[str, StoredItem] = {}     # complete, its transcript maybe still to come
        self._streamed: dict[str, GrowingText] = {}   # item id -> its text so far (deltas)
        self._on_problem = on_problem
        self._failed = False                   # a write error is said once, not per item
        self._pictures: dict[str, str] = {}    # item id -> its picture's file (or NOT_KEPT)

    # ---- which conversation -------------------------------------------------------------------

    def deleted(self, conversation: int) -> None:
        """Deleted from the history: what follows is saved anew (the session goes on)."""
        if self.conversation == conversation:
            self.start_new()

    def start_new(self) -> None:
        self.conversation = None
        self._pending.clear()
        self._streamed.clear()
        self._late.clear()

    def continue_(self, conversation: int) -> None:
        """Carry on a saved conversation: what follows is added to it, and it is replayed."""
        self.start_new()
        self.conversation = conversation

    def items(self) -> list[StoredItem]:
        """The completed items of this conversation, in order."""
        if self.conversation is None:
            return []
        return [item for item in self._write(self.history.items, self.conversation) or []
                if item.item_id not in self._pending]

    # ---- what happens -------------------------------------------------------------------------

    def has_pending(self, item_id: str) -> bool:
        return item_id in self._pending

    def picture(self, item_id: str, data: bytes, suffix: str, keep: bool) -> None:
        """The user shows a picture in item `item_id` (its row comes when the server adds it):
        its file is written now if the user keeps pictures, else only the fact is kept."""
        name = NOT_KEPT
        if keep:
            name = self._write(self.history.pictures.save, data, suffix) or NOT_KEPT
        self._pictures[item_id] = name

    def item_started(self, role: str, item_id: str) -> None:
        item = StoredItem(item_id, "message", role, created=time.time(),
                          image=self._pictures.pop(item_id, ""))
        self._pending[item_id] = item
        self._save(item)

    def text(self, role: str, item_id: str, text: str, final: bool) -> None:
        item = self._pending.get(item_id)
        if item is None and final and (late := self._late.pop(item_id, None)) is not None:
            late.text = text                 # a transcript after its response: same row
            self._save(late)
        if item is None:
            return                       # not started here, or already complete
        if not final:
            self._streamed.setdefault(item_id, GrowingText()).add(text)
            return
        self._streamed.pop(item_id, None)
        item.text = GrowingText(text).text
        self._complete(item)

    def interrupted(self, item_id: str, end_ms: int) -> None:
        item = self._pending.get(item_id)
        if item is not None:
            item.interrupted_at_ms = end_ms
            self._complete(item)

    def response_finished(self) -> None:
        """A response is over: its items, and the user's turn it answered, are complete (a
        transcript still on its way updates the row when it comes)."""
        for item in list(self._pending.values()):
            if not item.text and item.item_id not in self._streamed and item.role == "user":
                self._late[item.item_id] = item
            self._complete(item)

    def keep(self, item: StoredItem) -> None:
        """An item complete as it comes (a tool call, a tool's result)."""
        self._save(item)

    def usage(self, turn: TurnUsage) -> None:
        if (conversation := self._ensure_conversation()) is not None:
            self._write(self.history.save_usage, conversation, turn)

    @property
    def in_flight(self) -> bool:
        return bool(self._pending)

    def drop_in_flight(self) -> list[tuple[str, str]]:
        """Forget the items not yet complete (the connection dropped under them); returns
        their (role, item_id), so the user can be told what was lost."""
        lost = [(item.role, item.item_id) for item in self._pending.values()]
        for _role, item_id in lost:
            if self.conversation is not None:
                self._write(self.history.forget_item, self.conversation, item_id)
        self._pending.clear()
        self._streamed.clear()
        self._late.clear()
        return lost

    # ---- writing ------------------------------------------------------------------------------

    def _complete(self, item: StoredItem) -> None:
        self._pending.pop(item.item_id, None)
        if (streamed := self._streamed.pop(item.item_id, None)) is not None:
            item.text = streamed.text            # cut short: what had streamed
        self._save(item)

    def _save(self, item: StoredItem) -> None:
        if (conversation := self._ensure_conversation()) is not None:
            self._write(self.history.save_item, conversation, item)

    def _ensure_conversation(self) -> int | None:
        if self.conversation is None:
            self.conversation = self._write(self.history.start_conversation, self.model)
        return self.conversation

    def _write(self, action: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R | None:
        """A disk that fails mid-conversation (full, gone) costs the history, not the call."""
        try:
            return action(*args, **kwargs)
        except (sqlite3.Error, OSError) as exc:
            log.warning("history write failed: %s", exc)
            if not self._failed:
                self._failed = True
                self._on_problem(QCoreApplication.translate(
                    "History", "The conversation could not be saved to the history ({why}).")
                    .format(why=exc))
            return None
