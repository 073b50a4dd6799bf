"""The whole app as a user runs it: its real command line in a child process, offscreen, on a
private PulseAudio, talking to the embedded server in this process at real-time speed.

Every event on the wire is kept with the time it crossed (`wire`), so tests and benches can
measure the app from outside, as the server and the speaker see it.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QSettings

from assistant.app.account.api_key_store import SERVICE
from assistant.realtime.endpoint import cleartext_host
from assistant.sim import SimServer
from tests.private_keyring import PrivateKeyring
from tests.pulse import PrivatePulse

SOURCE_COMMAND = [sys.executable, "-m", "assistant"]
LIVE_KEY = "sk-live-test"


class LiveApp:
    def __init__(self, command: list[str] | None = None, *, mode: str = "server_vad",
                 pulse: PrivatePulse | None = None, extra_args: tuple[str, ...] = (),
                 env: dict[str, str] | None = None, host: str = "127.0.0.1",
                 keyring: PrivateKeyring | None = None) -> None:
        """`keyring`: the key is kept there, as on a desktop, not in the environment."""
        self.command = command or SOURCE_COMMAND
        self.keyring = keyring
        self.mode, self.extra_args, self.extra_env = mode, extra_args, env or {}
        self.home = Path(tempfile.mkdtemp(prefix="live-app-"))
        self.pulse = pulse or PrivatePulse()
        self.server = SimServer(host, speed=1.0)
        self.wire: list[tuple[float, str, dict[str, Any]]] = []
        self.call_audio: dict[str, bytearray] = {}   # item -> what a WebRTC call played
        self.process: asyncio.subprocess.Process | None = None
        self.recorder: subprocess.Popen[bytes] | None = None

    async def __aenter__(self) -> LiveApp:
        self.pulse.start()
        await self.server.start()
        if self.keyring is not None:
            self.keyring.start().store(SERVICE, self.server.host, LIVE_KEY)
        self.server.on_wire = lambda d, e, _dialect: self.wire.append((time.monotonic(), d, e))
        self.server.on_call_audio = lambda item, pcm: self.call_audio.setdefault(
            item, bytearray()).extend(pcm)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.stop_app()
        self.stop_recording()
        await self.server.stop()
        self.pulse.stop()
        if self.keyring is not None:
            self.keyring.stop()
        shutil.rmtree(self.home, ignore_errors=True)

    def env(self) -> dict[str, str]:
        key: dict[str, str] = ({"OPENAI_API_KEY": LIVE_KEY,
                                "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
                               if self.keyring is None else self.keyring.env())
        inherited = {k: v for k, v in os.environ.items()      # a desktop's keyring: detected
                     if k not in ("OPENAI_API_KEY", "PYTHON_KEYRING_BACKEND")}
        return {**inherited, "QT_QPA_PLATFORM": "offscreen", **key,
                "HOME": str(self.home), "XDG_CONFIG_HOME": str(self.home / "config"),
                "XDG_STATE_HOME": str(self.home / "state"),
                "XDG_DATA_HOME": str(self.home / "data"),
                "VOICE_ASSISTANT_UPDATE_URL": os.environ.get(   # benches too: never the internet
                    "VOICE_ASSISTANT_UPDATE_URL", "http://127.0.0.1:9/no-release-feed"),
                **self.extra_env}

    async def start_app(self, timeout: float = 20.0) -> None:
        """Launch the app and wait until its session is configured. A server off this machine
        is reached over ws://: the user has said yes to that for its host."""
        if cleartext_host(self.server.url):
            settings = QSettings(str(self.home / "config" / "voice-assistant" /
                                     "Voice Assistant.conf"), QSettings.Format.IniFormat)
            settings.setValue("cleartext_hosts", json.dumps([self.server.host]))
            settings.sync()
        args = ["--base-url", self.server.url, "--connect", "--mode", self.mode,
                *self.extra_args]
        self.process = await asyncio.create_subprocess_exec(
            *self.command, *args, env=self.env(), stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE)
        await self.until(lambda: self.sent("session.updated"), timeout, "a configured session")

    async def stop_app(self) -> int | None:
        if self.process is None or self.process.returncode is not None:
            return self.process.returncode if self.process else None
        self.process.terminate()
        try:
            return await asyncio.wait_for(self.process.wait(), 15)
        except TimeoutError:
            self.process.kill()
            return await self.process.wait()

    def reply_audio(self, item_id: str | None = None) -> np.ndarray:
        """The 24 kHz audio the server sent for an item (every item: None), whichever
        transport carried it."""
        deltas = [e for e in self.sent("response.output_audio.delta")
                  if item_id is None or e["item_id"] == item_id]
        pcm = b"".join(base64.b64decode(e["delta"]) for e in deltas) or b"".join(
            bytes(audio) for item, audio in self.call_audio.items()
            if item_id is None or item == item_id)
        return np.frombuffer(pcm, np.int16)

    def events(self, direction: str, kind: str) -> list[tuple[float, dict[str, Any]]]:
        return [(t, e) for t, d, e in self.wire if d == direction and e.get("type") == kind]

    def sent(self, kind: str) -> list[dict[str, Any]]:
        """Events of this type the server sent."""
        return [e for _, e in self.events("out", kind)]

    def sent_at(self, kind: str) -> float:
        """When the server last sent an event of this type (monotonic; 0 if never)."""
        times = [t for t, _ in self.events("out", kind)]
        return times[-1] if times else 0.0

    def received(self, kind: str) -> list[dict[str, Any]]:
        """Events of this type the server received from the app."""
        return [e for _, e in self.events("in", kind)]

    async def until(self, condition: Callable[[], object], timeout: float, what: str) -> None:
        deadline = time.monotonic() + timeout
        while not condition():
            if self.process is not None and self.process.returncode is not None:
                err = await self.process.stderr.read() if self.process.stderr else b""
                raise AssertionError(f"the app exited ({self.process.returncode}) before "
                                     f"{what}: {err.decode(errors='replace')[-2000:]}")
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}")
            await asyncio.sleep(0.01)

    def record_speaker(self, wav: Path) -> None:
        self.recorder = self.pulse.record_speaker(wav)

    def record_both(self, wav: Path) -> None:
        self.recorder = self.pulse.record_both(wav)

    def stop_recording(self) -> None:
        if self.recorder is not None:
            self.recorder.terminate()
            self.recorder.wait(5)
            self.recorder = None

    async def say(self, wav: Path) -> float:
        """Play a recording into the microphone; returns when it has been played (monotonic)."""
        player = self.pulse.play_into_mic(wav)
        await asyncio.to_thread(player.wait, 30)
        return time.monotonic()
