"""The app with tools against an embedded server of its own, driven as a user does: the fixtures
`browser` (stands in for the default browser), `sim_servers` and `tools_app` are registered in
this folder's conftest."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QSettings, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from assistant.sim import SimServer
from tests.helpers import WireLog, until

KEY = "sk-test-tools-0123456789abcdef"


class Browser(QObject):
    """Stands in for the default browser: Qt's own hook for a URL scheme."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser():
    handler = Browser()
    for scheme in ("http", "https"):
        QDesktopServices.setUrlHandler(scheme, handler, "open")
    yield handler
    for scheme in ("http", "https"):
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.fixture
async def sim_servers():
    """Stopped after the app has shut down (this fixture is set up before make_shell)."""
    servers: list[SimServer] = []
    yield servers
    for server in servers:
        await server.stop()


@pytest.fixture
async def tools_app(sim_servers, make_shell, memory_keyring, tmp_path):
    """The app connected to a sim of its own; `settings` are written before it starts."""
    servers = sim_servers

    async def start(settings: dict | None = None, before_connect=None):
        server = await SimServer(api_key=KEY, speed=20).start()
        servers.append(server)
        wire = WireLog()
        server.on_wire = wire
        memory_keyring[("voice-assistant", "127.0.0.1")] = KEY
        store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        for name, value in (settings or {}).items():
            store.setValue(name, value)
        store.sync()
        shell = await make_shell("--base-url", server.url, "--connect", start=False)
        if before_connect:
            before_connect(shell)
        await shell.start()
        await until(lambda: shell.controller.session is not None
                    and shell.controller.session.configured, message="connected")
        shell.wire = wire
        return shell

    return start


def say(shell, qtbot, text: str) -> None:
    qtbot.keyClicks(shell.window.text_edit, text)
    qtbot.keyClick(shell.window.text_edit, Qt.Key.Key_Return)


def sent(shell, kind: str) -> list[dict]:
    return [e for d, e, _ in shell.wire.events if d == "in" and e["type"] == kind]


def outputs(shell) -> list[dict]:
    return [e["item"] for e in sent(shell, "conversation.item.create")
            if e["item"]["type"] == "function_call_output"]


async def reply_containing(shell, *parts: str, timeout: float = 15) -> str:
    """The first turn with all of `parts` (a streaming reply is waited for to its end)."""
    def found() -> str | None:
        return next((t for t in shell.window.transcript.turns()
                     if all(p in t for p in parts)), None)
    await until(found, timeout, f"a reply with {parts!r} in {shell.window.transcript.turns()}")
    return found() or ""


