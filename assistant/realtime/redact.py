"""Event summaries safe to log or show: audio payloads become "<N bytes>", a picture's data URI
"<image/png, N bytes>", an MCP server's headers (its token) "<redacted>", and a string longer
than `LONGEST_SHOWN` is cut (the inspector keeps 2,000 summaries: a server's 10 MiB strings must
not be kept 2,000 times)."""

from __future__ import annotations

from typing import Any


def b64_size(text: str) -> int:
    """Decoded size of a base64 string, without decoding it."""
    n = len(text)
    if n == 0:
        return 0
    return n * 3 // 4 - text.count("=", max(0, n - 2))


_SECRET_KEYS = frozenset({"headers", "authorization"})
LONGEST_SHOWN = 4096


def _is_audio_payload(event_type: str, key: str) -> bool:
    return key == "audio" or (key == "delta" and event_type.endswith("audio.delta"))


def summarize(event: Any, event_type: str = "") -> Any:
    """A copy of `event` with base64 audio replaced by its size; everything else as is."""
    if isinstance(event, dict):
        kind = event.get("type", event_type) if isinstance(event.get("type"), str) else event_type
        return {key: (f"<{b64_size(value)} bytes>"
                      if isinstance(value, str) and _is_audio_payload(kind, key)
                      else _picture(value) if key == "image_url" and isinstance(value, str)
                      else "<redacted>" if key in _SECRET_KEYS and value
                      else summarize(value, kind))
                for key, value in event.items()}
    if isinstance(event, list):
        return [summarize(value, event_type) for value in event]
    if isinstance(event, str) and len(event) > LONGEST_SHOWN:
        return f"{event[:LONGEST_SHOWN]}… <{len(event)} characters>"
    return event


def _picture(uri: str) -> str:
    """A data URI as its type and size (a 2048 px screen is a megabyte of base64)."""
    head, comma, data = uri.partition(",")
    if not uri.startswith("data:") or not comma:
        return uri[:LONGEST_SHOWN]
    return f"<{head[5:].split(';')[0] or 'data'}, {b64_size(data)} bytes>"
