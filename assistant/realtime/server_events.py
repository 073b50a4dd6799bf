"""The server events the client reads, as typed shapes: the fields it uses, named as the GA
protocol names them (the openai SDK's `realtime` types, which the tests use as the oracle).

Shapes, not guarantees: every key is optional (`total=False`) and a handler still checks what a
value is before it trusts it, because the network may send anything. Defined once, here; a
handler names the shape of the event it handles, so its reads are checked against it.
"""

from __future__ import annotations

from typing import Any, TypedDict


class ContentPart(TypedDict, total=False):
    type: str                       # input_text, input_audio, output_text, output_audio
    text: str
    transcript: str


class Item(TypedDict, total=False):
    """A conversation item: a message, a function call or its output, an MCP call or list."""

    id: str
    type: str
    role: str
    status: str
    content: list[ContentPart]
    call_id: str
    name: str
    arguments: str
    output: str
    server_label: str
    tools: list[dict[str, Any]]     # mcp_list_tools
    error: dict[str, Any]           # mcp_call


class Typed(TypedDict, total=False):
    """Any event: its type is all a handler reads (session.closed, response.created, ...)"""

    type: str


class ItemIdEvent(Typed, total=False):
    """mcp_list_tools.failed, response.output_audio.done"""

    item_id: str


class ConversationItemEvent(Typed, total=False):
    """conversation.item.added / .done"""

    item: Item


class OutputItemEvent(ConversationItemEvent, total=False):
    """response.output_item.added / .done"""

    response_id: str


class StreamDelta(Typed, total=False):
    """The interpreter's session.input_transcript.delta / session.output_transcript.delta"""

    delta: str


class UserTranscriptDelta(StreamDelta, total=False):
    """conversation.item.input_audio_transcription.delta"""

    item_id: str


class AssistantDelta(UserTranscriptDelta, total=False):
    """response.output_audio_transcript.delta, response.output_text.delta"""

    response_id: str


class UserTranscriptDone(Typed, total=False):
    """conversation.item.input_audio_transcription.completed"""

    item_id: str
    transcript: str


class AssistantDone(UserTranscriptDone, total=False):
    """response.output_audio_transcript.done (transcript), response.output_text.done (text)"""

    text: str


class SpeechStarted(Typed, total=False):
    """input_audio_buffer.speech_started"""

    item_id: str
    audio_start_ms: int


class TimeoutTriggered(Typed, total=False):
    """input_audio_buffer.timeout_triggered: the user was quiet for the idle timeout"""

    item_id: str
    audio_start_ms: int
    audio_end_ms: int


class SpeechStopped(Typed, total=False):
    """input_audio_buffer.speech_stopped"""

    item_id: str
    audio_end_ms: int


class Response(TypedDict, total=False):
    id: str
    status: str                     # completed, cancelled, failed, incomplete
    status_details: dict[str, Any]  # failed: {error: {type, code}}; incomplete: {reason}
    usage: dict[str, Any]
    output: list[Item]


class ResponseEvent(Typed, total=False):
    """response.created, response.done"""

    response: Response


class Truncated(Typed, total=False):
    """conversation.item.truncated"""

    item_id: str
    audio_end_ms: int


class ErrorDetail(TypedDict, total=False):
    type: str
    code: str
    message: str
    param: str


class ErrorEvent(Typed, total=False):
    """error"""

    error: ErrorDetail


class TranscriptionFailed(ErrorEvent, total=False):
    """conversation.item.input_audio_transcription.failed: an error about one item"""

    item_id: str


class RateLimit(TypedDict, total=False):
    name: str                       # requests, tokens
    limit: int
    remaining: int
    reset_seconds: float


class RateLimitsEvent(Typed, total=False):
    """rate_limits.updated"""

    rate_limits: list[RateLimit]
