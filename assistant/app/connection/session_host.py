"""What happens as sessions come and go (the `SessionKeeper`'s owner): a new session gets its
configuration, the conversation so far and the audio; a lost one's turns in flight are marked
cut off; a failure becomes the error state, said in a sentence."""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from PySide6.QtCore import QCoreApplication

from assistant.app.connection import model_notice, notices
from assistant.app.connection.event_log import EventLog
from assistant.app.connection.session_keeper import Reason
from assistant.app.connection.session_setup import TABLES, configure
from assistant.app.conversation.stage import Live, Stage
from assistant.app.local_format import said
from assistant.app.voice.audio_supervisor import AudioSupervisor
from assistant.dispatch import Event
from assistant.errors import (
    ApiKeyMissing,
    ApiKeyRejected,
    AssistantError,
    ModelUnavailable,
    SessionExpired,
)
from assistant.modes import ConnectionState
from assistant.realtime.session import RealtimeSession


class Reconnecting(Live, Protocol):
    @property
    def reconnects(self) -> int: ...


class SessionHost:
    def __init__(self, stage: Stage, audio: AudioSupervisor, events: EventLog,
                 live: Reconnecting) -> None:
        self.stage, self.audio, self.events = stage, audio, events
        self._live = live
        self._replayed: set[str] = set()
        self.today = dt.date.today                 # what a retiring model's notice counts from

    def session_opened(self, session: RealtimeSession, reason: Reason) -> None:
        stage = self.stage
        replay = configure(session, stage.prefs.current, stage.record, stage.tools)
        self._replayed = replay.ids
        stage.dictation.session_began()
        self.audio.serve(session)
        for sentence in notices.opened(reason, self._live.reconnects, replay.left_out):
            stage.show_notice(sentence)
        stage.set_state(ConnectionState.READY, stage.ready_text())
        if (notice := model_notice.retiring(stage.prefs.current, self.today())) is not None:
            stage.news.model_notice.emit(notice.sentence, notice.model, notice.replacement)

    def session_lost(self, error: AssistantError) -> None:
        stage, bridge = self.stage, self.audio.bridge
        talking = bridge is not None and bridge.ptt_active
        lost = stage.record.drop_in_flight()
        self.audio.move_to(None)
        stage.tools.session_lost()
        for role, item_id in lost:
            stage.show_text(role, item_id, notices.CUT_OFF, False)
        roles = {role for role, _ in lost} | ({"user"} if talking else set())
        if roles or not isinstance(error, SessionExpired):   # a rollover: one marker line
            stage.show_notice(notices.lost(error, roles))
        if error.retryable:
            stage.set_state(ConnectionState.CONNECTING,
                            QCoreApplication.translate("SessionHost", "Reconnecting..."))

    def session_failed(self, error: AssistantError) -> None:
        self.audio.stop()
        self.stage.set_state(ConnectionState.ERROR, said(error))
        if isinstance(error, ApiKeyRejected | ApiKeyMissing):
            self.stage.news.key_rejected.emit(said(error))
        if isinstance(error, ModelUnavailable):
            notice = model_notice.unavailable(self.stage.prefs.current, self.today())
            self.stage.news.model_notice.emit(notice.sentence, notice.model, notice.replacement)

    def connecting(self, detail: str) -> None:
        self.stage.set_state(ConnectionState.CONNECTING, detail)

    def is_quiet(self) -> bool:
        """Nobody is talking and nothing is on its way: a session can change hands unnoticed."""
        session, bridge = self._live.session, self.audio.bridge
        busy = session is not None and session.response_active
        talking = bridge is not None and (bridge.ptt_active or bridge.user_speaking
                                          or bridge.assistant_audible)
        return not busy and not talking and not self.stage.record.in_flight \
            and not self.stage.tools.busy

    def on_event(self, event: Event) -> None:
        self.events.record("in", event)
        item = event.get("item")
        if isinstance(item, dict) and item.get("id") in self._replayed:
            return                     # the server confirming the replay: already on screen
        handler = TABLES[self.stage.prefs.current.session_mode].handler(event["type"])
        if handler is not None:
            handler(self.stage, event)

    def on_sent(self, event: Event) -> None:
        self.events.record("out", event)
