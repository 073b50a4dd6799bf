"""What a trusted app promises about secrets and files (issue 22, SECURITY.md): a key with a
trailing CR, a traceback quoting the key, an MCP server's token: none reaches the log, the crash
dialog (or its Copy) or any text in the window; and every file the app writes is 0600 in 0700
folders, from creation, under the usual umask 022."""

from __future__ import annotations

import json
import logging
import os
import stat

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from assistant.errors import EndpointUnreachable
from assistant.logging_setup import setup_logging
from assistant.sim import SimServer
from assistant.sim.mcp import PRIVATE_TOKEN, PRIVATE_URL
from tests.helpers import until
from tests.secrets_scan import disguises, leaks

# An Azure-style key: 32 hex digits, nothing like "sk-", so only registration can mask it.
KEY = "3f9a0c1e5b7d4a2f8e6c0b9a1d3e5f70"
TOKEN = PRIVATE_TOKEN          # what the embedded server's private MCP server takes


@pytest.fixture
def umask_022():
    before = os.umask(0o022)
    yield
    os.umask(before)


def window_texts(shell) -> dict[str, str]:
    w = shell.window
    return {"transcript": w.transcript.toPlainText(), "state": w.state_bar.label.text(),
            "status bar": w.statusBar().currentMessage(), "inspector": w.inspector.all_text(),
            "clipboard": QApplication.clipboard().text()}


def assert_nothing_of(secret: str, texts: dict[str, str]) -> None:
    for where, text in texts.items():
        for form, value in disguises(secret).items():
            assert value.decode("latin-1") not in text, f"{form} in the {where}"


async def test_secrets_reach_no_log_no_dialog_and_no_window_text(make_shell, memory_keyring,
                                                                 tmp_path, monkeypatch, qtbot):
    log_path = setup_logging(logging.DEBUG, tmp_path / "logs")
    monkeypatch.setenv("OPENAI_API_KEY", KEY + "\r")             # a CRLF .env file
    async with SimServer(api_key=KEY, speed=20) as server:
        shell = await make_shell("--base-url", server.url, "--connect")
        c = shell.controller
        await until(lambda: c.session is not None and c.session.configured,
                    message="connected with the key, its CR dropped")
        shell.window.inspector_button.setChecked(True)
        c.settings.mcp_servers = json.dumps([{"label": "notes", "url": PRIVATE_URL,
                                              "approval": "always"}])
        await shell._keep_tokens({"notes": TOKEN})               # as Settings hands it over
        await until(lambda: "notes offers 2 tool" in shell.window.transcript.toPlainText(),
                    message="the token was sent and accepted")

        def refuse(header: str) -> None:
            raise RuntimeError(f"invalid header value 'Bearer {header}' (token {TOKEN})")
        try:
            refuse(KEY + "\r")
        except RuntimeError as exc:
            shell.on_exception(RuntimeError, exc, exc.__traceback__)
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if w.windowTitle() == "Something went wrong" and w.isVisible())
        copy = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Copy details")
        qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
        assert "RuntimeError: invalid header value 'Bearer ***" in QApplication.clipboard().text()
        dialog_text = dialog.details.toPlainText() + " ".join(
            label.text() for label in dialog.findChildren(type(shell.window.state_bar.label)))
        dialog.close()
        c.keeper.owner.session_failed(EndpointUnreachable(
            server.url, f"the header Bearer {KEY} was refused"))
        c.tasks.spawn(_fails_with(TOKEN))
        await until(lambda: "Something went wrong" in shell.window.transcript.toPlainText(),
                    message="a failed task said in the window")
        texts = {**window_texts(shell), "dialog": dialog_text}
        assert "was refused" in texts["state"] and "***" in texts["state"]
        await c.shutdown()
    logging.getLogger().handlers[-1].flush()
    texts["log"] = log_path.read_text()
    assert "RuntimeError: invalid header value" in texts["log"]     # the traceback is there
    for secret in (KEY, TOKEN):
        assert_nothing_of(secret, texts)
        assert leaks(secret, tmp_path) == []


async def _fails_with(secret: str) -> None:
    raise RuntimeError(f"upstream said: unknown token {secret}")


def modes(root) -> dict[str, str]:
    found = {".": oct(stat.S_IMODE(root.stat().st_mode))}
    for path in root.rglob("*"):
        found[str(path.relative_to(root))] = oct(stat.S_IMODE(path.stat().st_mode))
    return found


async def test_every_file_the_app_writes_is_0600_in_0700_folders(make_shell, memory_keyring,
                                                                 tmp_path, umask_022):
    root = tmp_path / "home"
    os.mkdir(root, 0o700)
    setup_logging(logging.INFO, root / "logs")
    memory_keyring[("voice-assistant", "127.0.0.1")] = KEY
    async with SimServer(api_key=KEY, speed=20) as server:
        shell = await make_shell("--base-url", server.url, "--connect", history_in=root)
        c = shell.controller
        await until(lambda: c.session is not None and c.session.configured, message="connected")
        c.send_text("keep this between us")
        await until(lambda: any("keep this between us" in t and "You said" in t
                                for t in shell.window.transcript.turns()), message="a reply")
        conversation = c.record.conversation or 0
        for name in ("chat.md", "chat.json"):
            shell.window.browser.export(conversation, str(root / name))
        c.dictation.kept.keep("a dictated line")
        c.interpreter.kept.keep("a translated line")
        c.apply_settings(c.settings)
        logging.getLogger("assistant").warning("a line in the log")
        while_running = modes(root)
        await c.shutdown()
    logging.getLogger().handlers[-1].flush()
    assert {"history.db", "history.db-wal", "history.db-shm", "settings.ini", "chat.md",
            "chat.json", "logs/assistant.log"} <= set(while_running)
    assert any(name.startswith("dictations/") for name in while_running)
    assert any(name.startswith("translations/") for name in while_running)
    for found in (while_running, modes(root)):
        wrong = {name: mode for name, mode in found.items()
                 if mode != ("0o700" if (root / name).is_dir() else "0o600")}
        assert wrong == {}
