"""What the server-event handlers see and change (`handlers.Conversation`): the state, the
turns of the transcript, the usage. Every change is recorded where it must be kept, then told
to the views as news."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication

from assistant.app.connection import notices
from assistant.app.conversation.record import ConversationRecord
from assistant.app.conversation.reply_outcome import Outcome
from assistant.app.conversation.speaking_watch import SpeakingWatch
from assistant.app.conversation.usage import UsageMeter, model_price, parse_usage
from assistant.app.listening.dictation import Dictation
from assistant.app.listening.interpreter_log import InterpreterLog
from assistant.app.model import AppNews
from assistant.app.settings import Preferences
from assistant.app.tool_use.tool_calls import ToolCalls
from assistant.app.voice.audio_supervisor import AudioSupervisor
from assistant.modes import ConnectionState
from assistant.realtime.server_events import RateLimit
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
        self._retried = False                  # the automatic retry of a failed reply is spent
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
        if self.record.has_pending(item_id):     # told twice (conversation.item.created too)
            return
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

    def reply_ended(self, outcome: Outcome | None, item_id: str | None) -> None:
        """After each reply: a passing failure of the service is retried once by itself, and
        said; any other failure is said, with Retry; a reply cut short is said on it."""
        session = self._live.session
        if outcome is None:
            self._retried = False
        elif outcome.transient and not self._retried and session is not None and \
                session.is_open:
            self._retried = True
            self.show_notice(outcome.sentence + " " + QCoreApplication.translate(
                "Stage", "Asking once more..."))
            session.create_response()
        elif not outcome.failed and item_id is not None:
            self.show_text("assistant", item_id, f" [{outcome.sentence}]", False)
        else:
            self._retried = False
            self.show_notice(outcome.sentence)
            self.news.reply_failed.emit(outcome.sentence)

    def retry_reply(self) -> None:
        """The user's Retry: the same conversation, asked for a reply again."""
        session = self._live.session
        if session is not None and session.is_open and not session.response_active:
            session.create_response()

    def rate_limits(self, limits: list[RateLimit]) -> None:
        """A limit running low (under a tenth left) is said in the status bar."""
        for limit in limits:
            total, left = limit.get("limit"), limit.get("remaining")
            reset = limit.get("reset_seconds")
            seconds = reset if isinstance(reset, int | float) else 0
            if isinstance(total, int) and isinstance(left, int) and total > 0 and left < total / 10:
                self.show_hint(QCoreApplication.translate(
                    "Stage", "Rate limit: {left} of {total} {name} left; more in {seconds} s.")
                    .format(left=left, total=total, name=str(limit.get("name", "")),
                            seconds=f"{seconds:.0f}"))
