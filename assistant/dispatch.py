"""The one way events are dispatched, in the client and in the embedded server alike.

Each consumer keeps one `EventTable` and registers one small handler per event type with
`@TABLE.on("input_audio_buffer.speech_started")`, so grepping an event's name finds every handler
of it. A handler takes its owner and the event; unknown types have no handler and are ignored by
the caller (logged where that matters).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Generic, TypeVar

log = logging.getLogger(__name__)
Event = dict[str, Any]                      # an event as parsed: any JSON object with a type
Owner = TypeVar("Owner")
Result = TypeVar("Result")
Shape = TypeVar("Shape", bound=Mapping[str, Any])   # what a handler reads (a TypedDict)


class EventTable(Generic[Owner, Result]):
    """Event type -> the one handler for it."""

    def __init__(self) -> None:
        self._handlers: dict[str, Callable[[Any, Any], Any]] = {}

    def on(self, *types: str) -> Callable[[Callable[[Owner, Shape], Result]],
                                          Callable[[Owner, Shape], Result]]:
        """Register the decorated function as the handler of these event types. It names the
        shape it reads (`realtime.server_events`); the event it gets is whatever came."""
        def register(handler: Callable[[Owner, Shape], Result]
                     ) -> Callable[[Owner, Shape], Result]:
            for kind in types:
                if kind in self._handlers:
                    raise ValueError(f"two handlers for {kind!r}")
                self._handlers[kind] = handler
            return handler
        return register

    def handler(self, kind: str) -> Callable[[Owner, Event], Result] | None:
        return self._handlers.get(kind)

    @property
    def types(self) -> frozenset[str]:
        return frozenset(self._handlers)


def notify(listeners: Iterable[Callable[..., None]], *args: Any) -> None:
    """Call each listener (a copy of the list: one may remove itself); one that fails is
    logged and the others still hear."""
    for listener in list(listeners):
        try:
            listener(*args)
        except Exception:
            log.exception("listener %r failed", listener)
