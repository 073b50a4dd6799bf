"""The app's state machine: UI intents in, Qt signals out.

States: disconnected, connecting, listening, thinking, speaking, error. Every failure becomes a
sentence (`state_changed(ERROR, sentence)` or `notice`), never a traceback. The `SessionKeeper`
holds the connection (reconnects, rollovers); the controller gives each new session the
configuration and the conversation so far (`ConversationRecord`, replayed), and the audio.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from assistant.app.connection import notices as notices
from assistant.app.connection.endpoints import EndpointSource
from assistant.app.connection.event_log import EventLog
from assistant.app.connection.session_keeper import Reason, SessionKeeper
from assistant.app.connection.session_setup import TABLES, configure
from assistant.app.conversation.record import ConversationRecord
from assistant.app.conversation.speaking_watch import SpeakingWatch
from assistant.app.conversation.usage import UsageMeter, model_price, parse_usage
from assistant.app.listening.dictation import Dictation
from assistant.app.listening.interpreter_log import InterpreterLog
from assistant.app.local_format import said
from assistant.app.runtime.tasks import Tasks
from assistant.app.settings import Settings
from assistant.app.states import CONNECTING, DISCONNECTED, ERROR, LISTENING, SPEAKING, THINKING
from assistant.app.tool_use.host_services import QtHostServices
from assistant.app.tool_use.tool_config import build_tool_calls
from assistant.app.voice.audio_supervisor import AudioSupervisor
from assistant.app.voice.bridge import AudioBridge
from assistant.audio.devices import create_pyaudio
from assistant.dispatch import Event
from assistant.errors import ApiKeyMissing, ApiKeyRejected, AssistantError, SessionExpired
from assistant.realtime.session import RealtimeSession
from assistant.realtime.session_config import TurnMode, turn_detection_update
from assistant.store.history import History


class Controller(QObject):
    state_changed = Signal(str, str)            # state, a sentence naming the endpoint
    user_text = Signal(str, str, bool)          # item_id, text, final (else a delta)
    assistant_text = Signal(str, str, bool)
    turn_started = Signal(str, str)             # role, item_id: a new turn in the conversation
    notice = Signal(str)                        # one line in the conversation
    hint = Signal(str)                          # a passing hint for the status bar
    key_rejected = Signal(str)
    usage_changed = Signal(str)
    offline_changed = Signal(bool)
    conversation_changed = Signal(list)         # a new or continued conversation: its turns
    session_mode_changed = Signal(str)          # conversation | dictation | translation

    def __init__(self, settings: Settings, endpoints: EndpointSource,
                 save: Callable[[Settings], None] | None = None,
                 audio_backend: Callable[[], Any] = create_pyaudio,
                 history: History | None = None) -> None:
        super().__init__()
        self.settings = settings
        self._save = save or (lambda _s: None)
        self.endpoints = endpoints
        self.tasks = Tasks(self.notice.emit)
        self._spawn = self.tasks.spawn
        self.audio = AudioSupervisor(lambda: self.settings, audio_backend)
        self.audio.lost.connect(lambda: self.audio.reopen(self.session, announce=True))
        self.keeper = SessionKeeper(self, endpoints, lambda: self.settings, self._spawn)
        self.history = history or History.open(None)
        self.record = ConversationRecord(self.history, self.notice.emit, settings.model)
        self.dictation = Dictation()
        self.interpreter = InterpreterLog(lambda: self.settings.translation_language)
        self.host = QtHostServices()
        self.tools = build_tool_calls(lambda: self.settings, self._save, self.host,
                                      self.history, lambda: self.session, self._spawn)
        for source in (self.audio, self.tools):
            source.notice.connect(self.notice)
        self.state = DISCONNECTED
        self.usage = UsageMeter()
        self.events = EventLog()
        self._replayed: set[str] = set()
        self._speaking = SpeakingWatch(lambda: (
            self.bridge is not None and self.bridge.assistant_audible)
            or (self.session is not None and self.session.response_active))
        self._speaking.ended.connect(self._spoken)

    @property
    def bridge(self) -> AudioBridge | None:
        return self.audio.bridge

    @property
    def session(self) -> RealtimeSession | None:
        return self.keeper.session

    @property
    def offline(self) -> bool:
        return self.keeper.offline

    # ---- intents ------------------------------------------------------------------------------

    def connect_(self, offline: bool | None = None) -> None:
        if offline is not None and offline != self.keeper.offline:
            self.keeper.offline = offline
            self.offline_changed.emit(offline)
        # The state says "connecting" at once, so nothing reads the old session's state as ours.
        self.set_state(CONNECTING, self.tr("Connecting..."))
        self.audio.stop()
        self.keeper.open(self.keeper.offline)

    def disconnect_(self) -> None:
        self._spawn(self._disconnect("Disconnected."))

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
        saved = self.history.conversation(conversation)      # one read: items and totals
        self._switch(saved.said() if saved else [], UsageMeter.of(saved), True)

    def _switch(self, turns: list[tuple[str, str, str]], usage: UsageMeter, connect: bool) -> None:
        self.tools.reset()             # the old conversation's calls are not the new one's
        self.usage = usage
        self.conversation_changed.emit(turns)
        if connect:
            self.connect_()

    def conversation_deleted(self, conversation: int) -> None:
        self.record.deleted(conversation)

    def set_session_mode(self, mode: str) -> None:
        """Conversation, dictation or translation: each is its own kind of session."""
        self.settings.session_mode = mode
        self._save(self.settings)
        self.session_mode_changed.emit(mode)
        if self.session is not None or self.keeper.waiting:
            self.connect_()

    def set_mode(self, mode: TurnMode) -> None:
        self.settings.mode = mode
        self._save(self.settings)
        if self.bridge is not None:
            self.bridge.mode = "ptt" if mode == "none" else "vad"
        if self.session is not None and self.session.is_open:
            self.session.update_session(turn_detection_update(self.settings.turn_detection()))

    def ptt_press(self) -> None:
        if self.bridge is None or self.session is None:
            self.hint.emit(self.tr("Not connected: wait for the connection to talk."))
            return
        self.bridge.press()
        self.set_state(LISTENING, self.tr("recording: release to send"))

    def ptt_release(self) -> None:
        if self.bridge is None or self.session is None:
            return
        if self.bridge.release():
            self.set_state(THINKING, self.where())
        else:
            self.hint.emit(self.tr("Hold the button (or Space) while you talk; a tap is ignored."))
            self.set_state(LISTENING, self.ready_text())

    def send_text(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        if self.session is None or not self.session.is_open:
            self.notice.emit(self.tr("Not connected: connect first to send a message."))
            return
        self.session.add_text_message(text)
        self.session.create_response()

    def apply_settings(self, settings: Settings) -> None:
        """New settings take effect on the next connection; the mode applies live."""
        before, self.settings = self.settings, settings
        self.record.model = settings.model
        self._save(settings)
        if settings.mode != before.mode:
            self.set_mode(settings.mode)
        self.audio.apply(settings, before, self.session)
        if settings.tools_changed(before):
            self.tools.declare_again()
        if settings.needs_reconnect(before) and self.session is not None:
            self.hint.emit(self.tr("The new settings apply when you reconnect (Ctrl+K twice)."))

    def rescan_devices(self) -> None:     # PortAudio restarts; devices in use are reopened
        self.audio.reopen(self.session)

    async def shutdown(self) -> None:
        self._speaking.watch(False)
        self.host.stop_timers()
        await self._disconnect("")
        self.audio.terminate()
        self.history.close()

    async def _disconnect(self, detail: str) -> None:
        await self.keeper.close()
        self.audio.stop()
        await self.endpoints.release()
        self.set_state(DISCONNECTED, detail)

    # ---- the connection (KeeperOwner) ---------------------------------------------------------

    def session_opened(self, session: RealtimeSession, reason: Reason) -> None:
        replay = configure(session, self.settings, self.record, self.tools)
        self._replayed = replay.ids
        self.dictation.session_began()
        self.audio.serve(session)
        for sentence in notices.opened(reason, self.keeper.reconnects, replay.left_out):
            self.notice.emit(sentence)
        self.set_state(LISTENING, self.ready_text())

    def session_lost(self, error: AssistantError) -> None:
        talking = self.bridge is not None and self.bridge.ptt_active
        lost = self.record.drop_in_flight()
        self.audio.move_to(None)
        self.tools.session_lost()
        for role, item_id in lost:
            self.show_text(role, item_id, notices.CUT_OFF, False)
        roles = {role for role, _ in lost} | ({"user"} if talking else set())
        if roles or not isinstance(error, SessionExpired):   # a rollover: one marker line
            self.notice.emit(notices.lost(error, roles))
        if error.retryable:
            self.set_state(CONNECTING, self.tr("Reconnecting..."))

    def session_failed(self, error: AssistantError) -> None:
        self.audio.stop()
        self.set_state(ERROR, said(error))
        if isinstance(error, ApiKeyRejected | ApiKeyMissing):
            self.key_rejected.emit(said(error))

    def connecting(self, detail: str) -> None:
        self.set_state(CONNECTING, detail)

    def is_quiet(self) -> bool:
        """Nobody is talking and nothing is on its way: a session can change hands unnoticed."""
        session, bridge = self.session, self.bridge
        busy = session is not None and session.response_active
        talking = bridge is not None and (bridge.ptt_active or bridge.user_speaking
                                          or bridge.assistant_audible)
        return not busy and not talking and not self.record.in_flight and not self.tools.busy

    def on_event(self, event: Event) -> None:
        self.events.record("in", event)
        item = event.get("item")
        if isinstance(item, dict) and item.get("id") in self._replayed:
            return                     # the server confirming the replay: already on screen
        handler = TABLES[self.settings.session_mode].handler(event["type"])
        if handler is not None:
            handler(self, event)

    def on_sent(self, event: Event) -> None:
        self.events.record("out", event)

    def _spoken(self) -> None:
        if self.state == SPEAKING:
            self.set_state(LISTENING, self.ready_text())

    # ---- what the event handlers see (handlers.Conversation) ----------------------------------

    def set_state(self, state: str, detail: str) -> None:
        self.state = state
        self._speaking.watch(state == SPEAKING)
        self.state_changed.emit(state, detail)

    def where(self) -> str:
        return self.tr("offline demo") if self.offline else \
            self.session.endpoint.display() if self.session else ""

    def ready_text(self) -> str:
        return notices.ready(self.where(), self.settings.mode, self.settings.session_mode)

    def was_cut(self, item_id: str) -> bool:
        return self.bridge is not None and self.bridge.was_cut(item_id)

    def start_turn(self, role: str, item_id: str) -> None:
        self.record.item_started(role, item_id)
        self.turn_started.emit(role, item_id)

    def show_text(self, role: str, item_id: str, text: str, final: bool) -> None:
        self.record.text(role, item_id, text, final)
        (self.user_text if role == "user" else self.assistant_text).emit(item_id, text, final)

    def show_notice(self, text: str) -> None:
        self.notice.emit(text)

    def show_hint(self, text: str) -> None:
        self.hint.emit(text)

    def count_usage(self, usage: dict[str, Any]) -> None:
        turn = parse_usage(usage)
        line = self.usage.add(turn, model_price(self.settings.model, self.settings.prices))
        self.record.usage(turn)                  # saved first: the history panel reads it next
        self.usage_changed.emit(line)
