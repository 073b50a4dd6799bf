"""The whole app (AppShell: window + controller) on a qasync loop, with the test keyring,
a temporary settings file and a fake sound card that runs on a real clock."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import shiboken6
import soxr
from PySide6.QtCore import QSettings

from assistant.audio.devices import create_pyaudio
from assistant.cli import parse_args
from assistant.shell.app_shell import AppShell
from tests.fakes import FakePyAudio
from tests.pulse import PrivatePulse
from tests.ui.tool_rig import browser, sim_servers, tools_app  # noqa: F401 (fixtures, by name)


def mic_pcm(pcm24: bytes, rate: int = 48_000, channels: int = 2) -> bytes:
    """24 kHz mono speech as the fake microphone delivers it (48 kHz stereo)."""
    mono = soxr.resample(np.frombuffer(pcm24, np.int16), 24_000, rate).astype(np.int16)
    return np.repeat(mono, channels).tobytes()


@pytest.fixture
def pulse():
    """A private PulseAudio with null sinks (for the real-device tests of this folder)."""
    server = PrivatePulse(stereo_record=True).start()
    yield server
    server.stop()


@pytest.fixture
def memory_keyring(keyring_store):
    return keyring_store


@pytest.fixture
async def make_shell(qtbot, tmp_path, memory_keyring):
    shells: list[AppShell] = []

    async def make(*argv: str, backend: FakePyAudio | None = None, start: bool = True,
                   real_audio: bool = False, history_in: Path | None = None):
        """`real_audio`: PortAudio itself (a private PulseAudio must be running);
        `history_in`: the folder of the settings and the history (else the test's own)."""
        fake = backend or FakePyAudio(realtime=True)
        folder = history_in or tmp_path
        store = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        shell = AppShell(parse_args(list(argv)), str(folder / "assistant.log"),
                         audio_backend=create_pyaudio if real_audio else lambda: fake,
                         settings_store=store, history_file=folder / "history.db")
        shell.fake, shell.store_path = fake, folder / "settings.ini"
        qtbot.addWidget(shell.window)
        shells.append(shell)
        if start:
            await shell.start()
        return shell

    yield make
    for shell in shells:
        if shell.key_dialog is not None and shiboken6.isValid(shell.key_dialog):
            shell.key_dialog.close()        # (gone already if Qt deleted the window with it)
        shell.updates.stop()                # as the app's own shutdown does
        await shell.controller.shutdown()
        await shell.controller.local_mcp.close()
        shell.collector.stop()


@pytest.fixture
def window(qtbot):
    """The window on a fake of the app (tests/ui/fake_model.py): (window, model)."""
    from assistant.ui.main_window import MainWindow
    from tests.ui.fake_model import FakeModel

    model = FakeModel()
    window = MainWindow(model)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, model
