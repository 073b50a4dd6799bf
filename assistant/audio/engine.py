"""Owns the audio devices: opens the microphone and speaker it can, says what it could not.

A missing device is not fatal: without a microphone the app still works through the text box;
without a speaker the transcript still streams (and no audio is queued to rot in memory).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from assistant.audio.capture import Capture
from assistant.audio.devices import DeviceCatalog, DeviceInfo, Direction, create_pyaudio
from assistant.audio.echo_canceller import EchoCanceller, open_canceller
from assistant.audio.echo_report import EchoReport
from assistant.audio.levels import LevelHolder
from assistant.audio.outbox import FrameOutbox
from assistant.audio.playback import Playback
from assistant.audio.playback_buffer import PlaybackBuffer
from assistant.errors import AssistantError, AudioDeviceError
from assistant.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)


class AudioEngine:
    def __init__(self, backend_factory: Callable[[], Any] = create_pyaudio) -> None:
        self._factory = backend_factory
        self.catalog: DeviceCatalog | None = None
        self.mic_level = LevelHolder()
        self.out_level = LevelHolder()
        self.capture: Capture | None = None
        self.playback: Playback | None = None
        self.canceller: EchoCanceller | None = None
        self.echo = EchoReport()
        self._stuck = False     # a stream thread never left PortAudio: never terminate under it

    @property
    def buffer(self) -> PlaybackBuffer | None:
        return self.playback.buffer if self.playback else None

    def devices(self, direction: Direction) -> list[DeviceInfo]:
        try:
            return self._catalog().devices(direction)
        except (OSError, AudioDeviceError):
            return []

    def rescan(self) -> None:
        self.close()
        if self.catalog is not None and not self._stuck:
            self.catalog.rescan()

    def open(self, outbox: FrameOutbox, input_device: str | int | None = None,
             output_device: str | int | None = None, echo_mode: str = "auto",
             noise_suppression: bool = False) -> list[AssistantError]:
        """Open what can be opened; returns one error per device that could not. With both
        devices open, the echo canceller joins them as `echo_mode` says."""
        self.close()
        problems: list[AssistantError] = []
        try:
            catalog = self._catalog()
        except OSError as exc:
            problems.append(AudioDeviceError(QT_TRANSLATE_NOOP(
                "Errors", "The audio system could not start ({why})."), why=exc))
            return problems
        try:
            mic = catalog.find("input", input_device)
            outbox.level = self.mic_level
            self.capture = Capture(catalog, mic, outbox.from_audio_thread, self.mic_level,
                                   wanted=lambda: outbox.wanted(), nudge=outbox.nudge,
                                   quiet=lambda: outbox.quiet)
        except (AudioDeviceError, OSError) as exc:
            problems.append(AudioDeviceError(QT_TRANSLATE_NOOP(
                "Errors", "{problem} You can still type messages."), problem=exc))
        try:
            speaker = catalog.find("output", output_device)
            self.playback = Playback(catalog, speaker, self.out_level)
        except (AudioDeviceError, OSError) as exc:
            problems.append(AudioDeviceError(QT_TRANSLATE_NOOP(
                "Errors", "{problem} Replies will be shown as text only."), problem=exc))
        self._join_canceller(echo_mode, noise_suppression)
        problems += self._start()
        return problems

    def _start(self) -> list[AssistantError]:
        """Start both streams; one that will not start is closed, and the canceller with it
        (there is no echo to take out without both)."""
        problems: list[AssistantError] = []
        if self.capture is not None and (failure := _started(self.capture)):
            self.capture = None
            problems.append(AudioDeviceError(QT_TRANSLATE_NOOP(
                "Errors", "The microphone could not start ({why}). You can still type "
                "messages."), why=failure))
        if self.playback is not None and (failure := _started(self.playback)):
            self.playback = None
            problems.append(AudioDeviceError(QT_TRANSLATE_NOOP(
                "Errors", "The speaker could not start ({why}). Replies will be shown as text "
                "only."), why=failure))
        if self.canceller is not None and (self.capture is None or self.playback is None):
            self._join_canceller("off", False)
        return problems

    def _join_canceller(self, mode: str, noise_suppression: bool) -> None:
        if self.capture is None or self.playback is None:
            self.canceller = None
            self.echo.state = "no_devices"
            self.echo.clear_measures()
        else:
            self.canceller = open_canceller(mode, noise_suppression, self.playback.device.name,
                                            self.capture.rate, self.playback.rate, self.echo)
        for stream in (self.capture, self.playback):
            if stream is not None:
                stream.canceller = self.canceller

    def failures(self) -> list[str]:
        """One sentence per open stream whose device stopped working (unplugged, server gone)."""
        lost = []
        for what, stream in (("microphone", self.capture), ("speaker", self.playback)):
            if stream is not None and stream.failure is not None:
                lost.append(f"The {what} '{stream.device.name}' stopped working "
                            f"({stream.failure}).")
        return lost

    def close(self) -> None:
        for stream in (self.capture, self.playback):
            if stream is not None:
                stream.close()
                self._stuck = self._stuck or stream.stuck
        self.capture = self.playback = None
        self.canceller = None
        self.mic_level.reset()
        self.out_level.reset()

    def terminate(self) -> None:
        self.close()
        if self.catalog is not None and not self._stuck:
            self.catalog.close()
        self.catalog = None

    def _catalog(self) -> DeviceCatalog:
        if self.catalog is None:
            self.catalog = DeviceCatalog(self._factory)
        return self.catalog


def _started(stream: Capture | Playback) -> str | None:
    """Start a stream; the reason it would not start, if it would not."""
    try:
        stream.start()
    except OSError as exc:
        stream.close()
        return str(exc.args[-1] if exc.args else exc)
    return None
