"""The app as the views see it: one typed face, and the only module of `assistant.app` that
`assistant.ui` imports (the architecture test checks it).

Signals go out (`AppNews`), intents come in (methods), and a few holders may be read or polled
(the settings, the meters' levels, the echo report). The concrete app (`Controller`) satisfies
these Protocols; the window's tests run against a fake that does too. Value types and the
checks of what the user types in the settings are named here, so a view needs no other door.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QRect, Signal, SignalInstance
from PySide6.QtGui import QImage

from assistant.app.account.api_key_store import mcp_secret_account
from assistant.app.connection.event_log import STREAMING
from assistant.app.conversation.prices import DEFAULT_PRICES, parse_prices, prices_text
from assistant.app.listening.dictation import Segment
from assistant.app.settings import Settings, prompt_variables
from assistant.app.showing.pictures import DETAILS as PICTURE_DETAILS
from assistant.app.tool_use.tool_calls import ToolCall
from assistant.app.tool_use.tool_config import (
    DEMO_MCP_URL,
    Grant,
    McpServer,
    grants_text,
    names,
    names_text,
    parse_grants,
    parse_servers,
    servers_text,
    switched,
)
from assistant.audio.echo_report import EchoReport
from assistant.audio.levels import LevelHolder
from assistant.local_mcp.imports import SOURCES as MCP_IMPORT_SOURCES
from assistant.local_mcp.state import ServerState, ToolInfo
from assistant.modes import ConnectionState, SessionMode, TurnMode

__all__ = [
    "DEFAULT_PRICES",
    "DEMO_MCP_URL",
    "MCP_IMPORT_SOURCES",
    "PICTURE_DETAILS",
    "STREAMING",
    "AppModel",
    "AppNews",
    "AudioFace",
    "DictationFace",
    "EchoReport",
    "Grant",
    "HistoryFace",
    "InterpreterFace",
    "LevelHolder",
    "LocalMcpFace",
    "McpServer",
    "ReplyFace",
    "Segment",
    "ServerState",
    "Settings",
    "ShowingFace",
    "ToolCall",
    "ToolInfo",
    "ToolsFace",
    "grants_text",
    "mcp_secret_account",
    "names",
    "names_text",
    "parse_grants",
    "parse_prices",
    "parse_servers",
    "prices_text",
    "prompt_variables",
    "servers_text",
    "switched",
]


class AppNews(QObject):
    """What the app tells the views. One object, so a view connects to one place."""

    state_changed = Signal(object, str)        # ConnectionState, a sentence naming the endpoint
    countdown = Signal(int, str)               # seconds to the next try, why; 0: not waiting
    user_text = Signal(str, str, bool)         # item_id, text, final (else a delta)
    assistant_text = Signal(str, str, bool)
    turn_started = Signal(str, str)            # role, item_id: a new turn in the conversation
    notice = Signal(str)                       # one line in the conversation
    hint = Signal(str)                         # a passing hint for the status bar
    key_rejected = Signal(str)
    usage_changed = Signal(str)
    offline_changed = Signal(bool)
    conversation_changed = Signal(list)        # a new or continued conversation: its turns
    session_mode_changed = Signal(object)      # SessionMode
    event_logged = Signal(str, float, str, object, int)  # direction, time, type, summary, count
    timer_ended = Signal(str, int)             # a timer a tool started: label, seconds
    model_notice = Signal(str, str, str)       # a model retiring or refused: sentence, it, the
                                               # replacement that replace_model moves to
    reply_failed = Signal(str)                 # no reply came: why (stage.retry_reply asks again)
    update_available = Signal(str, str, str, str)   # version, how to update, what is new, page


class AudioFace(Protocol):
    @property
    def muted_changed(self) -> SignalInstance: ...
    @property
    def problems(self) -> SignalInstance: ...        # sentences: devices that could not open
    @property
    def mic_level(self) -> LevelHolder: ...
    @property
    def out_level(self) -> LevelHolder: ...
    @property
    def echo(self) -> EchoReport: ...
    @property
    def muted(self) -> bool: ...
    def set_muted(self, muted: bool) -> None: ...
    def interrupt(self) -> None: ...


class ToolsFace(Protocol):
    @property
    def started(self) -> SignalInstance: ...         # ToolCall
    @property
    def finished(self) -> SignalInstance: ...        # call id, output, failed, seconds
    @property
    def consent_needed(self) -> SignalInstance: ...  # ToolCall, waiting for answer()
    @property
    def consent_closed(self) -> SignalInstance: ...  # call id
    def answer(self, call_id: str, allow: bool, always: bool = False) -> None: ...


class LocalMcpFace(Protocol):
    """The user's own MCP servers (mcp.json): their states and tools, and what Settings may ask."""

    @property
    def changed(self) -> SignalInstance: ...
    @property
    def states(self) -> dict[str, ServerState]: ...
    @property
    def problems(self) -> tuple[str, ...]: ...       # "line N: why"
    @property
    def path(self) -> Path: ...
    def tools_of(self, server: str) -> list[tuple[str, str]]: ...   # (wire name, tool name)
    def import_from(self, source: str) -> str: ...                 # a sentence: what happened
    def set_enabled(self, server: str, enabled: bool) -> str | None: ...   # None, or why not
    def reload(self) -> None: ...


