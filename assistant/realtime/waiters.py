"""Futures for "the next received event of this type (or matching this)", resolved in order."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from assistant.dispatch import Event

Match = str | Callable[[Event], bool]


class EventWaiters:
    def __init__(self) -> None:
        self._waiting: list[tuple[Callable[[Event], bool], asyncio.Future[Event]]] = []

    def wait_for(self, match: Match, timeout: float | None = None) -> asyncio.Future[Event]:
        predicate = (lambda e: e.get("type") == match) if isinstance(match, str) else match
        future: asyncio.Future[Event] = asyncio.get_running_loop().create_future()
        self._waiting.append((predicate, future))
        if timeout is None:
            return future
        return asyncio.ensure_future(asyncio.wait_for(future, timeout))

    def received(self, event: Event) -> None:
        for entry in list(self._waiting):
            predicate, future = entry
            if future.done():
                self._waiting.remove(entry)
            elif _safe_match(predicate, event):
                self._waiting.remove(entry)
                future.set_result(event)

    def fail_all(self, error: BaseException) -> None:
        for _, future in self._waiting:
            if not future.done():
                future.set_exception(error)
        self._waiting.clear()


def _safe_match(predicate: Callable[[Event], bool], event: Event) -> bool:
    try:
        return bool(predicate(event))
    except Exception:
        return False
