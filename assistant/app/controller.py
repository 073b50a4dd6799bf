"""The app: builds its parts, takes the user's intents (the views see an `AppModel`, hear `news`).
`SessionKeeper` holds the connection, `Stage` what server events change; failures are sentences."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from assistant.app.connection.endpoints import EndpointSource
from assistant.app.connection.event_log import EventLog
from assistant.app.connection.session_host import SessionHost
from assistant.app.connection.session_keeper import SessionKeeper
from assistant.app.connection.session_setup import live_update
from assistant.app.conversation.history_browser import HistoryBrowser
from assistant.app.conversation.record import ConversationRecord
from assistant.app.conversation.stage import Stage
from assistant.app.conversation.usage import UsageMeter
from assistant.app.listening.dictation import Dictation
from assistant.app.listening.interpreter_log import InterpreterLog
from assistant.app.model import AppNews
from assistant.app.runtime.tasks import Tasks
from assistant.app.settings import Preferences, Settings
from assistant.app.showing.pictures import Showing
from assistant.app.tool_use.host_services import QtHostServices
from assistant.app.tool_use.tool_config import tool_stack
from assistant.app.voice.audio_supervisor import AudioSupervisor
from assistant.app.voice.bridge import AudioBridge
from assistant.audio.devices import create_pyaudio
from assistant.modes import ConnectionState, SessionMode, TurnMode
from assistant.realtime.session import RealtimeSession
from assistant.store.history import History


class Controller(QObject):
    def __init__(self, settings: Settings | Preferences, endpoints: EndpointSource,
                 save: Callable[[Settings], None] | None = None,
                 audio_backend: Callable[[], Any] = create_pyaudio,
                 history: History | None = None) -> None:
        super().__init__()
        self.news = AppNews()
        self.prefs = settings if isinstance(settings, Preferences) else Preferences(settings, save)
        self.endpoints = endpoints
        self.tasks = Tasks(self.news.notice.emit)
        self.audio = AudioSupervisor(self.prefs, audio_backend)
        self.store = history or History.open(None)
        self.history = HistoryBrowser(self.store)
        self.record = ConversationRecord(self.store, self.news.notice.emit, self.settings.model)
        self.history.deleted.connect(self.record.deleted)
        self.dictation = Dictation()
        self.interpreter = InterpreterLog(self.prefs)
        self.host = QtHostServices()
        self.host.timer_ended.connect(self.news.timer_ended)
        self.tools, self.local_mcp = tool_stack(self.prefs, self.host, self.store, self, self.tasks)
        self.events = EventLog()
        self.events.logged.connect(self.news.event_logged)
        self.stage = Stage(self.news, self.prefs, self.record, self.tools,
                           (self.dictation, self.interpreter), self.audio, self)
        self.keeper = SessionKeeper(SessionHost(self.stage, self.audio, self.events, self),
                                    endpoints, self.prefs, self.tasks)
        self.showing = Showing(self.prefs, self.keeper, self.record, self.stage, self.host)
        self.keeper.countdown.connect(self.news.countdown)
        self.audio.lost.connect(lambda: self.audio.reopen(self.session, announce=True))
        for part in (self.audio, self.tools, self.showing):
            part.notice.connect(self.news.notice)

    @property
    def settings(self) -> Settings:
        return self.prefs.current

    @property
    def state(self) -> ConnectionState:
        return self.stage.state

    @property
    def bridge(self) -> AudioBridge | None:     # the session's audio (None: devices closed)
        return self.audio.bridge

    @property
    def session(self) -> RealtimeSession | None:
        return self.keeper.session

    @property
    def offline(self) -> bool:
        return self.keeper.offline

    @property
    def reconnects(self) -> int:
        return self.keeper.reconnects

    def connect_(self, offline: bool | None = None) -> None:
        if offline is not None and offline != self.keeper.offline:
            self.keeper.offline = offline
            self.news.offline_changed.emit(offline)
        # The state says "connecting" at once, so nothing reads the old session's state as ours.
        self.stage.set_state(ConnectionState.CONNECTING, self.tr("Connecting..."))
        self.audio.stop()
        self.keeper.open(self.keeper.offline)

    def disconnect_(self) -> None:
        self.tasks.spawn(self._disconnect("Disconnected."))

    def retry_now(self) -> None:
        self.keeper.retry_now()

    def new_conversation(self) -> None:
        """Start afresh: a new session, so the model forgets the old conversation too."""
        for log in (self.record, self.dictation, self.interpreter):
            log.start_new()
        self._switch([], UsageMeter(), self.session is not None or self.keeper.waiting)

    def continue_conversation(self, conversation: int) -> None:
        """Carry on a saved conversation: shown, and replayed to a new session as context."""
        self.record.continue_(conversation)
        saved = self.store.conversation(conversation)      # one read: items and totals
        self._switch(saved.said() if saved else [], UsageMeter.of(saved), True)

    def _switch(self, turns: list[tuple[str, str, str]], usage: UsageMeter, connect: bool) -> None:
        self.tools.reset()             # the old conversation's calls are not the new one's
        self.stage.usage = usage
        self.news.conversation_changed.emit(turns)
        if connect:
            self.connect_()

    def set_session_mode(self, mode: SessionMode) -> None:
        """Conversation, dictation or the interpreter: each is its own kind of session."""
        self.settings.session_mode = mode
        self.prefs.save()
        self.news.session_mode_changed.emit(mode)
        if self.session is not None or self.keeper.waiting:
            self.connect_()

    def set_turn_mode(self, mode: TurnMode, told: Settings | None = None) -> None:  # + live ones
        self.settings.turn_mode = mode
        self.prefs.save()
        if self.bridge is not None:
            self.bridge.listen(mode=mode)
        if self.session is not None and self.session.is_open:
            self.session.update_session(live_update(self.settings, told, self.tools.declared()))

    def ptt_press(self) -> None:
        if self.bridge is None or self.session is None:
            self.news.hint.emit(self.tr("Not connected: wait for the connection to talk."))
            return
        self.bridge.press()
        self.stage.set_state(ConnectionState.RECORDING, self.tr("recording: release to send"))

    def ptt_release(self) -> None:
        if self.bridge is None or self.session is None:
            return
        if self.bridge.release():
            self.stage.set_state(ConnectionState.THINKING, self.stage.where())
        else:
            self.news.hint.emit(self.tr("Hold the button (or Space) while you talk; a tap is "
                                        "ignored."))
            self.stage.set_state(ConnectionState.READY, self.stage.ready_text())

    def send_text(self, text: str) -> None:
        if not (text := text.strip()):
            pass
        elif self.session is None or not self.session.is_open:
            self.news.notice.emit(self.tr("Not connected: connect first to send a message."))
        elif self.session.add_text_message(text):
            self.session.create_response()

    def apply_settings(self, settings: Settings) -> None:
        """Connection settings apply on the next connection; the session's own, at once."""
        before = self.prefs.current
        self.prefs.save(settings)
        self.record.model = settings.model
        if settings.turn_mode != before.turn_mode or settings.session_changed(before):
            self.set_turn_mode(settings.turn_mode, before)
        self.audio.apply(settings, before, self.session)
        if settings.tools_changed(before):
            self.tools.declare_again()
        if settings.needs_reconnect(before) and self.session is not None:
            self.news.hint.emit(self.tr("The new settings apply when you reconnect (Ctrl+K "
                                        "twice)."))

    def replace_model(self, old: str, new: str) -> None:
        """A retiring model's notice, clicked: its replacement, in a new session at once."""
        self.apply_settings(self.settings.with_model_replaced(old, new))
        self.connect_()

    def rescan_devices(self) -> None:     # PortAudio restarts; devices in use are reopened
        self.audio.reopen(self.session)

    async def shutdown(self) -> None:
        self.stage.stop()
        self.host.stop_timers()
        await self._disconnect("")
        self.audio.terminate()
        self.store.close()

    async def _disconnect(self, detail: str) -> None:
        await self.keeper.close()
        self.audio.stop()
        await self.endpoints.release()
        self.stage.set_state(ConnectionState.DISCONNECTED, detail)
