"""The WebRTC transport (aiortc): events on the `oai-events` data channel, audio as Opus tracks.

Opening posts the SDP offer to `<base>/realtime/calls` with the key (a raw `application/sdp`
body for a client secret, which carries its session; the multipart form naming the model for a
standard key) and waits for the channel to open. The microphone goes out through
`send_audio` (wire-rate pcm, resampled to the track's 48 kHz); the remote track comes back as
wire-rate pcm through `on_audio`, on the loop thread. aioice does not pair on 127.0.0.1; ICE
uses the machine's other interfaces, and no STUN server is asked (OpenAI's end is ICE-lite).
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Callable

import aiohttp
from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamTrack

from assistant.dispatch import notify
from assistant.errors import (
    TOO_MUCH,
    AssistantError,
    EndpointUnreachable,
    HandshakeFailed,
    key_refused,
)
from assistant.realtime.endpoint import Endpoint
from assistant.realtime.transport import TransportClosed, describe_os_error
from assistant.realtime.transport.media import OutgoingAudio, read_track
from assistant.translatable import QT_TRANSLATE_NOOP

EVENTS_CHANNEL = "oai-events"
LOST = 1006                        # what a dropped call reports, as a WebSocket would
CLOSE_S = 5.0                      # the longest a hang-up waits for aiortc to close
# Events wait here for the session's reader; a server that sends faster than the loop can read
# for this many messages is cut off (said as "more than any real session sends"), not queued.
INBOX_LIMIT = 2000
log = logging.getLogger(__name__)


class WebRTCTransport:
    carries_audio = True

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint
        self.on_audio: Callable[[bytes], None] | None = None
        self._pc: RTCPeerConnection | None = None
        self._mic = OutgoingAudio(paced=False)
        self._inbox: asyncio.Queue[str | None] = asyncio.Queue(INBOX_LIMIT)
        self._tasks: list[asyncio.Task[None]] = []
        self._channel_open = asyncio.Event()
        self._close_code: int | None = None
        self._closed = False

    async def open(self, timeout: float) -> None:
        where = self.endpoint.display()
        pc = self._pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        pc.addTrack(self._mic)
        channel = pc.createDataChannel(EVENTS_CHANNEL)
        channel.on("open", self._channel_open.set)
        channel.on("message", self._on_message)
        channel.on("close", lambda: self._ended(LOST))
        pc.on("track", self._on_track)
        pc.on("connectionstatechange", self._on_state)
        self._channel = channel
        try:
            async with asyncio.timeout(timeout):
                await pc.setLocalDescription(await pc.createOffer())
                answer = await self._post_offer(pc.localDescription.sdp, timeout)
                await pc.setRemoteDescription(RTCSessionDescription(answer, "answer"))
                await self._channel_open.wait()
        except TimeoutError:
            await self.close()
            raise EndpointUnreachable(where, QT_TRANSLATE_NOOP(
                "Errors", "the call was not connected in time")) from None
        except ValueError:
            await self.close()
            raise EndpointUnreachable(where, QT_TRANSLATE_NOOP(
                "Errors", "the server's SDP answer could not be used")) from None
        except AssistantError:
            await self.close()
            raise

    async def _post_offer(self, sdp: str, timeout: float) -> str:
        endpoint, where = self.endpoint, self.endpoint.display()
        headers = {**endpoint.headers(), "Accept": "application/sdp"}
        form: aiohttp.FormData | str
        if endpoint.ephemeral:
            form, headers["Content-Type"] = sdp, "application/sdp"
        else:
            form = aiohttp.FormData()
            form.add_field("sdp", sdp, content_type="application/sdp")
            form.add_field("session", json.dumps({"type": "realtime", "model": endpoint.model}),
                           content_type="application/json")
        limit = aiohttp.ClientTimeout(total=timeout)
        try:
            async with aiohttp.ClientSession(timeout=limit) as http, \
                    http.post(endpoint.calls_url(), data=form, headers=headers) as response:
                text = await response.text()
                if response.status in (401, 403):
                    raise key_refused(where, response.status, endpoint.ephemeral)
                if response.status not in (200, 201):
                    raise HandshakeFailed(where, response.status)
                return text
        except aiohttp.ClientConnectorError as exc:
            raise EndpointUnreachable(where, describe_os_error(exc.os_error)) from None
        except aiohttp.ClientError as exc:
            raise EndpointUnreachable(where, str(exc) or type(exc).__name__) from None

    # ---- events -------------------------------------------------------------------------------

    def _on_message(self, message: str | bytes) -> None:
        if self._close_code is not None:
            return
        if self._inbox.full():
            log.warning("the server sent %d events the session could not read yet; closing",
                        INBOX_LIMIT)
            self._ended(TOO_MUCH)
            return
        self._inbox.put_nowait(message if isinstance(message, str) else message.decode(
            errors="replace"))

    async def send(self, text: str) -> None:
        if self._closed or self._channel.readyState != "open":
            raise TransportClosed("closed")
        self._channel.send(text)

    async def receive(self) -> AsyncIterator[str | bytes]:
        while (message := await self._inbox.get()) is not None:
            yield message

    # ---- audio --------------------------------------------------------------------------------

    def send_audio(self, pcm: bytes) -> None:
        """Wire-rate pcm16 from the microphone (loop thread)."""
        if not self._closed:
            self._mic.feed(pcm)

    def _on_track(self, track: MediaStreamTrack) -> None:
        if track.kind == "audio":
            self._tasks.append(asyncio.create_task(read_track(track, self._heard),
                                                   name="webrtc-remote"))

    def _heard(self, pcm: bytes) -> None:
        if self.on_audio is not None:
            notify([self.on_audio], pcm)

    # ---- ending -------------------------------------------------------------------------------

    def _on_state(self) -> None:
        if self._pc is not None and self._pc.connectionState in ("failed", "closed"):
            self._ended(LOST)

    def _ended(self, code: int) -> None:
        if self._close_code is None:
            self._close_code = code
        self._end_inbox()

    def _end_inbox(self) -> None:
        """The reader ends after what is queued (a full inbox gives up its oldest for that)."""
        if self._inbox.full():
            self._inbox.get_nowait()
        self._inbox.put_nowait(None)

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._close_code = self._close_code or 1000
        self._end_inbox()
        self._mic.stop()
        for task in self._tasks:
            task.cancel()
        if self._pc is not None:
            await close_peer(self._pc)

    @property
    def close_code(self) -> int | None:
        return self._close_code

    @property
    def close_reason(self) -> str:
        return ""


async def close_peer(pc: RTCPeerConnection) -> None:
    """aiortc's close awaits the tasks of every sender and receiver: a quit or a hang-up waits
    CLOSE_S at most for one that is stuck, then leaves it to the loop's end."""
    try:
        async with asyncio.timeout(CLOSE_S):
            await pc.close()
    except TimeoutError:
        log.warning("the peer connection did not close within %.0f s; left behind", CLOSE_S)
    except Exception:                      # closing what already failed: nothing to add
        log.debug("closing the peer connection failed", exc_info=True)
