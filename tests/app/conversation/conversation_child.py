"""A process holding a conversation, for the kill -9 test: the controller against an embedded
server in this process, one typed question after another, saying each as it is asked and
answered. `python -m tests.app.conversation.conversation_child HISTORY.db`"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from assistant.app.controller import Controller
from assistant.app.runtime.event_loop import QtEventLoop
from assistant.app.runtime.gui_thread_gc import GuiThreadCollector
from assistant.app.settings import Settings
from assistant.modes import ConnectionState
from assistant.sim import SimServer
from assistant.store.history import History
from tests.fakes import FakePyAudio
from tests.helpers import UrlEndpoints, ask, until


async def converse(path: Path) -> None:
    GuiThreadCollector(QApplication.instance()).start()      # as the app does
    async with SimServer(speed=20.0) as server:
        controller = Controller(Settings(), UrlEndpoints(server.url, "sk-child"),
                                history=History.open(path),
                                audio_backend=lambda: FakePyAudio(devices=[]))
        controller.connect_(offline=False)
        await until(lambda: controller.state == ConnectionState.READY, message="connected")
        for number in range(1, 1000):
            task = asyncio.ensure_future(ask(controller, f"turn {number}"))
            await asyncio.sleep(0)                 # the question is sent: now it is in flight
            print(f"asked {number}", flush=True)
            await task
            print(f"answered {number}", flush=True)


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    loop = QtEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.run_until_complete(converse(Path(sys.argv[1])))
