"""How the embedded server takes one client event, for every kind of session: checked against
its schema, handed to its one handler, and any refusal sent back as an `error` event carrying
the event's id (the socket stays open)."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import Any, Protocol, TypeVar

from assistant.dispatch import EventTable
from assistant.sim import schema
from assistant.sim.errors import RequestError


class Peer(Protocol):
    async def error(self, message: str, *, code: str | None = None, param: str | None = None,
                    event_id: str | None = None) -> None: ...


P = TypeVar("P", bound=Peer)


async def handle(peer: P, event: dict[str, Any], checks: dict[str, schema.Check],
                 handlers: EventTable[P, Awaitable[None]]) -> None:
    event_id = event.get("event_id") if isinstance(event.get("event_id"), str) else None
    try:
        schema.check_client_event(event, checks)
        handler = handlers.handler(event["type"])
        if handler is None:           # the schema knows it, the emulation does not
            raise RequestError(f"'{event['type']}' is not supported by this server.",
                               "unsupported_event", "type")
        await handler(peer, event)
    except schema.Invalid as exc:
        await peer.error(str(exc), code="invalid_value", param=exc.param, event_id=event_id)
    except RequestError as exc:
        await peer.error(str(exc), code=exc.code, param=exc.param, event_id=event_id)
