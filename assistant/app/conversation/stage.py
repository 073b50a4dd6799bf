"""What the server-event handlers see and change (`handlers.Conversation`): the state, the
turns of the transcript, the usage. Every change is recorded where it must be kept, then told
to the views as news."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

from assistant.app.connection import notices
from assistant.app.conversation.record import ConversationRecord
from assistant.app.conversation.speaking_watch import SpeakingWatch
from assistant.app.conversation.usage import UsageMeter, model_price, parse_usage
from assistant.app.listening.dictation import Dictation
from assistant.app.listening.interpreter_log import InterpreterLog
from assistant.app.model import AppNews
from assistant.app.settings import Preferences
from assistant.app.tool_use.tool_calls import ToolCalls
from assistant.app.voice.audio_supervisor import AudioSupervisor
from assistant.modes import ConnectionState
from assistant.realtime.session import RealtimeSession


class Live(Protocol):
    """The connection as the stage reads it."""

    @property
    def session(self) -> RealtimeSession | None: ...
    @property
    def offline(self) -> bool: ...


class Stage:
    def __init__(self, news: AppNews, prefs: Preferences, record: ConversationRecord,
                 tools: ToolCalls, listening: tuple[Dictation, InterpreterLog],
                 audio: AudioSupervisor, live: Live) -> None:
        self.news, self.prefs, self.record, self.tools = news, prefs, record, tools
        self.dictation, self.interpreter = listening
        self._audio, self._live = audio, live
        self.state = ConnectionState.DISCONNECTED
        self.usage = UsageMeter()
        self._speaking = SpeakingWatch(self._still_speaking)
        self._speaking.ended.connect(self._spoken)

    def _still_speaking(self) -> bool:
        bridge, session = self._audio.bridge, self._live.session
        return (bridge is not None and bridge.assistant_audible) \
            or (session is not None and session.response_active)

    def _spoken(self) -> None:
        if self.state is ConnectionState.SPEAKING:
            self.set_state(ConnectionState.READY, self.ready_text())

    def stop(self) -> None:
        self._speaking.watch(False)

    def set_state(self, state: ConnectionState, detail: str) -> None:
        self.state = state
        self._speaking.watch(state is ConnectionState.SPEAKING)
        self.news.state_changed.emit(state, detail)

    def where(self) -> str:
        session = self._live.session
        return QCoreApplication.translate("Stage", "offline demo") if self._live.offline else \
            session.endpoint.display() if session else ""

    def ready_text(self) -> str:
        settings = self.prefs.current
        return notices.ready(self.where(), settings.turn_mode, settings.session_mode)

    def was_cut(self, item_id: str) -> bool:
        bridge = self._audio.bridge
        return bridge is not None and bridge.was_cut(item_id)

    def start_turn(self, role: str, item_id: str) -> None:
        self.record.item_started(role, item_id)
        self.news.turn_started.emit(role, item_id)

    def show_text(self, role: str, item_id: str, text: str, final: bool) -> None:
        self.record.text(role, item_id, text, final)
        (self.news.user_text if role == "user" else self.news.assistant_text).emit(
            item_id, text, final)

    def show_notice(self, text: str) -> None:
        self.news.notice.emit(text)

    def show_hint(self, text: str) -> None:
        self.news.hint.emit(text)

    def count_usage(self, usage: dict[str, Any]) -> None:
        turn = parse_usage(usage)
        settings = self.prefs.current
        line = self.usage.add(turn, model_price(settings.model, settings.prices))
        self.record.usage(turn)                  # saved first: the history panel reads it next
        self.news.usage_changed.emit(line)
