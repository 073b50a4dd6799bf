"""The embedded server's WebRTC calls (`POST /v1/realtime/calls`), with aiortc.

The offer comes as a raw `application/sdp` body or as the multipart form (`sdp`, `session`) the
openai SDK sends; the answer goes back with 201 and a `Location`. Events travel on the client's
`oai-events` data channel through the same `SimConnection` as a WebSocket's; the caller's audio
goes into the conversation's input (its VAD); the reply's audio is taken out of the event stream
and played on an Opus track in real time. As OpenAI's, the server owns the output buffer here:
`output_audio_buffer.started/stopped/cleared` say what it plays, and the client's
`output_audio_buffer.clear` cuts it.
"""

from __future__ import annotations

import asyncio
import base64
import json
import secrets
from collections.abc import Coroutine
from typing import Any

from aiohttp import BodyPartReader, web
from aiortc import RTCConfiguration, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import MediaStreamTrack
from aiortc.rtcdatachannel import RTCDataChannel

from assistant.dispatch import Event, EventTable
from assistant.models import REALTIME_DEFAULT
from assistant.realtime.transport.media import OutgoingAudio, read_track
from assistant.realtime.transport.webrtc import EVENTS_CHANNEL, close_peer
from assistant.sim import schema
from assistant.sim.client_secrets import Refused
from assistant.sim.connection import Host, SimConnection
from assistant.sim.conversation import SimConversation


class SimCalls:
    def __init__(self, server: Host) -> None:
        self.server = server
        self.calls: dict[str, SimCall] = {}

    async def answer(self, request: web.Request, minted: dict[str, Any] | None) -> web.Response:
        offer, session = await read_offer(request)
        if session:
            try:
                schema.check_session(session, "realtime", "ga")
            except schema.Invalid as exc:
                raise Refused(400, str(exc), "invalid_value") from None
        call_id = f"rtc_{secrets.token_hex(12)}"
        call = SimCall(self, call_id, {**(minted or {}), **session})
        self.calls[call_id] = call
        try:
            answer = await call.start(offer)
        except ValueError as exc:
            await call.close()
            raise Refused(400, f"The SDP offer could not be used: {exc}", "invalid_offer") \
                from None
        return web.Response(status=201, text=answer, content_type="application/sdp",
                            headers={"Location": f"/v1/realtime/calls/{call_id}"})

    async def close(self) -> None:
        for call in list(self.calls.values()):
            await call.close()


async def read_offer(request: web.Request) -> tuple[str, dict[str, Any]]:
    """The SDP offer and the optional session, from either form OpenAI takes."""
    if request.content_type.startswith("multipart/"):
        sdp, session = "", {}
        async for part in await request.multipart():
            if not isinstance(part, BodyPartReader):     # (a nested multipart: not ours)
                continue
            raw = await part.read(decode=True)
            if part.name == "sdp":
                sdp = raw.decode()
            elif part.name == "session":
                try:
                    session = json.loads(raw)
                except ValueError:
                    raise Refused(400, "'session' is not JSON.", "invalid_json") from None
        if not isinstance(session, dict):
            raise Refused(400, "'session' must be an object.", "invalid_value")
        return _checked(sdp), session
    return _checked(await request.text()), {}


def _checked(sdp: str) -> str:
    if not sdp.startswith("v=0"):
        raise Refused(400, "The body is not an SDP offer.", "invalid_offer")
    return sdp


