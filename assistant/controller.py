"""The app's state machine: UI intents in, Qt signals out; owns the session, audio and demo server.

States: disconnected, connecting, listening, thinking, speaking, error. Every failure becomes a
sentence (`state_changed(ERROR, sentence)` or `notice`), never a traceback. A session is one
socket: connecting again makes a new one, so nothing here assumes a socket lives forever.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from assistant import api_key_store
from assistant.audio.bridge import AudioBridge, FrameOutbox
from assistant.audio.devices import create_pyaudio
from assistant.audio.engine import AudioEngine
from assistant.errors import ApiKeyMissing, ApiKeyRejected, AssistantError, KeyringUnavailable
from assistant.logging_setup import register_secret
from assistant.realtime.redact import summarize
from assistant.realtime.session import RealtimeSession
from assistant.realtime.session_config import build_session, turn_detection_update
from assistant.server_events import HANDLERS
from assistant.settings import Settings
from assistant.sim import SimServer
from assistant.states import CONNECTING, DISCONNECTED, ERROR, LISTENING, SPEAKING, THINKING
from assistant.usage import UsageMeter

log = logging.getLogger(__name__)

OFFLINE_KEY = "offline-demo"
_REOPEN_AGAIN_S = 10.0      # a device that fails again this soon after reopening stays closed
# Settings a live session cannot take on: they need a new connection.
_CONNECTION_FIELDS = ("base_url", "auth", "dialect", "model", "voice", "instructions",
                      "transcription_model", "input_device", "output_device")


class Controller(QObject):
    state_changed = Signal(str, str)            # state, a sentence naming the endpoint
    user_text = Signal(str, str, bool)          # item_id, text, final (else a delta)
    assistant_text = Signal(str, str, bool)
    turn_started = Signal(str, str)             # role, item_id: a new turn in the conversation
    notice = Signal(str)                        # one line in the conversation
    hint = Signal(str)                          # a passing hint for the status bar
    event_logged = Signal(str, float, str, object)   # "in"/"out", time, type, summary
    key_rejected = Signal(str)
    key_test_result = Signal(bool, str)
    key_saved = Signal(bool, str)
    audio_problems = Signal(list)
    devices_changed = Signal(list, list)
    usage_changed = Signal(str)
    offline_changed = Signal(bool)

    def __init__(self, settings: Settings, save: Callable[[Settings], None] | None = None,
                 audio_backend: Callable[[], Any] = create_pyaudio) -> None:
        super().__init__()
        self.settings = settings
        self._save = save or (lambda _s: None)
        self.engine = AudioEngine(audio_backend)
        self.session: RealtimeSession | None = None
        self.bridge: AudioBridge | None = None
        self.sim: SimServer | None = None
        self.offline = False
        self.state = DISCONNECTED
        self.usage = UsageMeter()
        self._run_key: str | None = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._connecting: asyncio.Task[Any] | None = None
        # Runs only while the assistant speaks: notices when the speaker has gone quiet.
        self._timer = QTimer(self, interval=50, timeout=self._refresh)
        # Runs while devices are open: notices one that stopped working (unplugged, server gone).
        self._audio_check = QTimer(self, interval=1000, timeout=self._check_audio)
        self._reopened_at = -_REOPEN_AGAIN_S

    # ---- intents ------------------------------------------------------------------------------

    def connect_(self, offline: bool | None = None) -> None:
        if offline is not None:
            self.offline = offline
            self.offline_changed.emit(offline)
        self._cancel_connecting()
        # The state says "connecting" at once, so nothing reads the old session's state as ours.
        self._set_state(CONNECTING, "Connecting...")
        self._connecting = self._spawn(self._connect())

    def disconnect_(self) -> None:
        self._cancel_connecting()
        self._spawn(self._teardown(DISCONNECTED, "Disconnected."))

    def _cancel_connecting(self) -> None:
        """A newer intent wins over a connection still being made."""
        if self._connecting is not None and not self._connecting.done():
            self._connecting.cancel()
        self._connecting = None

    def set_mode(self, mode: str) -> None:
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
        self._set_state(LISTENING, "recording: release to send")

    def ptt_release(self) -> None:
        if self.bridge is None:
            return
        if self.bridge.release():
            self._set_state(THINKING, self._where())
        else:
            self.hint.emit("Hold the button (or Space) while you talk; a tap is ignored.")
            self._set_state(LISTENING, self._ready_text())

    def interrupt(self) -> None:
        if self.bridge is not None:
            self.bridge.interrupt()

    def set_muted(self, muted: bool) -> None:
        if self.bridge is not None:
            self.bridge.muted = muted

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
        reconnect = [name for name in _CONNECTION_FIELDS
                     if getattr(settings, name) != getattr(self.settings, name)]
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
        if self.session is not None:
            self._spawn(self._reopen_audio(self.session, announce=False))
            return
        self.engine.rescan()
        self._emit_devices()

    def _emit_devices(self) -> None:
        self.devices_changed.emit([d.name for d in self.engine.devices("input")],
                                  [d.name for d in self.engine.devices("output")])

    def test_key(self, key: str) -> None:
        self._spawn(self._test_key(key))

    def save_key(self, key: str) -> None:
        self._spawn(self._save_key(key))

    def use_key_for_this_run(self, key: str) -> None:
        self._run_key = key.strip()
        register_secret(self._run_key)

    def remove_key(self) -> None:
        self._spawn(asyncio.to_thread(api_key_store.delete, self.settings.key_account))

    async def shutdown(self) -> None:
        self._cancel_connecting()
        self._timer.stop()
        self._audio_check.stop()
        await self._teardown(DISCONNECTED, "")
        self.engine.terminate()

    # ---- connecting ---------------------------------------------------------------------------

    async def _connect(self) -> None:
        await self._teardown(CONNECTING, "Connecting...")
        try:
            endpoint = await self._endpoint()
            self._set_state(CONNECTING, f"Connecting to {endpoint.display()}...")
            session = RealtimeSession(endpoint)
            session.listeners.append(self._on_event)
            session.sent_listeners.append(lambda e: self._log_event("out", e))
            session.close_listeners.append(self._on_closed)
            try:
                await session.connect()
            except asyncio.CancelledError:
                await session.close()
                raise
        except ApiKeyRejected as exc:
            self._set_state(ERROR, str(exc))
            self.key_rejected.emit(str(exc))
            return
        except AssistantError as exc:
            self._set_state(ERROR, str(exc))
            if isinstance(exc, ApiKeyMissing):
                self.key_rejected.emit(str(exc))
            return
        self.session = session
        session.update_session(build_session(self.settings.session_settings()))
        self._start_audio(session)
        self._set_state(LISTENING, self._ready_text())

    async def _endpoint(self) -> Any:
        if self.offline:
            if self.sim is None:
                self.sim = await SimServer().start()
            settings = dataclasses.replace(self.settings, base_url=self.sim.url, dialect="ga",
                                           auth="bearer")
            return settings.endpoint(OFFLINE_KEY)
        key = self._run_key
        if not key:
            key, _ = await asyncio.to_thread(api_key_store.load, self.settings.key_account)
        if not key:
            raise ApiKeyMissing()
        register_secret(key)
        return self.settings.endpoint(key)

    def _start_audio(self, session: RealtimeSession, devices: bool = True) -> None:
        outbox = FrameOutbox(asyncio.get_running_loop())
        problems = self.engine.open(outbox, self.settings.input_device or None,
                                    self.settings.output_device or None) if devices else []
        if problems:
            self.audio_problems.emit(problems)
            for problem in problems:
                self.notice.emit(problem)
        self.bridge = AudioBridge(outbox, self.engine.buffer,
                                  mode="ptt" if self.settings.mode == "none" else "vad",
                                  echo_guard=self.settings.echo_guard)
        self.bridge.attach(session)
        self._audio_check.start()

    def _check_audio(self) -> None:
        lost = self.engine.failures()
        if not lost or self.session is None:
            return
        for sentence in lost:
            self.notice.emit(sentence)
        # Failing again right after a reopen: no loop; the user chooses (Settings, Re-scan).
        again = time.monotonic() - self._reopened_at < _REOPEN_AGAIN_S
        self._reopened_at = time.monotonic()
        self._spawn(self._reopen_audio(self.session, announce=True, devices=not again))

    async def _reopen_audio(self, session: RealtimeSession, announce: bool,
                            devices: bool = True) -> None:
        """Opens the devices again from a fresh device list (a headset unplugged: the default is
        now another device); the conversation goes on over the same session, as text alone if
        `devices` is False."""
        self._audio_check.stop()
        if self.bridge is not None:
            await self.bridge.close()
            self.bridge = None
        self.engine.rescan()
        if session is self.session:
            self._start_audio(session, devices)
            if announce:
                self.notice.emit("Audio reopened on " + self._device_names() + "." if devices
                                 else "Audio is off: choose devices in Settings (Ctrl+,).")
        self._emit_devices()

    def _device_names(self) -> str:
        names = [stream.device.name for stream in (self.engine.capture, self.engine.playback)
                 if stream is not None]
        return " and ".join(f"'{name}'" for name in names) or "no device"

    async def _teardown(self, state: str, detail: str) -> None:
        self._audio_check.stop()
        session, self.session = self.session, None
        if self.bridge is not None:
            await self.bridge.close()
            self.bridge = None
        self.engine.close()
        if session is not None:
            session.close_listeners.clear()
            await session.close()
        if self.sim is not None and (state == DISCONNECTED or not self.offline):
            await self.sim.stop()
            self.sim = None
        self._set_state(state, detail)

    async def _test_key(self, key: str) -> None:
        probe = RealtimeSession(self.settings.endpoint(key.strip()))
        try:
            await probe.connect(timeout=10)
        except AssistantError as exc:
            self.key_test_result.emit(False, str(exc))
            return
        await probe.close()
        self.key_test_result.emit(True, f"Connected to {probe.endpoint.display()}.")

    async def _save_key(self, key: str) -> None:
        try:
            await asyncio.to_thread(api_key_store.save, self.settings.key_account, key)
        except KeyringUnavailable as exc:
            self.key_saved.emit(False, str(exc))
            return
        register_secret(key.strip())
        self._run_key = None
        self.key_saved.emit(True, "The key is stored in the system keyring.")

    # ---- session events -----------------------------------------------------------------------

    def _on_event(self, event: dict[str, Any]) -> None:
        self._log_event("in", event)
        handler = HANDLERS.get(event["type"])
        if handler is not None:
            handler(self, event)

    def _on_closed(self, error: AssistantError | None) -> None:
        if error is None:
            return
        self.notice.emit(str(error))
        self._spawn(self._teardown(ERROR, str(error)))

    def _log_event(self, direction: str, event: dict[str, Any]) -> None:
        self.event_logged.emit(direction, time.time(), str(event.get("type")), summarize(event))

    def _refresh(self) -> None:
        """Speaking ends when the speaker has played the last of the reply, not at response.done."""
        speaking = self.bridge is not None and self.bridge.assistant_audible
        busy = self.session is not None and self.session.response_active
        if self.state == SPEAKING and not speaking and not busy:
            self._set_state(LISTENING, self._ready_text())

    # ---- helpers ------------------------------------------------------------------------------

    def _set_state(self, state: str, detail: str) -> None:
        self.state = state
        if state == SPEAKING:
            self._timer.start()
        else:
            self._timer.stop()
        self.state_changed.emit(state, detail)

    def _where(self) -> str:
        if self.offline:
            return "offline demo"
        return self.session.endpoint.display() if self.session else ""

    def _ready_text(self) -> str:
        if self.settings.mode == "none":
            return f"{self._where()}  ·  hold Space or the button to talk"
        return f"{self._where()}  ·  talk any time"

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._task_done)
        return task

    def _task_done(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("task failed", exc_info=task.exception())
            self.notice.emit(f"Something went wrong: {task.exception()}")
