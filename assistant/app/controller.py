"""The app's state machine: UI intents in, Qt signals out.

States: disconnected, connecting, listening, thinking, speaking, error. Every failure becomes a
sentence (`state_changed(ERROR, sentence)` or `notice`), never a traceback. A session is one
connection: connecting again makes a new one. The controller sees an `EndpointSource`, never the
embedded server; API keys (`KeyActions`) and device health (`AudioSupervisor`) live beside it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from assistant.app.audio_supervisor import AudioSupervisor
from assistant.app.bridge import AudioBridge
from assistant.app.endpoints import EndpointSource
from assistant.app.event_log import EventLog
from assistant.app.handlers import HANDLERS
from assistant.app.settings import Settings
from assistant.app.states import CONNECTING, DISCONNECTED, ERROR, LISTENING, SPEAKING, THINKING
from assistant.app.tasks import Tasks
from assistant.app.usage import UsageMeter
from assistant.audio.devices import create_pyaudio
from assistant.dispatch import Event
from assistant.errors import ApiKeyMissing, ApiKeyRejected, AssistantError
from assistant.realtime.session import RealtimeSession
from assistant.realtime.session_config import TurnMode, build_session, turn_detection_update


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

    def __init__(self, settings: Settings, endpoints: EndpointSource,
                 save: Callable[[Settings], None] | None = None,
                 audio_backend: Callable[[], Any] = create_pyaudio) -> None:
        super().__init__()
        self.settings = settings
        self._save = save or (lambda _s: None)
        self.endpoints = endpoints
        self.tasks = Tasks(self.notice.emit)
        self._spawn = self.tasks.spawn
        self.audio = AudioSupervisor(lambda: self.settings, audio_backend)
        self.audio.notice.connect(self.notice)
        self.audio.lost.connect(lambda: self.audio.reopen(self.session, announce=True))
        self.session: RealtimeSession | None = None
        self.offline = False
        self.state = DISCONNECTED
        self.usage = UsageMeter()
        self.events = EventLog()
        self._connecting: asyncio.Task[Any] | None = None
        # Runs only while the assistant speaks: notices when the speaker has gone quiet.
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._refresh)

    @property
    def bridge(self) -> AudioBridge | None:
        return self.audio.bridge

    # ---- intents ------------------------------------------------------------------------------

    def connect_(self, offline: bool | None = None) -> None:
        if offline is not None:
            self.offline = offline
            self.offline_changed.emit(offline)
        self._cancel_connecting()
        # The state says "connecting" at once, so nothing reads the old session's state as ours.
        self.set_state(CONNECTING, "Connecting...")
        self._connecting = self._spawn(self._connect())

    def disconnect_(self) -> None:
        self._cancel_connecting()
        self._spawn(self._teardown(DISCONNECTED, "Disconnected."))

    def _cancel_connecting(self) -> None:
        """A newer intent wins over a connection still being made."""
        if self._connecting is not None and not self._connecting.done():
            self._connecting.cancel()
        self._connecting = None

    def set_mode(self, mode: TurnMode) -> None:
        self.settings.mode = mode
        self._save(self.settings)
        if self.bridge is not None:
            self.bridge.mode = "ptt" if mode == "none" else "vad"
        if self.session is not None and self.session.is_open:
            self.session.update_session(turn_detection_update(self.settings.turn_detection()))

    def ptt_press(self) -> None:
        if self.bridge is None or self.session is None:
            self.hint.emit("Connect first to talk.")
            return
        self.bridge.press()
        self.set_state(LISTENING, "recording: release to send")

    def ptt_release(self) -> None:
        if self.bridge is None:
            return
        if self.bridge.release():
            self.set_state(THINKING, self.where())
        else:
            self.hint.emit("Hold the button (or Space) while you talk; a tap is ignored.")
            self.set_state(LISTENING, self.ready_text())

    def send_text(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        if self.session is None or not self.session.is_open:
            self.notice.emit("Not connected: connect first to send a message.")
            return
        self.session.add_text_message(text)
        self.session.create_response()

    def apply_settings(self, settings: Settings) -> None:
        """New settings take effect on the next connection; the mode applies live."""
        mode_changed = settings.mode != self.settings.mode
        reconnect = settings.needs_reconnect(self.settings)
        self.settings = settings
        self._save(settings)
        if mode_changed:
            self.set_mode(settings.mode)
        if self.bridge is not None:
            self.bridge.echo_guard = settings.echo_guard
        if reconnect and self.session is not None:
            self.hint.emit("The new settings apply when you reconnect (Ctrl+K twice).")

    def rescan_devices(self) -> None:
        """A fresh device list (PortAudio restarts): devices in use are reopened from it."""
        self.audio.reopen(self.session)

    async def shutdown(self) -> None:
        self._cancel_connecting()
        self._timer.stop()
        await self._teardown(DISCONNECTED, "")
        self.audio.terminate()

    # ---- connecting ---------------------------------------------------------------------------

    async def _connect(self) -> None:
        await self._teardown(CONNECTING, "Connecting...")
        try:
            session = await self._open_session()
        except AssistantError as exc:
            self.set_state(ERROR, str(exc))
            if isinstance(exc, ApiKeyRejected | ApiKeyMissing):
                self.key_rejected.emit(str(exc))
            return
        self.session = session
        session.update_session(build_session(self.settings.session_settings()))
        self.audio.start(session)
        self.set_state(LISTENING, self.ready_text())

    async def _open_session(self) -> RealtimeSession:
        endpoint = await self.endpoints.endpoint(self.settings, self.offline)
        self.set_state(CONNECTING, f"Connecting to {endpoint.display()}...")
        session = RealtimeSession(endpoint)
        session.listeners.append(self._on_event)
        session.sent_listeners.append(lambda e: self.events.record("out", e))
        session.close_listeners.append(self._on_closed)
        try:
            await session.connect()
        except asyncio.CancelledError:
            await session.close()
            raise
        return session

    async def _teardown(self, state: str, detail: str) -> None:
        session, self.session = self.session, None
        self.audio.stop()
        if session is not None:
            session.close_listeners.clear()
            await session.close()
        if state == DISCONNECTED:
            await self.endpoints.release()
        self.set_state(state, detail)

    # ---- session events -----------------------------------------------------------------------

    def _on_event(self, event: Event) -> None:
        self.events.record("in", event)
        handler = HANDLERS.handler(event["type"])
        if handler is not None:
            handler(self, event)

    def _on_closed(self, error: AssistantError | None) -> None:
        if error is None:
            return
        self.notice.emit(str(error))
        self._spawn(self._teardown(ERROR, str(error)))

    def _refresh(self) -> None:
        """Speaking ends when the speaker has played the last of the reply, not at response.done."""
        speaking = self.bridge is not None and self.bridge.assistant_audible
        busy = self.session is not None and self.session.response_active
        if self.state == SPEAKING and not speaking and not busy:
            self.set_state(LISTENING, self.ready_text())

    # ---- what the event handlers see (handlers.Conversation) ----------------------------------

    def set_state(self, state: str, detail: str) -> None:
        self.state = state
        if state == SPEAKING:
            self._timer.start()
        else:
            self._timer.stop()
        self.state_changed.emit(state, detail)

    def where(self) -> str:
        if self.offline:
            return "offline demo"
        return self.session.endpoint.display() if self.session else ""

    def ready_text(self) -> str:
        if self.settings.mode == "none":
            return f"{self.where()}  ·  hold Space or the button to talk"
        return f"{self.where()}  ·  talk any time"

    def was_cut(self, item_id: str) -> bool:
        return self.bridge is not None and self.bridge.was_cut(item_id)

    def start_turn(self, role: str, item_id: str) -> None:
        self.turn_started.emit(role, item_id)

    def show_text(self, role: str, item_id: str, text: str, final: bool) -> None:
        (self.user_text if role == "user" else self.assistant_text).emit(item_id, text, final)

    def show_notice(self, text: str) -> None:
        self.notice.emit(text)

    def show_hint(self, text: str) -> None:
        self.hint.emit(text)

    def count_usage(self, usage: dict[str, Any]) -> None:
        self.usage_changed.emit(self.usage.add(usage))
