"""Which transport an endpoint asks for. Each one's library (websockets, aiortc) is imported
only when a connection needs it: aiortc and PyAV cost a WebSocket user start-up time and memory."""

from __future__ import annotations

from assistant.realtime.endpoint import Endpoint
from assistant.realtime.transport import Transport


def transport_for(endpoint: Endpoint) -> Transport:
    if endpoint.transport == "webrtc":
        from assistant.realtime.transport.webrtc import WebRTCTransport

        return WebRTCTransport(endpoint)
    from assistant.realtime.transport.websocket import WebSocketTransport

    return WebSocketTransport(endpoint)
