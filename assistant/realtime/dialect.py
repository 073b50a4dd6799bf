"""GA <-> beta (`OpenAI-Beta: realtime=v1`) translation, both directions, both roles.

The rest of the code speaks GA only. The client translates what it sends to beta and what it
receives back to GA; the embedded server does the mirror image. Keeping both directions in one
table means a name added once is right everywhere.
"""

from __future__ import annotations

import copy
from typing import Any

from assistant.dispatch import Event

# Server event names that differ: beta -> GA.
_SERVER_BETA_TO_GA = {
    "response.audio.delta": "response.output_audio.delta",
    "response.audio.done": "response.output_audio.done",
    "response.audio_transcript.delta": "response.output_audio_transcript.delta",
    "response.audio_transcript.done": "response.output_audio_transcript.done",
    "response.text.delta": "response.output_text.delta",
    "response.text.done": "response.output_text.done",
    "conversation.item.created": "conversation.item.added",
}
_SERVER_GA_TO_BETA = {ga: beta for beta, ga in _SERVER_BETA_TO_GA.items()}
_SERVER_BETA_TO_GA["transcription_session.updated"] = "session.updated"
# GA events with no beta counterpart (beta announces an item once, on creation).
_GA_ONLY_SERVER_EVENTS = frozenset({"conversation.item.done"})
# Fields a GA server event has and its beta twin lacks (beta clients read them from the item).
_GA_ONLY_SERVER_FIELDS = {"response.function_call_arguments.done": ("name",)}

# Assistant content types: GA -> beta.
# The events that carry a session, in either dialect, and the kind of session each carries.
_SESSION_EVENTS = {"session.update": "realtime", "session.created": "realtime",
                   "session.updated": "realtime", "transcription_session.update": "transcription",
                   "transcription_session.updated": "transcription"}
# Beta names a transcription session's events apart.
_TRANSCRIPTION_BETA_NAMES = {"session.update": "transcription_session.update",
                             "session.updated": "transcription_session.updated"}
_CONTENT_GA_TO_BETA = {"output_text": "text", "output_audio": "audio"}
_CONTENT_BETA_TO_GA = {beta: ga for ga, beta in _CONTENT_GA_TO_BETA.items()}

_FORMAT_GA_TO_BETA = {"audio/pcm": "pcm16", "audio/pcmu": "g711_ulaw", "audio/pcma": "g711_alaw"}
_FORMAT_BETA_TO_GA = {beta: ga for ga, beta in _FORMAT_GA_TO_BETA.items()}

# (GA path inside `audio`, beta flat key)
_AUDIO_FIELDS = (
    (("input", "noise_reduction"), "input_audio_noise_reduction"),
    (("input", "transcription"), "input_audio_transcription"),
    (("input", "turn_detection"), "turn_detection"),
    (("output", "voice"), "voice"),
    (("output", "speed"), "speed"),
)
_PLAIN_FIELDS = ("model", "instructions", "tools", "tool_choice", "tracing")
# A beta endpoint serves the model its URL names (an Azure deployment, a preview); its
# session.update takes only the names of its time, so the model is not repeated there.
_NOT_TO_BETA = ("model",)
_GA_ONLY_TURN_FIELDS = ("idle_timeout_ms",)


# ---- session shape ---------------------------------------------------------------------------

def session_to_beta(session: dict[str, Any]) -> dict[str, Any]:
    """GA nested session -> beta flat session. Unknown GA keys are dropped, not guessed."""
    flat: dict[str, Any] = {k: session[k] for k in _PLAIN_FIELDS
                            if k in session and k not in _NOT_TO_BETA}
    if "tools" in flat:                       # beta has function tools only (no remote MCP)
        flat["tools"] = [tool for tool in flat["tools"] if tool.get("type") == "function"]
    if "max_output_tokens" in session:
        flat["max_response_output_tokens"] = session["max_output_tokens"]
    if "output_modalities" in session:
        flat["modalities"] = _modalities_to_beta(session["output_modalities"])
    audio = session.get("audio") or {}
    for (direction, key), beta_key in _AUDIO_FIELDS:
        part = audio.get(direction) or {}
        if key in part:
            flat[beta_key] = part[key]
    turn = flat.get("turn_detection")
    if isinstance(turn, dict):
        flat["turn_detection"] = {k: v for k, v in turn.items() if k not in _GA_ONLY_TURN_FIELDS}
    for direction in ("input", "output"):
        fmt = (audio.get(direction) or {}).get("format")
        if fmt:
            flat[f"{direction}_audio_format"] = _FORMAT_GA_TO_BETA.get(fmt.get("type"), "pcm16")
    return flat


def session_from_beta(flat: dict[str, Any], kind: str = "realtime") -> dict[str, Any]:
    """Beta flat session -> GA nested session. Beta-only keys (temperature...) are kept as is,
    so a GA validator can name them."""
    session: dict[str, Any] = {"type": kind}
    audio: dict[str, dict[str, Any]] = {}
    consumed = {"modalities", "max_response_output_tokens", "input_audio_format",
                "output_audio_format", *(beta for _, beta in _AUDIO_FIELDS)}
    for key, value in flat.items():
        if key not in consumed:
            session[key] = value
    if "modalities" in flat:
        session["output_modalities"] = ["audio"] if "audio" in flat["modalities"] else ["text"]
    if "max_response_output_tokens" in flat:
        session["max_output_tokens"] = flat["max_response_output_tokens"]
    for (direction, key), beta_key in _AUDIO_FIELDS:
        if beta_key in flat:
            audio.setdefault(direction, {})[key] = flat[beta_key]
    for direction in ("input", "output"):
        fmt = flat.get(f"{direction}_audio_format")
        if fmt:
            ga_fmt: dict[str, Any] = {"type": _FORMAT_BETA_TO_GA.get(fmt, fmt)}
            if ga_fmt["type"] == "audio/pcm":
                ga_fmt["rate"] = 24000
            audio.setdefault(direction, {})["format"] = ga_fmt
    if audio:
        session["audio"] = audio
    return session


