"""Constants of the wire and the audio path, and where files live."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from assistant.models import REALTIME_DEFAULT

APP_NAME = "voice-assistant"
APP_AUTHOR = "voice-assistant"

WIRE_RATE = 24_000          # Hz; audio/pcm on the Realtime wire
SAMPLE_WIDTH = 2            # bytes; pcm16
FRAME_MS = 20
FRAME_SAMPLES = WIRE_RATE * FRAME_MS // 1000   # 480
FRAME_BYTES = FRAME_SAMPLES * SAMPLE_WIDTH      # 960
MIN_PTT_S = 0.2             # a shorter push-to-talk press is a tap, not speech
PTT_TAIL_S = 0.08           # keep sending after release: the device and resampler still hold audio

DEFAULT_BASE_URL = "wss://api.openai.com/v1"
DEFAULT_MODEL = REALTIME_DEFAULT        # the models' table (assistant.models) says which
VOICES = ("alloy", "ash", "ballad", "coral", "echo", "sage", "shimmer", "verse", "marin", "cedar")
DEFAULT_VOICE = "marin"
DEMO_MCP_URL = "https://mcp.demo.invalid/mcp"   # the embedded server's example MCP server

# The Realtime API refuses events above ~15 MiB; we keep the same bound on both sides.
MAX_EVENT_BYTES = 15 * 1024 * 1024


def pcm_ms(n_bytes: int, rate: int = WIRE_RATE) -> int:
    """Milliseconds of mono pcm16 in `n_bytes` bytes (floored)."""
    return n_bytes * 1000 // (SAMPLE_WIDTH * rate)


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def history_path() -> Path:
    """The conversation history (SQLite), in the user's data folder."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "history.db"


def mcp_config_path() -> Path:
    """The user's own MCP servers: `mcp.json` in the settings folder (`~/.config/voice-assistant`
    on Linux), or where VOICE_ASSISTANT_MCP_CONFIG points."""
    chosen = os.environ.get("VOICE_ASSISTANT_MCP_CONFIG")
    return Path(chosen) if chosen else (
        platformdirs.user_config_path(APP_NAME, appauthor=False) / "mcp.json")


def resource(name: str) -> Path:
    """A file of `resources/`: beside the package in a source tree, inside the bundle when frozen
    (PyInstaller unpacks data under `sys._MEIPASS`)."""
    bundle = getattr(sys, "_MEIPASS", None)
    base = Path(bundle) if bundle else Path(__file__).resolve().parents[1]
    return base / "resources" / name
