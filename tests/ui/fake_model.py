"""A fake of the app as the views see it (`assistant.app.model.AppModel`): real news signals and
holders, and intents that are only written down. The window runs on it with no session, no
audio and no store, so what a test sees is the window's own doing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRect, Signal
from PySide6.QtGui import QImage

from assistant.app.model import (
    AppNews,
    EchoReport,
    LevelHolder,
    Segment,
    ServerState,
    Settings,
    ToolInfo,
)
from assistant.modes import ConnectionState, SessionMode, TurnMode


class Asked:
    """The intents the window sent, in order, as (name, arguments)."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[Any, ...]]] = []

    def __call__(self, name: str, *args: Any) -> None:
        self.calls.append((name, args))

    def names(self) -> list[str]:
        return [name for name, _ in self.calls]


class FakeAudio(QObject):
    muted_changed = Signal(bool)
    problems = Signal(list)

    def __init__(self, asked: Asked) -> None:
        super().__init__()
        self.asked = asked
        self.mic_level, self.out_level, self.echo = LevelHolder(), LevelHolder(), EchoReport()
        self.muted = False

    def set_muted(self, muted: bool) -> None:
        self.asked("set_muted", muted)

    def interrupt(self) -> None:
        self.asked("interrupt")


class FakeTools(QObject):
    started = Signal(object)
    finished = Signal(str, str, bool, float)
    consent_needed = Signal(object)
    consent_closed = Signal(str)

    def __init__(self, asked: Asked) -> None:
        super().__init__()
        self.asked = asked

    def answer(self, call_id: str, allow: bool, always: bool = False) -> None:
        self.asked("answer", call_id, allow, always)


class FakeDictation(QObject):
    changed = Signal(str)
    cleared = Signal()
    kept_path: Path | None = None

    def ordered(self) -> list[Segment]:
        return []

    def as_text(self) -> str:
        return ""

    def save(self, path: Path) -> str | None:
        return None


class FakeInterpreter(QObject):
    source_delta = Signal(str)
    target_delta = Signal(str)
    cleared = Signal()
    kept_path: Path | None = None
    source = target = ""

    def save(self, path: Path) -> str | None:
        return None


class FakeHistory(QObject):
    listed = Signal(list)
    shown = Signal(int, str)
    message = Signal(str)
    deleted = Signal(int)

    def __init__(self, asked: Asked) -> None:
        super().__init__()
        self.asked = asked

    def search(self, query: str) -> None:
        self.asked("search", query)

    def refresh(self) -> None:
        self.asked("refresh")

    def show(self, conversation: int) -> None:
        self.asked("show", conversation)

    def delete(self, conversation: int) -> None:
        self.asked("delete", conversation)

    def export(self, conversation: int, path: str) -> None:
        self.asked("export", conversation, path)


class FakeLocalMcp(QObject):
    """The user's MCP servers as the window sees them: one ready server, intents written down."""

    changed = Signal()

    def __init__(self, asked: Asked) -> None:
        super().__init__()
        self.asked = asked
        self.states = {"notes": ServerState("notes", "ready", "", (
            ToolInfo("lookup", "Look a word up.", {"type": "object"}),))}
        self.problems: tuple[str, ...] = ()
        self.path = Path("/nowhere/mcp.json")

    def tools_of(self, server: str) -> list[tuple[str, str]]:
        return [(f"{server}__{t.name}", t.name) for t in self.states[server].tools]

    def import_from(self, source: str) -> str:
        self.asked("import_from", source)
        return "nothing"

    def set_enabled(self, server: str, enabled: bool) -> str | None:
        self.asked("set_enabled", server, enabled)
        return None

    def reload(self) -> None:
        self.asked("reload")


class FakeShowing(QObject):
    """Pictures as the window sees them: the intents written down, a picture kept per id."""

    shown = Signal(str, object, str)
    region_wanted = Signal(object, str)
    captured = Signal(str)

    def __init__(self, asked: Asked) -> None:
        super().__init__()
        self.asked = asked
        self.kept: dict[str, QImage] = {}

    def show_screen(self, kind: str = "screen", words: str = "") -> None:
        self.asked("show_screen", kind, words)

    def cut_region(self, screen: QImage, area: QRect | None, words: str = "") -> None:
        self.asked("cut_region", area, words)

    def attach_image(self, image: QImage, words: str = "") -> None:
        self.asked("attach_image", image.size(), words)

    def attach_file(self, path: str, words: str = "") -> None:
        self.asked("attach_file", path, words)

    def show_again(self, item_id: str) -> None:
        self.asked("show_again", item_id)

    def picture(self, item_id: str) -> QImage | None:
        return self.kept.get(item_id)


class FakeStage:
    def __init__(self, asked: Asked) -> None:
        self.asked = asked

    def retry_reply(self) -> None:
        self.asked("retry_reply")


class FakeModel:
    def __init__(self) -> None:
        self.asked = Asked()
        self.news = AppNews()
        self.settings = Settings()
        self.state = ConnectionState.DISCONNECTED
        self.audio, self.tools = FakeAudio(self.asked), FakeTools(self.asked)
        self.dictation, self.interpreter = FakeDictation(), FakeInterpreter()
        self.history = FakeHistory(self.asked)
        self.stage = FakeStage(self.asked)
        self.local_mcp = FakeLocalMcp(self.asked)
        self.showing = FakeShowing(self.asked)

    def connect_(self, offline: bool | None = None) -> None:
        self.asked("connect_", offline)

    def disconnect_(self) -> None:
        self.asked("disconnect_")

    def retry_now(self) -> None:
        self.asked("retry_now")

    def ptt_press(self) -> None:
        self.asked("ptt_press")

    def ptt_release(self) -> None:
        self.asked("ptt_release")

    def send_text(self, text: str) -> None:
        self.asked("send_text", text)

    def set_turn_mode(self, mode: TurnMode) -> None:
        self.asked("set_turn_mode", mode)

    def set_session_mode(self, mode: SessionMode) -> None:
        self.asked("set_session_mode", mode)

    def new_conversation(self) -> None:
        self.asked("new_conversation")

    def continue_conversation(self, conversation: int) -> None:
        self.asked("continue_conversation", conversation)

    def apply_settings(self, settings: Settings) -> None:
        self.asked("apply_settings", settings)

    def replace_model(self, old: str, new: str) -> None:
        self.asked("replace_model", old, new)

    def rescan_devices(self) -> None:
        self.asked("rescan_devices")