class SimCall:
    """One call: a peer connection, its reply track and the connection its events run through."""

    def __init__(self, calls: SimCalls, call_id: str, session: dict[str, Any]) -> None:
        self.calls, self.call_id, self.session = calls, call_id, session
        self.pc = RTCPeerConnection(RTCConfiguration(iceServers=[]))
        self.voice = OutgoingAudio(paced=True)
        self.connection: SimConnection | None = None
        self._inbox: asyncio.Queue[tuple[str, Any]] = asyncio.Queue()
        self._tasks: list[asyncio.Task[None]] = []
        self._pending: set[asyncio.Future[None]] = set()
        self._playing: str | None = None      # the response whose audio the track plays
        self._responses_done: set[str] = set()
        self._closed = False

    async def start(self, offer: str) -> str:
        self.pc.addTrack(self.voice)
        self.pc.on("datachannel", self._on_channel)
        self.pc.on("track", self._on_track)
        self.pc.on("connectionstatechange", self._on_state)
        await self.pc.setRemoteDescription(RTCSessionDescription(offer, "offer"))
        await self.pc.setLocalDescription(await self.pc.createAnswer())
        self._tasks.append(asyncio.create_task(self._watch_output()))
        return str(self.pc.localDescription.sdp)

    def _on_channel(self, channel: RTCDataChannel) -> None:
        if channel.label != EVENTS_CHANNEL or self.connection is not None:
            return
        server = self.calls.server
        conn = SimConnection(server, ChannelWire(channel, self), beta=False, kind="realtime",
                             model=str(self.session.get("model") or REALTIME_DEFAULT),
                             minted=self.session or None)
        conn.audio_out = self._audio_out
        assert isinstance(conn.conversation, SimConversation)
        conn.conversation.output_buffer = self
        self.connection = conn
        channel.on("message", lambda message: self._inbox.put_nowait(("event", message)))
        channel.on("close", lambda: self._inbox.put_nowait(("end", None)))
        self._tasks.append(asyncio.create_task(self._serve(conn)))

    def _on_track(self, track: MediaStreamTrack) -> None:
        if track.kind == "audio":
            self._tasks.append(asyncio.create_task(read_track(
                track, lambda pcm: self._inbox.put_nowait(("audio", pcm)))))

    def _on_state(self) -> None:
        if self.pc.connectionState in ("failed", "closed"):
            self._inbox.put_nowait(("end", None))

    async def _serve(self, conn: SimConnection) -> None:
        """Events and the caller's audio, one at a time, in arrival order."""
        server = self.calls.server
        server.connections.append(conn)
        try:
            if not await conn.start():
                return
            while (item := await self._inbox.get())[0] != "end":
                kind, payload = item
                if kind == "event":
                    await conn.on_message(payload)
                elif isinstance(conn.conversation, SimConversation):
                    await conn.conversation.input.append_pcm(payload)
        finally:
            server.connections.remove(conn)
            await conn.finish()
            await self.close()

    # ---- the output buffer --------------------------------------------------------------------

    def _audio_out(self, event: dict[str, Any]) -> bool:
        """Reply audio goes to the track, not the channel (True: taken); the events that
        change what the track plays are noted."""
        handler = OUTPUT.handler(str(event.get("type")))
        return handler is not None and handler(self, event)

    def play(self, event: dict[str, Any]) -> None:
        pcm = base64.b64decode(event["delta"])
        self.voice.feed(pcm)
        if (tap := self.calls.server.on_call_audio) is not None:
            tap(str(event.get("item_id")), pcm)
        response_id = str(event.get("response_id"))
        if self._playing != response_id:
            self._playing = response_id
            self._announce("output_audio_buffer.started")

    def talked_over(self) -> None:
        if self._playing is not None:
            self._spawn(self.clear())             # talked over: OpenAI's server cuts its voice

    def response_done(self, response_id: str) -> None:
        self._responses_done.add(response_id)

    async def _watch_output(self) -> None:
        """The track has played the last of a finished response: the buffer stopped."""
        while not self._closed:
            await asyncio.sleep(0.02)
            playing = self._playing
            if playing is not None and playing in self._responses_done and not self.voice.queued:
                self._playing = None
                self._responses_done.discard(playing)
                self._announce("output_audio_buffer.stopped", playing)

    async def clear(self) -> None:
        """The client's `output_audio_buffer.clear` (and the server's own, when talked over)."""
        self.voice.clear()
        playing, self._playing = self._playing, None
        if playing is not None:
            self._announce("output_audio_buffer.cleared", playing)

    def _announce(self, kind: str, response_id: str | None = None) -> None:
        conn = self.connection
        if conn is not None:
            event = {"type": kind, "response_id": response_id or self._playing}
            self._spawn(conn.conversation.emit(event))

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        task = asyncio.ensure_future(work)
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self.calls.calls.pop(self.call_id, None)
        self._inbox.put_nowait(("end", None))
        self.voice.stop()
        await close_peer(self.pc)
        others = [task for task in self._tasks if task is not asyncio.current_task()]
        for task in others:
            task.cancel()
        await asyncio.gather(*others, return_exceptions=True)


class ChannelWire:
    """A call's data channel as a connection's wire; closing it hangs the call up."""

    def __init__(self, channel: RTCDataChannel, call: SimCall) -> None:
        self.channel, self.call = channel, call
        self.transport: asyncio.BaseTransport | None = None     # no socket of its own

    async def send(self, text: str) -> None:
        if self.channel.readyState == "open":
            self.channel.send(text)

    async def close(self, code: int, reason: str) -> None:
        await self.call.close()

    def abort(self) -> None:
        self.call._spawn(self.call.close())


OUTPUT: EventTable[SimCall, bool] = EventTable()


@OUTPUT.on("response.output_audio.delta")
def _reply_audio(call: SimCall, event: Event) -> bool:
    call.play(event)
    return True


@OUTPUT.on("input_audio_buffer.speech_started")
def _speech_started(call: SimCall, _event: Event) -> bool:
    call.talked_over()
    return False


@OUTPUT.on("response.done")
def _response_done(call: SimCall, event: Event) -> bool:
    call.response_done(str(event["response"]["id"]))
    return False