class DictationFace(Protocol):
    @property
    def changed(self) -> SignalInstance: ...         # item id of a segment
    @property
    def cleared(self) -> SignalInstance: ...
    @property
    def kept_path(self) -> Path | None: ...
    def ordered(self) -> list[Segment]: ...
    def as_text(self) -> str: ...
    def save(self, path: Path) -> str | None: ...    # None, or why not


class InterpreterFace(Protocol):
    @property
    def source_delta(self) -> SignalInstance: ...
    @property
    def target_delta(self) -> SignalInstance: ...
    @property
    def cleared(self) -> SignalInstance: ...
    @property
    def kept_path(self) -> Path | None: ...
    @property
    def source(self) -> str: ...
    @property
    def target(self) -> str: ...
    def save(self, path: Path) -> str | None: ...


class HistoryFace(Protocol):
    """Past conversations: asked for by intents, answered by signals."""

    @property
    def listed(self) -> SignalInstance: ...          # [(id, title, "date · turns · cost")]
    @property
    def shown(self) -> SignalInstance: ...           # id, its Markdown
    @property
    def message(self) -> SignalInstance: ...
    @property
    def deleted(self) -> SignalInstance: ...         # id
    def search(self, query: str) -> None: ...
    def refresh(self) -> None: ...
    def show(self, conversation: int) -> None: ...
    def delete(self, conversation: int) -> None: ...
    def export(self, conversation: int, path: str) -> None: ...


class ShowingFace(Protocol):
    """Pictures into the conversation: the screen, a window, a region, a pasted or dropped one."""

    @property
    def shown(self) -> SignalInstance: ...           # item id, QImage as sent, caption
    @property
    def region_wanted(self) -> SignalInstance: ...   # the screen (QImage), the words: pick
    @property
    def captured(self) -> SignalInstance: ...        # a sentence: something was just captured
    def show_screen(self, kind: str = "screen", words: str = "") -> None: ...
    def cut_region(self, screen: QImage, area: QRect | None, words: str = "") -> None: ...
    def attach_image(self, image: QImage, words: str = "") -> None: ...
    def attach_file(self, path: str, words: str = "") -> None: ...
    def show_again(self, item_id: str) -> None: ...
    def picture(self, item_id: str) -> QImage | None: ...


class ReplyFace(Protocol):
    def retry_reply(self) -> None: ...               # ask for the failed reply once more


class AppModel(Protocol):
    """The app: its news, its parts the views show, and what the user may ask of it."""

    @property
    def news(self) -> AppNews: ...
    @property
    def settings(self) -> Settings: ...              # read: changes go through apply_settings
    @property
    def state(self) -> ConnectionState: ...
    @property
    def audio(self) -> AudioFace: ...
    @property
    def tools(self) -> ToolsFace: ...
    @property
    def local_mcp(self) -> LocalMcpFace: ...
    @property
    def dictation(self) -> DictationFace: ...
    @property
    def interpreter(self) -> InterpreterFace: ...
    @property
    def history(self) -> HistoryFace: ...
    @property
    def stage(self) -> ReplyFace: ...
    @property
    def showing(self) -> ShowingFace: ...

    def connect_(self, offline: bool | None = None) -> None: ...
    def disconnect_(self) -> None: ...
    def retry_now(self) -> None: ...
    def ptt_press(self) -> None: ...
    def ptt_release(self) -> None: ...
    def send_text(self, text: str) -> None: ...
    def set_turn_mode(self, mode: TurnMode) -> None: ...
    def set_session_mode(self, mode: SessionMode) -> None: ...
    def new_conversation(self) -> None: ...
    def continue_conversation(self, conversation: int) -> None: ...
    def apply_settings(self, settings: Settings) -> None: ...
    def replace_model(self, old: str, new: str) -> None: ...
    def rescan_devices(self) -> None: ...
