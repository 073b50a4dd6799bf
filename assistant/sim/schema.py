"""`session.update` checks, as strict as OpenAI's: an unknown field or a bad value rejects the
whole update with an `invalid_request_error` naming the parameter.

Checkers are small callables `check(value, param)` that raise `Invalid`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from assistant.config import VOICES

Check = Callable[[Any, str], None]


class Invalid(Exception):
    def __init__(self, message: str, param: str) -> None:
        super().__init__(message)
        self.param = param


def one_of(*allowed: Any) -> Check:
    def check(value: Any, param: str) -> None:
        if value not in allowed:
            names = ", ".join(repr(a) for a in allowed)
            raise Invalid(f"Invalid value: {value!r}. Supported values are: {names}.", param)
    return check


def of_type(*types: type) -> Check:
    def check(value: Any, param: str) -> None:
        if not isinstance(value, types) or (isinstance(value, bool) and bool not in types):
            want = " or ".join(t.__name__ for t in types)
            raise Invalid(f"Invalid type for '{param}': expected {want}.", param)
    return check


def number(low: float, high: float, integer: bool = False) -> Check:
    kind: Check = of_type(int) if integer else of_type(int, float)

    def check(value: Any, param: str) -> None:
        kind(value, param)
        if not low <= value <= high:
            raise Invalid(f"Invalid '{param}': {value} is not between {low} and {high}.", param)
    return check


def nullable(inner: Check) -> Check:
    def check(value: Any, param: str) -> None:
        if value is not None:
            inner(value, param)
    return check


def list_of(inner: Check, min_items: int = 0, max_items: int = 128) -> Check:
    def check(value: Any, param: str) -> None:
        of_type(list)(value, param)
        if not min_items <= len(value) <= max_items:
            raise Invalid(f"Invalid '{param}': expected {min_items} to {max_items} items.", param)
        for index, item in enumerate(value):
            inner(item, f"{param}[{index}]")
    return check


def obj(fields: Mapping[str, Check], required: tuple[str, ...] = ()) -> Check:
    def check(value: Any, param: str) -> None:
        of_type(dict)(value, param)
        for key, item in value.items():
            where = f"{param}.{key}" if param else key
            if key not in fields:
                raise Invalid(f"Unknown parameter: '{where}'.", where)
            fields[key](item, where)
        for key in required:
            if key not in value:
                where = f"{param}.{key}" if param else key
                raise Invalid(f"Missing required parameter: '{where}'.", where)
    return check


def tagged(variants: Mapping[str, Check]) -> Check:
    """A union told apart by its `type` field."""
    def check(value: Any, param: str) -> None:
        of_type(dict)(value, param)
        one_of(*variants)(value.get("type"), f"{param}.type")
        variants[value["type"]](value, param)
    return check


_STR = of_type(str)
_ANY_DICT = of_type(dict)

_GA_FORMAT = tagged({
    "audio/pcm": obj({"type": _STR, "rate": one_of(24000)}, required=("type",)),
    "audio/pcmu": obj({"type": _STR}),
    "audio/pcma": obj({"type": _STR}),
})
_VAD_COMMON = {"type": _STR, "create_response": of_type(bool), "interrupt_response": of_type(bool)}
_SERVER_VAD = obj({**_VAD_COMMON, "threshold": number(0.0, 1.0),
                   "prefix_padding_ms": number(0, 10_000, integer=True),
                   "silence_duration_ms": number(0, 10_000, integer=True),
                   "idle_timeout_ms": nullable(number(5_000, 30_000, integer=True))})
_SEMANTIC_VAD = obj({**_VAD_COMMON, "eagerness": one_of("low", "medium", "high", "auto")})
TURN_DETECTION = nullable(tagged({"server_vad": _SERVER_VAD, "semantic_vad": _SEMANTIC_VAD}))
_TRANSCRIPTION = nullable(obj({"model": _STR, "language": _STR, "prompt": _STR}))
_NOISE = nullable(obj({"type": one_of("near_field", "far_field")}, required=("type",)))
_FUNCTION_TOOL = obj({"type": one_of("function"), "name": _STR, "description": _STR,
                      "parameters": _ANY_DICT}, required=("name",))
_TOOL_FILTER = obj({"tool_names": list_of(_STR), "read_only": of_type(bool)})


def _approval_check(value: Any, param: str) -> None:
    if isinstance(value, str) or value is None:
        nullable(one_of("always", "never"))(value, param)
    else:
        obj({"always": _TOOL_FILTER, "never": _TOOL_FILTER})(value, param)


_MCP_TOOL = obj({"type": _STR, "server_label": _STR, "server_url": _STR,
                 "server_description": _STR, "headers": nullable(_ANY_DICT),
                 "authorization": _STR, "connector_id": _STR,
                 "allowed_tools": nullable(lambda v, p: None), "require_approval": _approval_check},
                required=("type", "server_label"))


def _TOOL(value: Any, param: str) -> None:
    """A function tool (its `type` may be left out), or a remote MCP server."""
    is_mcp = isinstance(value, dict) and value.get("type") == "mcp"
    (_MCP_TOOL if is_mcp else _FUNCTION_TOOL)(value, param)


_TOOL_CHOICE = tagged({"function": obj({"type": _STR, "name": _STR})})


def _tool_choice_check(value: Any, param: str) -> None:
    if isinstance(value, str):
        one_of("auto", "none", "required")(value, param)
    else:
        _TOOL_CHOICE(value, param)


_GA_INPUT = obj({"format": _GA_FORMAT, "noise_reduction": _NOISE,
                 "transcription": _TRANSCRIPTION, "turn_detection": TURN_DETECTION})
_GA_OUTPUT = obj({"format": _GA_FORMAT, "voice": one_of(*VOICES), "speed": number(0.25, 1.5)})
_MAX_TOKENS = nullable(lambda v, p: None if v == "inf" else number(1, 4096, integer=True)(v, p))
_COMMON = {"tools": list_of(_TOOL), "tool_choice": _tool_choice_check, "tracing": lambda v, p: None,
           "include": list_of(one_of("item.input_audio_transcription.logprobs"))}

GA_REALTIME_SESSION = obj({
    "type": one_of("realtime"), "model": _STR, "instructions": _STR,
    "output_modalities": list_of(one_of("audio", "text"), 1, 1),
    "max_output_tokens": _MAX_TOKENS, "truncation": lambda v, p: None,
    "prompt": nullable(_ANY_DICT),
    "audio": obj({"input": _GA_INPUT, "output": _GA_OUTPUT}), **_COMMON,
    "reasoning": nullable(obj({"effort": one_of("minimal", "low", "medium", "high", "xhigh")})),
    "parallel_tool_calls": nullable(of_type(bool)),
}, required=("type",))
REASONING_FIELDS = ("reasoning", "parallel_tool_calls")     # reasoning models only

GA_TRANSCRIPTION_SESSION = obj({
    "type": one_of("transcription"), "audio": obj({"input": _GA_INPUT}),
    "include": _COMMON["include"],
}, required=("type",))

_BETA_FORMAT = one_of("pcm16", "g711_ulaw", "g711_alaw")
BETA_SESSION = obj({
    "model": _STR, "instructions": _STR, "voice": one_of(*VOICES),
    "modalities": list_of(one_of("audio", "text"), 1, 2),
    "input_audio_format": _BETA_FORMAT, "output_audio_format": _BETA_FORMAT,
    "input_audio_transcription": _TRANSCRIPTION, "turn_detection": TURN_DETECTION,
    "input_audio_noise_reduction": _NOISE, "temperature": number(0.6, 1.2),
    "max_response_output_tokens": _MAX_TOKENS, "speed": number(0.25, 1.5), **_COMMON,
})
BETA_ONLY_FIELDS = ("temperature",)


def check_session(session: Any, kind: str, dialect: str) -> None:
    """Raise Invalid if `session` is not an acceptable update for this session kind/dialect."""
    if dialect == "beta":
        BETA_SESSION(session, "session")
    elif kind == "transcription":
        GA_TRANSCRIPTION_SESSION(session, "session")
    else:
        GA_REALTIME_SESSION(session, "session")


# ---- client events -----------------------------------------------------------------------------

_INT = number(0, 2**31, integer=True)
_HEAD = {"type": _STR, "event_id": _STR}
_CONTENT = tagged({
    "input_text": obj({"type": _STR, "text": _STR}, required=("text",)),
    "input_audio": obj({"type": _STR, "audio": _STR, "transcript": nullable(_STR)}),
    "input_image": obj({"type": _STR, "image_url": _STR,
                        "detail": one_of("auto", "low", "high")}, required=("image_url",)),
    "output_text": obj({"type": _STR, "text": _STR}),
    "output_audio": obj({"type": _STR, "audio": _STR, "transcript": nullable(_STR)}),
})
_ITEM_HEAD = {"type": _STR, "id": _STR, "object": one_of("realtime.item"),
              "status": one_of("completed", "incomplete", "in_progress")}
ITEM = tagged({
    "message": obj({**_ITEM_HEAD, "role": one_of("user", "assistant", "system"),
                    "content": list_of(_CONTENT, 1)}, required=("role", "content")),
    "function_call": obj({**_ITEM_HEAD, "call_id": _STR, "name": _STR, "arguments": _STR},
                         required=("name", "arguments")),
    "function_call_output": obj({**_ITEM_HEAD, "call_id": _STR, "output": _STR},
                                required=("call_id", "output")),
    "mcp_approval_response": obj({"type": _STR, "id": _STR, "approval_request_id": _STR,
                                  "approve": of_type(bool), "reason": nullable(_STR)},
                                 required=("id", "approval_request_id", "approve")),
})
_RESPONSE_PARAMS = obj({
    "output_modalities": list_of(one_of("audio", "text"), 1, 1), "instructions": _STR,
    "conversation": one_of("auto", "none"), "metadata": _ANY_DICT, "tools": list_of(_TOOL),
    "tool_choice": _tool_choice_check, "max_output_tokens": _MAX_TOKENS,
    "audio": obj({"output": obj({"format": _GA_FORMAT, "voice": one_of(*VOICES)})}),
})

CLIENT_EVENTS: dict[str, Check] = {
    "session.update": obj({**_HEAD, "session": _ANY_DICT}, required=("session",)),
    "input_audio_buffer.append": obj({**_HEAD, "audio": _STR}, required=("audio",)),
    "input_audio_buffer.commit": obj(_HEAD),
    "input_audio_buffer.clear": obj(_HEAD),
    "conversation.item.create": obj({**_HEAD, "previous_item_id": nullable(_STR), "item": ITEM},
                                    required=("item",)),
    "conversation.item.truncate": obj({**_HEAD, "item_id": _STR, "content_index": _INT,
                                       "audio_end_ms": _INT},
                                      required=("item_id", "content_index", "audio_end_ms")),
    "conversation.item.delete": obj({**_HEAD, "item_id": _STR}, required=("item_id",)),
    "conversation.item.retrieve": obj({**_HEAD, "item_id": _STR}, required=("item_id",)),
    "response.create": obj({**_HEAD, "response": _RESPONSE_PARAMS}),
    "response.cancel": obj({**_HEAD, "response_id": _STR}),
    "output_audio_buffer.clear": obj(_HEAD),
}


def check_client_event(event: dict[str, Any], checks: dict[str, Check] | None = None) -> None:
    """Raise Invalid for an unknown type, an unknown field or a bad value (`checks`: the
    session kind's table; a conversation's by default)."""
    table = CLIENT_EVENTS if checks is None else checks
    kind = event.get("type")
    if kind not in table:
        raise Invalid(f"Invalid value: {kind!r}. Supported values are: "
                      f"{', '.join(sorted(table))}.", "type")
    table[kind](event, "")


# ---- the translation endpoint's client events --------------------------------------------------

_TRANSLATION_NOISE = nullable(obj({"type": one_of("near_field", "far_field"),
                                   "strength": number(0.0, 1.0)}, required=("type",)))
TRANSLATION_SESSION = obj({"audio": obj({
    "input": obj({"noise_reduction": _TRANSLATION_NOISE,
                  "transcription": nullable(obj({"model": _STR}, required=("model",)))}),
    "output": obj({"language": nullable(_STR)})})})
TRANSLATION_EVENTS: dict[str, Check] = {
    "session.update": obj({**_HEAD, "session": TRANSLATION_SESSION}, required=("session",)),
    "session.input_audio_buffer.append": obj({**_HEAD, "audio": _STR}, required=("audio",)),
    "session.close": obj(_HEAD),
}

