"""Typed session settings and the GA `session` object built from them."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Literal

from assistant.config import DEFAULT_MODEL, DEFAULT_VOICE, WIRE_RATE
from assistant.models import TRANSCRIPTION_DEFAULT, takes_prompt
from assistant.modes import Eagerness, TurnMode

TOOL_CHOICES = ("auto", "none", "required")
TRUNCATIONS = ("auto", "disabled", "retention_ratio")


@dataclass
class TurnDetection:
    mode: TurnMode = TurnMode.SERVER_VAD
    threshold: float = 0.5
    prefix_padding_ms: int = 300
    silence_duration_ms: int = 500
    eagerness: Eagerness = Eagerness.AUTO
    create_response: bool = True
    interrupt_response: bool = True
    idle_timeout_ms: int | None = None    # server VAD: silence this long after a reply, it asks

    def __post_init__(self) -> None:      # a plain string (a test's, a script's) reads as its mode
        self.mode, self.eagerness = TurnMode(self.mode), Eagerness(self.eagerness)

    def to_wire(self) -> dict[str, Any] | None:
        if self.mode is TurnMode.PUSH_TO_TALK:
            return None
        common = {"create_response": self.create_response,
                  "interrupt_response": self.interrupt_response}
        if self.mode is TurnMode.SEMANTIC_VAD:
            return {"type": "semantic_vad", "eagerness": self.eagerness.value, **common}
        server = {"type": "server_vad", "threshold": self.threshold,
                  "prefix_padding_ms": self.prefix_padding_ms,
                  "silence_duration_ms": self.silence_duration_ms, **common}
        return {**server, "idle_timeout_ms": self.idle_timeout_ms} if self.idle_timeout_ms \
            else server


@dataclass
class Transcription:
    """What writes down the user's speech: the model, and the language and words to expect
    (empty: the model guesses; a prompt only reaches a model that takes one)."""
    model: str = TRANSCRIPTION_DEFAULT
    language: str = ""
    prompt: str = ""

    def to_wire(self) -> dict[str, Any] | None:
        if not self.model:
            return None
        wire = {"model": self.model}
        if self.language:
            wire["language"] = self.language
        if self.prompt and takes_prompt(self.model):
            wire["prompt"] = self.prompt
        return wire


@dataclass
class StoredPrompt:
    """A prompt template kept on the platform: its id, a version (empty: the newest) and the
    values of its variables."""
    id: str = ""
    version: str = ""
    variables: dict[str, str] = field(default_factory=dict)

    def to_wire(self) -> dict[str, Any] | None:
        if not self.id:
            return None
        wire: dict[str, Any] = {"id": self.id}
        if self.version:
            wire["version"] = self.version
        if self.variables:
            wire["variables"] = dict(self.variables)
        return wire


@dataclass
class SessionSettings:
    model: str = DEFAULT_MODEL
    voice: str = DEFAULT_VOICE
    instructions: str = "You are a helpful, concise voice assistant."
    turn_detection: TurnDetection = field(default_factory=TurnDetection)
    transcription: Transcription = field(default_factory=Transcription)
    tools: list[dict[str, Any]] = field(default_factory=list)   # wire tools: function, mcp
    tool_choice: str = "auto"                # auto | none | required | a function's name
    output_modality: Literal["audio", "text"] = "audio"
    noise_reduction: Literal["near_field", "far_field"] | None = "near_field"
    wire_rate: int = WIRE_RATE
    speed: float = 1.0
    reasoning_effort: str | None = None      # reasoning models only: minimal ... xhigh
    parallel_tool_calls: bool | None = None  # reasoning models only
    max_output_tokens: int | None = None     # None: no limit ("inf")
    truncation: str = "auto"                 # auto | disabled | retention_ratio
    retention_ratio: float = 0.8             # (retention_ratio) the share kept when cut
    prompt: StoredPrompt = field(default_factory=StoredPrompt)


def build_session(settings: SessionSettings) -> dict[str, Any]:
    """The GA `session` object for `session.update`."""
    fmt = {"type": "audio/pcm", "rate": settings.wire_rate}
    audio_in: dict[str, Any] = {
        "format": fmt,
        "noise_reduction": ({"type": settings.noise_reduction}
                            if settings.noise_reduction else None),
        "transcription": settings.transcription.to_wire(),
        "turn_detection": settings.turn_detection.to_wire(),
    }
    session: dict[str, Any] = {
        "type": "realtime",
        "model": settings.model,
        "instructions": settings.instructions,
        "output_modalities": [settings.output_modality],
        "audio": {"input": audio_in,
                  "output": {"format": dict(fmt), "voice": settings.voice,
                             "speed": settings.speed}},
        "max_output_tokens": settings.max_output_tokens or "inf",
        "truncation": _truncation(settings),
        "prompt": settings.prompt.to_wire(),        # null: none (a live session's goes away)
    }
    if settings.tools:
        session["tools"] = [dict(tool) for tool in settings.tools]
        session["tool_choice"] = _tool_choice(settings.tool_choice)
    if settings.reasoning_effort:
        session["reasoning"] = {"effort": settings.reasoning_effort}
    if settings.parallel_tool_calls is not None:
        session["parallel_tool_calls"] = settings.parallel_tool_calls
    return session


def _tool_choice(choice: str) -> str | dict[str, str]:
    """auto, none and required as they are; any other word names the one function to call."""
    if choice in TOOL_CHOICES:
        return choice
    return {"type": "function", "name": choice}


def _truncation(settings: SessionSettings) -> str | dict[str, Any]:
    if settings.truncation == "retention_ratio":
        return {"type": "retention_ratio", "retention_ratio": settings.retention_ratio}
    return "disabled" if settings.truncation == "disabled" else "auto"


def turn_detection_update(turn: TurnDetection) -> dict[str, Any]:
    """A minimal session for switching the turn mode live."""
    return {"type": "realtime", "audio": {"input": {"turn_detection": turn.to_wire()}}}


@dataclass
class DictationSettings:
    model: str = TRANSCRIPTION_DEFAULT
    language: str = ""                   # ISO-639-1; empty: the model guesses
    prompt: str = ""                     # words and spellings to expect
    turn_detection: TurnDetection = field(default_factory=TurnDetection)
    noise_reduction: Literal["near_field", "far_field"] | None = "near_field"
    wire_rate: int = WIRE_RATE


def build_transcription_session(settings: DictationSettings) -> dict[str, Any]:
    """The GA `session` of a transcription session (`?intent=transcription`)."""
    transcription = Transcription(settings.model, settings.language, settings.prompt).to_wire()
    return {"type": "transcription", "audio": {"input": {
        "format": {"type": "audio/pcm", "rate": settings.wire_rate},
        "noise_reduction": ({"type": settings.noise_reduction}
                            if settings.noise_reduction else None),
        "transcription": transcription,
        "turn_detection": settings.turn_detection.to_wire()}}}


def build_translation_session(language: str, transcription_model: str | None,
                              noise_reduction: str | None = "near_field") -> dict[str, Any]:
    """The `session` of a live-translation session: the target language, and the source
    transcript when a transcription model is named."""
    return {"audio": {
        "input": {"noise_reduction": {"type": noise_reduction} if noise_reduction else None,
                  "transcription": ({"model": transcription_model}
                                    if transcription_model else None)},
        "output": {"language": language}}}


# Where each field an organisation may fix lives in a `session` (see the token server's policy).
FIELD_PATHS: dict[str, tuple[str, ...]] = {
    "voice": ("audio", "output", "voice"), "speed": ("audio", "output", "speed"),
    "language": ("audio", "output", "language"),
    "turn_detection": ("audio", "input", "turn_detection"),
    "transcription": ("audio", "input", "transcription"),
    "noise_reduction": ("audio", "input", "noise_reduction")}


def without_fixed(session: dict[str, Any], fixed: frozenset[str]) -> dict[str, Any]:
    """`session` less the fixed fields (a copy where something is taken out)."""
    if not fixed:
        return session
    kept = copy.deepcopy(session)
    for name in fixed:
        *parents, last = FIELD_PATHS.get(name, (name,))
        holder: Any = kept
        for part in parents:
            holder = holder.get(part) if isinstance(holder, dict) else None
        if isinstance(holder, dict):
            holder.pop(last, None)
    return kept
