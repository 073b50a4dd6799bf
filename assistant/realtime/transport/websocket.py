"""The WebSocket transport (the `websockets` library): a handshake with typed errors, text frames.

websockets logs handshake headers (the Authorization header among them) and frame heads at DEBUG;
its logger is capped at INFO so neither the key nor audio can reach a log. A ping goes out every
10 s; one unanswered for 10 s closes the connection, which the session reports as a drop.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus, InvalidURI, WebSocketException

from assistant.errors import ConfigError, EndpointUnreachable, HandshakeFailed, key_refused
from assistant.realtime.endpoint import Endpoint
from assistant.realtime.events import MAX_MESSAGE_BYTES
from assistant.realtime.transport import TransportClosed, describe_os_error
from assistant.translatable import QT_TRANSLATE_NOOP

_ws_log = logging.getLogger("assistant.realtime.websocket")
_ws_log.setLevel(logging.INFO)


class WebSocketTransport:
    ping_s = 10.0           # a ping this often; unanswered this long, the connection is dead

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        self._ws: ClientConnection | None = None

    async def open(self, timeout: float) -> None:
        where = self.endpoint.display()
        try:
            self._ws = await connect(self.endpoint.url(),
                                     additional_headers=self.endpoint.headers(),
                                     max_size=MAX_MESSAGE_BYTES, open_timeout=timeout,
                                     compression=None, ping_interval=self.ping_s,
                                     ping_timeout=self.ping_s,
                                     close_timeout=2,
                                     logger=_ws_log)
        except InvalidStatus as exc:
            status = exc.response.status_code
            if status in (401, 403):
                raise key_refused(where, status, self.endpoint.ephemeral) from None
            raise HandshakeFailed(where, status) from None
        except InvalidURI:
            raise ConfigError(QT_TRANSLATE_NOOP("Errors", "'{url}' is not a valid WebSocket URL."),
                              url=self.endpoint.base_url) from None
        except TimeoutError:
            raise EndpointUnreachable(where, QT_TRANSLATE_NOOP("Errors", "no answer in time")) \
                from None
        except (OSError, WebSocketException) as exc:
            raise EndpointUnreachable(where, describe_os_error(exc)) from None

    async def send(self, text: str) -> None:
        if self._ws is None:
            raise TransportClosed("not open")
        try:
            await self._ws.send(text)
        except ConnectionClosed:
            raise TransportClosed("closed") from None

    async def receive(self) -> AsyncIterator[str | bytes]:
        if self._ws is None:
            return
        with contextlib.suppress(ConnectionClosed):
            async for frame in self._ws:
                yield frame

    async def close(self) -> None:
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await self._ws.close()

    @property
    def close_code(self) -> int | None:
        """The server's close code; ours when we closed first (a frame over the size limit is
        closed with 1009, and a server may then just drop the socket)."""
        if self._ws is None:
            return None
        protocol = self._ws.protocol
        if protocol.close_rcvd is None and protocol.close_sent is not None:
            return protocol.close_sent.code
        return self._ws.close_code

    @property
    def close_reason(self) -> str:
        return (self._ws.close_reason or "") if self._ws is not None else ""
