"""Keeps the audio devices working for a session: opens them, watches their health, reopens.

A device that stops working (unplugged, sound server gone) is named in the conversation and the
audio reopens from a fresh device list over the same session; one that fails again within 10 s is
left closed (text goes on) and the user is pointed to Settings.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from assistant.app.local_format import said
from assistant.app.settings import Preferences, Settings
from assistant.app.voice.bridge import AudioBridge
from assistant.audio.devices import create_pyaudio
from assistant.audio.echo_report import EchoReport
from assistant.audio.engine import AudioEngine
from assistant.audio.levels import LevelHolder
from assistant.audio.outbox import FrameOutbox
from assistant.config import WIRE_RATE
from assistant.realtime.reply_audio import PREVIEW_STREAM
from assistant.realtime.session import RealtimeSession

REOPEN_AGAIN_S = 10.0      # a device that fails again this soon after reopening stays closed
PREVIEW_TEXT = "Hello! This is how I sound at this speed."   # English: the voice is English


class AudioSupervisor(QObject):
    problems = Signal(list)               # sentences: devices that could not open
    devices_changed = Signal(list, list)  # input names, output names
    notice = Signal(str)                  # a line for the conversation
    lost = Signal()                       # a device stopped working: reopen (the owner decides)
    muted_changed = Signal(bool)          # the window's button and the tray's menu follow it

    def __init__(self, prefs: Preferences, backend: Callable[[], Any] = create_pyaudio) -> None:
        super().__init__()
        self._prefs = prefs
        self.engine = AudioEngine(backend)
        self.bridge: AudioBridge | None = None
        self._check = QTimer(self)
        self._check.setInterval(1000)
        self._check.timeout.connect(self._check_health)
        self._reopened_at = -REOPEN_AGAIN_S
        self._give_up = False
        self.muted = False          # kept across reopens and reconnections

    @property
    def mic_level(self) -> LevelHolder:
        return self.engine.mic_level

    @property
    def out_level(self) -> LevelHolder:
        return self.engine.out_level

    @property
    def echo(self) -> EchoReport:
        return self.engine.echo

    def set_muted(self, muted: bool) -> None:
        changed, self.muted = muted != self.muted, muted
        if self.bridge is not None:
            self.bridge.listen(muted=muted)
        if changed:
            self.muted_changed.emit(muted)

    def interrupt(self) -> None:
        """The user stops the assistant (Esc, the Interrupt button)."""
        if self.bridge is not None:
            self.bridge.interrupt()

    async def preview(self, voice: str, speed: float) -> None:
        """A sentence in the offline demo's voice at `speed`, on the open speaker (what the
        demo's replies will sound like)."""
        if self.engine.buffer is None:
            self.notice.emit(self.tr("The preview needs a speaker: connect first."))
            return
        from assistant.sim.voice import synthesize  # espeak-ng, only when asked

        pcm = await asyncio.to_thread(synthesize, PREVIEW_TEXT, voice, WIRE_RATE, speed)
        if (buffer := self.engine.buffer) is not None:     # (still open after the wait)
            buffer.write(PREVIEW_STREAM, pcm)
            buffer.finish(PREVIEW_STREAM)

    def start(self, session: RealtimeSession, devices: bool = True) -> None:
        """Open the devices (unless told not to) and join them to the session."""
        settings = self._prefs.current
        outbox = FrameOutbox(asyncio.get_running_loop())
        problems = self.engine.open(outbox, settings.input_device or None,
                                    settings.output_device or None, settings.echo_cancellation,
                                    settings.echo_noise_suppression) if devices else []
        if problems:
            sentences = [said(problem) for problem in problems]
            self.problems.emit(sentences)
            for sentence in sentences:
                self.notice.emit(sentence)
        self.bridge = AudioBridge(outbox, self.engine.buffer,
                                  mode=settings.turn_mode,
                                  echo_guard=settings.echo_guard,
                                  echo=self.engine.echo if self.engine.canceller else None)
        self.bridge.listen(muted=self.muted)
        self.bridge.attach(session)
        self._check.start()

    def apply(self, settings: Settings, before: Settings,
              session: RealtimeSession | None) -> None:
        """The echo guard changes live; echo cancellation reopens the devices at once."""
        if self.bridge is not None:
            self.bridge.echo_guard = settings.echo_guard
            if settings.audio_changed(before):
                self.reopen(session)

    def serve(self, session: RealtimeSession) -> None:
        """A new session gets the audio: the devices opened for it, or moved over to it."""
        if self.bridge is None:
            self.start(session)
        else:
            self.move_to(session)

    def move_to(self, session: RealtimeSession | None) -> None:
        """Join the open devices to another session, or to none while reconnecting after a drop.
        What was playing or being said stops with the old session; nothing of it reaches the
        new one."""
        if self.bridge is None:
            return
        if session is None:
            self.bridge.detach(dropped=True)
            return
        if self.bridge.session is not None:
            self.bridge.detach()                 # a rollover at a quiet moment: no pause needed
        self.bridge.attach(session)

    def stop(self) -> None:
        self._check.stop()
        if self.bridge is not None:
            self.bridge.close()
            self.bridge = None
        self.engine.close()

    def reopen(self, session: RealtimeSession | None, announce: bool = False) -> None:
        """Open the devices again from a fresh device list (a headset unplugged: the default is
        now another device); without a session, only the list is refreshed."""
        devices = not self._give_up
        self._give_up = False
        self.stop()
        self.engine.rescan()
        if session is not None and session.is_open:
            self.start(session, devices)
            if announce:
                self.notice.emit(self.tr("Audio reopened on {devices}.").format(
                    devices=self.device_names()) if devices
                    else self.tr("Audio is off: choose devices in Settings (Ctrl+,)."))
        self.emit_devices()

    def emit_devices(self) -> None:
        self.devices_changed.emit([d.name for d in self.engine.devices("input")],
                                  [d.name for d in self.engine.devices("output")])

    def device_names(self) -> str:
        names = [stream.device.name for stream in (self.engine.capture, self.engine.playback)
                 if stream is not None]
        return self.tr(" and ").join(f"'{name}'" for name in names) or self.tr("no device")

    def terminate(self) -> None:
        self._check.stop()
        self.engine.terminate()

    def _check_health(self) -> None:
        lost = self.engine.failures()
        if not lost:
            return
        for sentence in lost:
            self.notice.emit(sentence)
        # Failing again right after a reopen: no loop; the user chooses (Settings, Re-scan).
        self._give_up = time.monotonic() - self._reopened_at < REOPEN_AGAIN_S
        self._reopened_at = time.monotonic()
        self._check.stop()
        self.lost.emit()
