"""User settings, and the one object that holds those in force. Never the API key: that lives in
the keyring only."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication

from assistant.config import DEFAULT_BASE_URL, DEFAULT_MODEL, DEFAULT_VOICE
from assistant.models import TRANSCRIPTION_DEFAULT, TRANSLATION_DEFAULT, reasons
from assistant.modes import Eagerness, EchoMode, ReasoningEffort, SessionMode, TurnMode
from assistant.realtime.endpoint import AuthStyle, Dialect, Endpoint, TransportKind
from assistant.realtime.session_config import (
    SessionSettings,
    StoredPrompt,
    Transcription,
    TurnDetection,
)

log = logging.getLogger(__name__)
NOISE_REDUCTION = ("near_field", "far_field", "off")
# Settings a live session cannot take on: they need a new connection.
_CONNECTION_FIELDS = ("base_url", "auth", "dialect", "model", "voice", "instructions",
                      "reasoning_effort", "parallel_tool_calls",
                      "transcription_model", "input_device", "output_device", "session_mode",
                      "transcription_language", "transcription_prompt", "translation_language",
                      "translation_model", "noise_reduction", "transport",
                      "token_server_url", "token_header", "organization", "project")
# What a live session takes on at once, in a session.update between turns.
_LIVE_FIELDS = ("speed", "text_replies", "idle_timeout_s", "max_output_tokens", "tool_choice",
                "truncation", "retention_ratio", "prompt_id", "prompt_version",
                "prompt_variables")
@dataclass
class Settings:
    base_url: str = DEFAULT_BASE_URL
    auth: AuthStyle = "bearer"
    dialect: Dialect = "ga"
    model: str = DEFAULT_MODEL
    voice: str = DEFAULT_VOICE
    speed: float = 1.0                   # 0.25 ... 1.5 times the voice's pace
    text_replies: bool = False           # the assistant writes instead of speaking
    instructions: str = "You are a helpful, concise voice assistant."
    transcription_model: str = TRANSCRIPTION_DEFAULT
    turn_mode: TurnMode = TurnMode.PUSH_TO_TALK
    vad_threshold: float = 0.5
    vad_silence_ms: int = 500
    vad_prefix_ms: int = 300
    eagerness: Eagerness = Eagerness.AUTO
    reasoning_effort: ReasoningEffort = ReasoningEffort.AUTO   # reasoning models only
    parallel_tool_calls: bool = True     # reasoning models only: several tools at once
    max_output_tokens: int = 0           # a reply's limit; 0: none
    tool_choice: str = "auto"            # auto | none | required | the one function to call
    truncation: str = "auto"             # how a conversation too long for the model is cut
    retention_ratio: float = 0.8         # (truncation retention_ratio) the share kept
    prompt_id: str = ""                  # a stored prompt template (pmpt_...); empty: none
    prompt_version: str = ""             # empty: its newest version
    prompt_variables: str = ""           # its variables, a JSON object of strings
    idle_timeout_s: int = 0              # server VAD: quiet this long after a reply, it asks
    input_device: str = ""
    output_device: str = ""
    echo_guard: bool = True
    echo_cancellation: EchoMode = EchoMode.AUTO
    echo_noise_suppression: bool = False     # WebRTC's, on this machine (see README)
    first_run_done: bool = False
    rollover_minutes: float = 55.0       # a fresh session before OpenAI's 60-minute cap
    stall_s: float = 15.0                # no event this long mid-response: the connection is dead
    replay_budget_tokens: int = 12_000   # how much of a long conversation a new session gets
    prices: str = ""                     # the user's price table as JSON; empty: the defaults
    disabled_tools: str = ""             # tool names, comma-separated
    tool_grants: str = ""                # tools that no longer ask: JSON (tools.consent)
    mcp_servers: str = ""                # remote MCP servers as JSON (app.tool_config)
    session_mode: SessionMode = SessionMode.CONVERSATION
    transcription_language: str = ""     # ISO-639-1, every mode; empty: the model guesses
    transcription_prompt: str = ""       # words and spellings to expect
    translation_language: str = "es"     # what the interpreter speaks
    translation_model: str = TRANSLATION_DEFAULT
    noise_reduction: str = "near_field"  # near_field (headset, laptop) | far_field | off
    global_shortcut: str = "Ctrl+Alt+Space"  # push-to-talk in every application
    global_talk: str = "hold"            # hold | toggle (press to start, again to send) | off
    screen_shortcut: str = "Ctrl+Alt+S"  # show the screen to the assistant; empty: off
    picture_detail: str = "auto"         # input_image detail: auto | low | high
    keep_pictures: bool = True           # shown pictures kept in the history (files 0600)
    check_updates: bool = True           # once a day, ask the release feed for a newer version
    update_checked_at: float = 0.0       # unix time of the last check (done or failed)
    close_to_tray: bool = False          # the window's close button hides it in the tray
    start_at_login: bool = False
    language: str = ""                   # "" follows the OS; else one of cli.LANGUAGES
    transport: TransportKind = "websocket"   # or webrtc (conversations; Opus, jitter buffer)
    # An organisation's token server hands out client secrets, so no standard key is needed.
    token_server_url: str = ""
    token_header: str = "Authorization"  # the header it checks; its value lives in the keyring
    cleartext_hosts: str = ""            # JSON list: hosts allowed a key over ws:// or http://
    organization: str = ""               # OpenAI-Organization header; empty: the key's default
    project: str = ""                    # OpenAI-Project header

    @property
    def token_account(self) -> str:
        """The keyring account of the token server's header value."""
        return f"token-server:{urlsplit(self.token_server_url).hostname or self.token_server_url}"

    @property
    def key_account(self) -> str:
        """Keys are stored per host, so an Azure key and an OpenAI key can coexist."""
        return urlsplit(self.base_url).hostname or self.base_url

    def needs_reconnect(self, before: Settings) -> bool:
        """Whether going from `before` to these settings takes a new connection."""
        return self._differs(before, _CONNECTION_FIELDS)

    def session_changed(self, before: Settings) -> bool:
        """Whether a live session is told anew (no new connection needed)."""
        return self._differs(before, _LIVE_FIELDS)

    def _differs(self, before: Settings, names: tuple[str, ...]) -> bool:
        return any(getattr(self, name) != getattr(before, name) for name in names)

    def turn_detection(self) -> TurnDetection:
        idle = min(30, max(5, self.idle_timeout_s)) * 1000 if self.idle_timeout_s > 0 else None
        return TurnDetection(mode=self.turn_mode, threshold=self.vad_threshold,
                             prefix_padding_ms=self.vad_prefix_ms,
                             silence_duration_ms=self.vad_silence_ms,
                             eagerness=self.eagerness, idle_timeout_ms=idle)

    def transcription(self) -> Transcription:
        return Transcription(self.transcription_model, self.transcription_language,
                             self.transcription_prompt)

    def session_settings(self, tools: list[dict[str, Any]] | None = None) -> SessionSettings:
        """What a conversation's session is told; reasoning only to a model that reasons (the
        service refuses it from the others)."""
        thinking = reasons(self.model)
        effort = self.reasoning_effort if self.reasoning_effort is not ReasoningEffort.AUTO \
            else None
        return SessionSettings(model=self.model, voice=self.voice, instructions=self.instructions,
                               turn_detection=self.turn_detection(),
                               transcription=self.transcription(),
                               tools=tools or [], noise_reduction=self.noise_filter,
                               reasoning_effort=effort.value if thinking and effort else None,
                               parallel_tool_calls=self.parallel_tool_calls if thinking
                               else None, **self._reply_fields())

    def _reply_fields(self) -> dict[str, Any]:
        """How replies are made, each held within what the service takes (a hand-edited file
        cannot make the session.update fail)."""
        return {"speed": min(1.5, max(0.25, self.speed)),
                "output_modality": "text" if self.text_replies else "audio",
                "max_output_tokens": min(4096, self.max_output_tokens)
                if self.max_output_tokens > 0 else None,
                "tool_choice": self.tool_choice.strip() or "auto",
                "truncation": self.truncation,
                "retention_ratio": min(1.0, max(0.0, self.retention_ratio)),
                "prompt": StoredPrompt(self.prompt_id.strip(), self.prompt_version.strip(),
                                       prompt_variables(self.prompt_variables, strict=False))}

    @property
    def noise_filter(self) -> Literal["near_field", "far_field"] | None:
        return None if self.noise_reduction == "off" else \
            "far_field" if self.noise_reduction == "far_field" else "near_field"

    def with_model_replaced(self, old: str, new: str) -> Settings:
        """These settings with `new` wherever they name `old` (the conversation's model, or the
        transcription's)."""
        return dataclasses.replace(
            self, model=new if self.model == old else self.model,
            transcription_model=new if self.transcription_model == old
            else self.transcription_model)

    def audio_changed(self, before: Settings) -> bool:
        """The devices reopen for these (the session goes on)."""
        return (self.echo_cancellation, self.echo_noise_suppression) != \
            (before.echo_cancellation, before.echo_noise_suppression)

    def tools_changed(self, before: Settings) -> bool:
        return (self.disabled_tools, self.mcp_servers) != (before.disabled_tools,
                                                           before.mcp_servers)

    def endpoint(self, api_key: str, ephemeral: bool = False) -> Endpoint:
        """Where this session mode connects: translation has its own endpoint, GA only; WebRTC
        is for conversations (dictation and translation stream over the WebSocket). A client
        secret is always a Bearer token."""
        auth: AuthStyle = "bearer" if ephemeral else self.auth
        if self.session_mode is SessionMode.INTERPRETER:
            return Endpoint(base_url=self.base_url, model=self.translation_model,
                            api_key=api_key, auth=auth, intent="translation",
                            ephemeral=ephemeral, organization=self.organization.strip(),
                            project=self.project.strip())
        conversation = self.session_mode is not SessionMode.DICTATION
        return Endpoint(base_url=self.base_url, model=self.model, api_key=api_key,
                        auth=auth, dialect=self.dialect, ephemeral=ephemeral,
                        organization=self.organization.strip(), project=self.project.strip(),
                        intent="conversation" if conversation else "transcription",
                        transport=self.transport if conversation else "websocket")

    def secret_kind(self) -> tuple[str, str]:
        """The kind of client secret this session mode needs, and the model it would use."""
        if self.session_mode is SessionMode.INTERPRETER:
            return "translation", self.translation_model
        if self.session_mode is SessionMode.DICTATION:
            return "transcription", ""
        return "realtime", self.model

    def with_args(self, args: argparse.Namespace) -> Settings:
        """These settings with the command line's values on top (for this run only)."""
        changes = {name: getattr(args, name) for name in
                   ("base_url", "model", "dialect", "input_device", "output_device",
                    "session_mode", "echo_cancellation", "language", "transport",
                    "token_server_url", "turn_mode")
                   if getattr(args, name, None) is not None}
        return dataclasses.replace(self, **changes)


class Preferences:
    """The settings in force, one object shared by the parts that read them (the controller
    replaces `current` when the user applies new ones); saving goes through here."""

    def __init__(self, current: Settings, save: Callable[[Settings], None] | None = None) -> None:
        self.current = current
        self._save = save or (lambda _settings: None)

    def save(self, settings: Settings | None = None) -> None:
        if settings is not None:
            self.current = settings
        self._save(self.current)


def prompt_variables(text: str, strict: bool = True) -> dict[str, str]:
    """A stored prompt's variables from their JSON text (empty: none). Not an object of
    strings: ValueError with what is wrong, or (not strict) no variables."""
    if not text.strip():
        return {}
    try:
        value = json.loads(text)
    except ValueError as exc:
        if strict:
            raise ValueError(QCoreApplication.translate(
                "Settings", "The variables are not JSON: {error}").format(error=exc)) from None
        return {}
    if isinstance(value, dict) and all(isinstance(v, str) for v in value.values()):
        return {str(k): v for k, v in value.items()}
    if strict:
        raise ValueError(QCoreApplication.translate(
            "Settings", 'The variables must be one object of texts, like {"name": "Ada"}.'))
    return {}
