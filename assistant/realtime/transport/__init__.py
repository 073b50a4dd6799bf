"""How a Realtime session's events travel: a small interface, and the WebSocket that implements it.

The session keeps the protocol's rules; a transport only opens, carries text frames each way, and
says why it closed. WebRTC carries audio too (`MediaTransport`): on tracks, not in events.
`transports.transport_for` picks one for an endpoint.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Protocol, runtime_checkable

from assistant.realtime.endpoint import Endpoint
from assistant.translatable import QT_TRANSLATE_NOOP


class TransportClosed(Exception):
    """Sending on a transport that has closed (the receive side reports why)."""


class Transport(Protocol):
    """One connection to a Realtime endpoint, carrying JSON text frames."""

    async def open(self, timeout: float) -> None:
        """Connect, or raise a typed `AssistantError` (rejected key, unreachable, bad URL...)."""

    async def send(self, text: str) -> None:
        """Send one event; raises `TransportClosed` once the connection has closed."""

    def receive(self) -> AsyncIterator[str | bytes]:
        """Incoming frames, in order; the iteration ends when the connection closes."""
        ...

    async def close(self) -> None:
        """Close (idempotent)."""

    @property
    def close_code(self) -> int | None:
        """The peer's close code once closed (WebSocket codes: 1000, 1001, 4000...)."""
        ...

    @property
    def close_reason(self) -> str:
        ...


@runtime_checkable
class MediaTransport(Protocol):
    """A transport that carries the audio itself (WebRTC): pcm16 at the wire rate each way."""

    carries_audio: bool
    on_audio: Callable[[bytes], None] | None       # the remote track's audio (loop thread)

    def send_audio(self, pcm: bytes) -> None: ...


TransportFactory = Callable[[Endpoint], Transport]


def describe_os_error(exc: BaseException) -> str:
    """Why a connection could not be made, in words: refused, an unknown host, or the OS's."""
    if isinstance(exc, ConnectionRefusedError):
        return QT_TRANSLATE_NOOP("Errors", "the connection was refused")
    text = str(exc) or type(exc).__name__
    if "Name or service not known" in text or "nodename nor servname" in text:
        return QT_TRANSLATE_NOOP("Errors", "the host name could not be resolved")
    return text
