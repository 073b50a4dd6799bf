"""The app's controller (session keeper, history, replay; no window, no sound card) talking to
the embedded server run as a separate process, as the long-run benches need: typed turns at a
pace no spoken conversation on real devices could be sped up to."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from assistant.app.controller import Controller
from assistant.app.runtime.gui_thread_gc import GuiThreadCollector
from assistant.app.settings import Settings
from assistant.modes import ConnectionState
from assistant.store.history import History
from tests.fakes import FakePyAudio
from tests.helpers import UrlEndpoints, until


@asynccontextmanager
async def rig(history: Path, *sim_args: str, **settings: object) -> AsyncIterator[Controller]:
    server = subprocess.Popen([sys.executable, "-m", "assistant.sim", "--port", "0", *sim_args],
                              stdout=subprocess.PIPE, text=True)
    assert server.stdout is not None
    url = server.stdout.readline().split()[-1].rsplit("/realtime", 1)[0]
    collector = GuiThreadCollector()          # as the app does: no Qt object dies off-thread
    collector.start()
    controller = Controller(Settings(**settings), UrlEndpoints(url, "sk-bench"),  # type: ignore[arg-type]
                            audio_backend=lambda: FakePyAudio(devices=[]),
                            history=History.open(history))
    try:
        controller.connect_(offline=False)
        await until(lambda: controller.state == ConnectionState.READY, message="connected")
        yield controller
    finally:
        await controller.shutdown()
        collector.stop()
        server.terminate()
        server.wait(10)


def run(main: object) -> None:
    """Run a coroutine on a qasync loop, as the app does."""
    from PySide6.QtWidgets import QApplication

    from assistant.app.runtime.event_loop import QtEventLoop

    app = QApplication.instance() or QApplication(sys.argv[:1])
    loop = QtEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.run_until_complete(main)  # type: ignore[arg-type]
