"""A session's state as the server keeps it: the defaults a new session starts from, and how a
`session.update` (or a client secret's session) is merged into it."""

from __future__ import annotations

import copy
from typing import Any

from assistant.config import WIRE_RATE

_ATOMIC_KEYS = {"turn_detection", "transcription", "noise_reduction", "format", "tools",
                "tool_choice", "truncation", "prompt"}


def default_session(kind: str, model: str) -> dict[str, Any]:
    fmt = {"type": "audio/pcm", "rate": WIRE_RATE}
    audio_in = {"format": fmt, "noise_reduction": None, "transcription": None,
                "turn_detection": {"type": "server_vad", "threshold": 0.5,
                                   "prefix_padding_ms": 300, "silence_duration_ms": 500,
                                   "idle_timeout_ms": None, "create_response": True,
                                   "interrupt_response": True}}
    if kind == "transcription":
        return {"type": "transcription", "audio": {"input": audio_in}, "include": None}
    return {"type": "realtime", "model": model,
            "output_modalities": ["audio"], "instructions": "", "tools": [], "tool_choice": "auto",
            "max_output_tokens": "inf", "tracing": None, "truncation": "auto", "prompt": None,
            "include": None,
            "audio": {"input": audio_in,
                      "output": {"format": dict(fmt), "voice": "marin", "speed": 1.0}}}


def merge_session(base: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge a partial update; the listed keys are replaced whole, never merged."""
    merged = copy.deepcopy(base)
    for key, value in update.items():
        nested = isinstance(value, dict) and isinstance(merged.get(key), dict)
        if nested and key not in _ATOMIC_KEYS:
            merged[key] = merge_session(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged
