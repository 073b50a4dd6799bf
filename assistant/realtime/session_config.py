"""Typed session settings and the GA `session` object built from them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from assistant.config import DEFAULT_MODEL, DEFAULT_VOICE, WIRE_RATE
from assistant.models import TRANSCRIPTION_DEFAULT
from assistant.modes import Eagerness, TurnMode


@dataclass
class TurnDetection:
    mode: TurnMode = TurnMode.SERVER_VAD
    threshold: float = 0.5
    prefix_padding_ms: int = 300
    silence_duration_ms: int = 500
    eagerness: Eagerness = Eagerness.AUTO
    create_response: bool = True
    interrupt_response: bool = True

    def __post_init__(self) -> None:      # a plain string (a test's, a script's) reads as its mode
        self.mode, self.eagerness = TurnMode(self.mode), Eagerness(self.eagerness)

    def to_wire(self) -> dict[str, Any] | None:
        if self.mode is TurnMode.PUSH_TO_TALK:
            return None
        common = {"create_response": self.create_response,
                  "interrupt_response": self.interrupt_response}
        if self.mode is TurnMode.SEMANTIC_VAD:
            return {"type": "semantic_vad", "eagerness": self.eagerness.value, **common}
        return {"type": "server_vad", "threshold": self.threshold,
                "prefix_padding_ms": self.prefix_padding_ms,
                "silence_duration_ms": self.silence_duration_ms, **common}


@dataclass
class SessionSettings:
    model: str = DEFAULT_MODEL
    voice: str = DEFAULT_VOICE
    instructions: str = "You are a helpful, concise voice assistant."
    turn_detection: TurnDetection = field(default_factory=TurnDetection)
    transcription_model: str | None = TRANSCRIPTION_DEFAULT
    tools: list[dict[str, Any]] = field(default_factory=list)   # wire tools: function, mcp
    output_modality: Literal["audio", "text"] = "audio"
    noise_reduction: Literal["near_field", "far_field"] | None = "near_field"
    wire_rate: int = WIRE_RATE
    speed: float = 1.0
    reasoning_effort: str | None = None      # reasoning models only: minimal ... xhigh
    parallel_tool_calls: bool | None = None  # reasoning models only


def build_session(settings: SessionSettings) -> dict[str, Any]:
    """The GA `session` object for `session.update`."""
    fmt = {"type": "audio/pcm", "rate": settings.wire_rate}
    audio_in: dict[str, Any] = {
        "format": fmt,
        "noise_reduction": ({"type": settings.noise_reduction}
                            if settings.noise_reduction else None),
        "transcription": ({"model": settings.transcription_model}
                          if settings.transcription_model else None),
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
    }
    if settings.tools:
        session["tools"] = [dict(tool) for tool in settings.tools]
        session["tool_choice"] = "auto"
    if settings.reasoning_effort:
        session["reasoning"] = {"effort": settings.reasoning_effort}
    if settings.parallel_tool_calls is not None:
        session["parallel_tool_calls"] = settings.parallel_tool_calls
    return session


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
    transcription: dict[str, Any] = {"model": settings.model}
    if settings.language:
        transcription["language"] = settings.language
    if settings.prompt:
        transcription["prompt"] = settings.prompt
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