def _modalities_to_beta(output_modalities: list[str]) -> list[str]:
    # Beta audio output always came with its transcript as text.
    return ["text", "audio"] if "audio" in output_modalities else ["text"]


# ---- items and responses -----------------------------------------------------------------------

def _map_item(item: Any, table: dict[str, str]) -> Any:
    if isinstance(item, dict) and item.get("role") == "assistant":
        for part in item.get("content") or ():
            if isinstance(part, dict) and part.get("type") in table:
                part["type"] = table[part["type"]]
    return item


def _map_response(response: Any, to_beta: bool) -> None:
    """Response objects (response.create params, response.created/done) between dialects."""
    if not isinstance(response, dict):
        return
    src, dst = "output_modalities", "modalities"
    if not to_beta:
        src, dst = dst, src
    if src in response:
        value = response.pop(src)
        if isinstance(value, list):
            response[dst] = (_modalities_to_beta(value) if to_beta
                             else (["audio"] if "audio" in value else ["text"]))
    if to_beta:
        _response_audio_to_beta(response)
    else:
        _response_audio_from_beta(response)
    table = _CONTENT_GA_TO_BETA if to_beta else _CONTENT_BETA_TO_GA
    for item in response.get("output") or ():
        _map_item(item, table)


def _response_audio_to_beta(response: dict[str, Any]) -> None:
    output = (response.pop("audio", None) or {}).get("output") or {}
    if "voice" in output:
        response["voice"] = output["voice"]
    if isinstance(output.get("format"), dict):
        response["output_audio_format"] = _FORMAT_GA_TO_BETA.get(output["format"].get("type"),
                                                                 "pcm16")
    details = (response.get("usage") or {}).get("input_token_details")
    if isinstance(details, dict):
        details.pop("cached_tokens_details", None)


def _response_audio_from_beta(response: dict[str, Any]) -> None:
    output: dict[str, Any] = {}
    if "voice" in response:
        output["voice"] = response.pop("voice")
    fmt = response.pop("output_audio_format", None)
    if isinstance(fmt, str):
        output["format"] = {"type": _FORMAT_BETA_TO_GA.get(fmt, fmt)}
    if output:
        response["audio"] = {"output": output}


# ---- whole events ----------------------------------------------------------------------------

def client_to_beta(event: Event) -> Event:
    """A GA client event as a beta endpoint expects it."""
    out = copy.deepcopy(event)
    kind = str(out.get("type"))
    if kind in _SESSION_EVENTS:                            # session.update
        session = out.get("session") or {}
        if session.get("type") == "transcription":
            out["type"] = _TRANSCRIPTION_BETA_NAMES.get(kind, kind)
        out["session"] = session_to_beta(session)
    _map_response(out.get("response"), to_beta=True)       # response.create
    _map_item(out.get("item"), _CONTENT_GA_TO_BETA)        # conversation.item.create
    return out


def client_from_beta(event: Event) -> Event:
    """A beta client event in GA form (used by the embedded server)."""
    out = copy.deepcopy(event)
    kind_name = _SESSION_EVENTS.get(str(out.get("type")))
    if kind_name is not None:                   # session.update, transcription_session.update
        out["type"] = "session.update"
        session = out.get("session")
        if isinstance(session, dict):
            out["session"] = session_from_beta(session, kind_name)
    _map_response(out.get("response"), to_beta=False)      # response.create
    _map_item(out.get("item"), _CONTENT_BETA_TO_GA)        # conversation.item.create
    return out


def server_from_beta(event: Event) -> Event:
    """A beta server event under its GA name and shape (used by the client)."""
    out = copy.deepcopy(event)
    kind = str(out.get("type"))
    kind_name = _SESSION_EVENTS.get(kind)
    if kind_name is not None and isinstance(out.get("session"), dict):
        out["session"] = session_from_beta(out["session"], kind_name)
    out["type"] = _SERVER_BETA_TO_GA.get(kind, kind)
    _map_response(out.get("response"), to_beta=False)
    _map_item(out.get("item"), _CONTENT_BETA_TO_GA)
    return out


def server_to_beta(event: Event) -> Event | None:
    """A GA server event as a beta server sends it; None where beta has no such event."""
    kind = str(event.get("type"))
    if kind in _GA_ONLY_SERVER_EVENTS:
        return None
    out = copy.deepcopy(event)
    if kind in _SESSION_EVENTS and isinstance(out.get("session"), dict):
        session = out["session"]
        if session.get("type") == "transcription":          # beta's created has one name
            kind = _TRANSCRIPTION_BETA_NAMES.get(kind, kind)
        out["session"] = session_to_beta(session)
    for key in _GA_ONLY_SERVER_FIELDS.get(kind, ()):
        out.pop(key, None)
    out["type"] = _SERVER_GA_TO_BETA.get(kind, kind)
    _map_response(out.get("response"), to_beta=True)
    _map_item(out.get("item"), _CONTENT_GA_TO_BETA)
    return out
