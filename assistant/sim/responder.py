"""One response of the embedded server, streamed the way OpenAI streams it.

Audio goes out paced as `pacing` streams it; cancellation is checked between deltas.
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
from typing import Any

from assistant.config import pcm_ms
from assistant.sim import voice
from assistant.sim.pacing import paced
from assistant.sim.port import Conversation
from assistant.sim.replies import Call, Item, Reply

# The error type the service gives each failure code it fails a response with.
_ERROR_TYPES = {"rate_limit_exceeded": "rate_limit_error", "insufficient_quota": "billing_error"}


class Response:
    def __init__(self, conv: Conversation, reply: Reply, modality: str,
                 failure: str | None = None, max_tokens: int | None = None) -> None:
        self.conv = conv
        self.failure = failure                   # an error code: the response fails with it
        self.cut = max_tokens is not None and len(reply.text.split()) > max_tokens
        if max_tokens is not None and self.cut:  # a token is a word here: cut where they end
            reply = dataclasses.replace(reply, text=" ".join(reply.text.split()[:max_tokens]))
        self.reply = reply
        self.modality = modality
        self.id = conv.new_id("resp")
        self.cancel_reason: str | None = None
        self.output: list[dict[str, Any]] = []
        self.out_text = ""
        self.out_audio_ms = 0

    def cancel(self, reason: str) -> None:
        self.cancel_reason = self.cancel_reason or reason

    def _ids(self, item_id: str) -> dict[str, Any]:
        index = next(i for i, data in enumerate(self.output) if data["id"] == item_id)
        return {"response_id": self.id, "item_id": item_id, "output_index": index}

    def _wire(self, status: str) -> dict[str, Any]:
        return {"id": self.id, "object": "realtime.response", "status": status,
                "conversation_id": self.conv.conversation_id, "output": self.output,
                "output_modalities": [self.modality], "metadata": None,
                "max_output_tokens": "inf",
                "audio": {"output": {"format": {"type": "audio/pcm", "rate": self.conv.rate},
                                     "voice": self.conv.voice}}}

    async def run(self) -> None:
        """Approval requests alone; or function calls alone (the client answers them); or MCP
        calls the server runs, then the spoken or written reply."""
        context = list(self.conv.items)
        await self.conv.emit({"type": "response.created", "response": self._wire("in_progress")})
        if self.failure is not None:
            await self._fail(context, self.failure)
            return
        for call in self.reply.approvals:
            await self._approval_request(call)
        for call in self.reply.calls:
            await self._stream_call(call)
        if not self.reply.approvals and not self.reply.calls:
            for call in self.reply.mcp_calls:
                await self._mcp_call(call)
            await self._stream_message()
        await self._finish(context)

    def _new_item(self, **fields: Any) -> Item:
        return Item({"id": self.conv.new_id("item"), "object": "realtime.item",
                     "status": "in_progress", **fields})

    async def _begin_item(self, item: Item) -> None:
        self.output.append(item.data)
        await self.conv.emit({"type": "response.output_item.added", "response_id": self.id,
                              "output_index": len(self.output) - 1, "item": item.data})
        self.conv.add_item(item)
        await self.conv.emit_item_added(item)

    async def _end_item(self, item: Item, status: str = "completed") -> None:
        if "status" in item.data:
            item.data["status"] = status
        await self.conv.emit({"type": "response.output_item.done", "response_id": self.id,
                              "output_index": self.output.index(item.data), "item": item.data})
        await self.conv.emit({"type": "conversation.item.done", "item": item.data})

    async def _stream_call(self, call: Call) -> None:
        call_id = self.conv.new_id("call")
        item = self._new_item(type="function_call", name=call.name, call_id=call_id,
                              arguments="")
        await self._begin_item(item)
        args = call.arguments
        for start in range(0, len(args), 16):
            await self.conv.emit({"type": "response.function_call_arguments.delta",
                                  **self._ids(item.data["id"]), "call_id": call_id,
                                  "delta": args[start:start + 16]})
        item.data["arguments"] = args
        self.out_text += args
        await self.conv.emit({"type": "response.function_call_arguments.done",
                              **self._ids(item.data["id"]), "call_id": call_id,
                              "name": call.name, "arguments": args})
        await self._end_item(item)

    async def _approval_request(self, call: Call) -> None:
        item = Item({"id": self.conv.new_id("mcpr"), "type": "mcp_approval_request",
                     "server_label": call.server, "name": call.name,
                     "arguments": call.arguments})
        await self._begin_item(item)
        await self._end_item(item)

    async def _mcp_call(self, call: Call) -> None:
        item = Item({"id": self.conv.new_id("mcp"), "type": "mcp_call",
                     "server_label": call.server, "name": call.name, "arguments": "",
                     "approval_request_id": call.approval_request_id, "output": None,
                     "error": None})
        await self._begin_item(item)
        ids = self._ids(item.data["id"])
        await self.conv.emit({"type": "response.mcp_call_arguments.delta", **ids,
                              "delta": call.arguments})
        item.data["arguments"] = call.arguments
        await self.conv.emit({"type": "response.mcp_call_arguments.done", **ids,
                              "arguments": call.arguments})
        where = {k: ids[k] for k in ("item_id", "output_index")}
        await self.conv.emit({"type": "response.mcp_call.in_progress", **where})
        item.data.update(output=call.output, error=call.error)
        done = "response.mcp_call.failed" if call.error else "response.mcp_call.completed"
        await self.conv.emit({"type": done, **where})
        await self._end_item(item)

    async def _stream_message(self) -> None:
        item = self._new_item(type="message", role="assistant", content=[])
        await self._begin_item(item)
        audio = self.modality == "audio"
        part: dict[str, Any] = {"type": "audio", "transcript": ""} if audio else {"type": "text",
                                                                                  "text": ""}
        where = {**self._ids(item.data["id"]), "content_index": 0}
        await self.conv.emit({"type": "response.content_part.added", **where, "part": part})
        if audio:
            await self._stream_audio(item, where)
        else:
            await self._stream_text(where)
        key = "transcript" if audio else "text"
        kind = "response.output_audio_transcript.done" if audio else "response.output_text.done"
        if audio:
            await self.conv.emit({"type": "response.output_audio.done", **where})
        await self.conv.emit({"type": kind, **where, key: self.out_text})
        part[key] = self.out_text
        await self.conv.emit({"type": "response.content_part.done", **where, "part": part})
        content_type = "output_audio" if audio else "output_text"
        item.data["content"] = [{"type": content_type, key: self.out_text}]
        await self._end_item(item, "incomplete" if self.cancel_reason else "completed")

    async def _stream_audio(self, item: Item, where: dict[str, Any]) -> None:
        pcm = await asyncio.to_thread(voice.synthesize, self.reply.text, self.conv.voice,
                                      self.conv.rate, self.conv.voice_speed)
        speed, faults = self.conv.speed, self.conv.faults
        if faults.flood_s:                  # a hostile server: far more audio, far too fast
            speed = faults.flood_speed
            pcm *= int(faults.flood_s * speed * self.conv.rate * 2 / max(1, len(pcm))) + 1
        async for chunk in paced(pcm, self.reply.text, self.conv.rate, speed):
            if self.cancel_reason:
                return
            if chunk.words:
                self.out_text += chunk.words
                await self.conv.emit({"type": "response.output_audio_transcript.delta", **where,
                                      "delta": chunk.words})
            await self.conv.emit({"type": "response.output_audio.delta", **where,
                                  "delta": base64.b64encode(chunk.audio).decode("ascii")})
            item.audio_ms += pcm_ms(len(chunk.audio), self.conv.rate)
            self.out_audio_ms = item.audio_ms

    async def _stream_text(self, where: dict[str, Any]) -> None:
        for word in self.reply.text.split(" "):
            if self.cancel_reason:
                return
            delta = word if not self.out_text else " " + word
            self.out_text += delta
            await self.conv.emit({"type": "response.output_text.delta", **where, "delta": delta})
            await asyncio.sleep(0.02 / self.conv.speed)

    async def _fail(self, context: list[Item], code: str) -> None:
        wire = self._wire("failed")
        wire["status_details"] = {"type": "failed", "error": {
            "type": _ERROR_TYPES.get(code, "server_error"), "code": code}}
        wire["usage"] = self.conv.bill(context, "", 0)
        await self.conv.emit({"type": "response.done", "response": wire})

    async def _finish(self, context: list[Item]) -> None:
        status = "cancelled" if self.cancel_reason else "incomplete" if self.cut else "completed"
        wire = self._wire(status)
        if self.cancel_reason:
            wire["status_details"] = {"type": "cancelled", "reason": self.cancel_reason}
        elif self.cut:
            wire["status_details"] = {"type": "incomplete", "reason": "max_output_tokens"}
        wire["usage"] = self.conv.bill(context, self.out_text, self.out_audio_ms)
        await self.conv.emit({"type": "response.done", "response": wire})
        await self.conv.emit({"type": "rate_limits.updated", "rate_limits": [
            {"name": "requests", "limit": 5000, "reset_seconds": 0.012,
             "remaining": 4999 if self.conv.faults.requests_left is None
             else self.conv.faults.requests_left},
            {"name": "tokens", "limit": 400000,
             "remaining": 400000 - wire["usage"]["total_tokens"], "reset_seconds": 0.5}]})

