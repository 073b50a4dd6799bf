"""Cleartext is never silent (issue 22): a ws:// or http:// address off this machine gets a
question before the key goes out (No by default; a yes is remembered per host) and a warning in
the window; loopback never leaves the machine and is not asked about."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from assistant.app.connection import cleartext
from assistant.modes import ConnectionState as State
from assistant.realtime.endpoint import cleartext_host
from assistant.sim import SimServer
from tests.helpers import until

KEY = "sk-test-cleartext-0123456789abcdef"


@pytest.mark.parametrize(("url", "host"), [
    ("ws://api.example.com/v1", "api.example.com"), ("http://10.0.0.7:8000/v1", "10.0.0.7"),
    ("WS://Proxy.Example:80/v1", "proxy.example"), ("ws://[2001:db8::1]:80/v1", "2001:db8::1"),
    ("wss://api.example.com/v1", None), ("https://10.0.0.7/v1", None),
    ("ws://127.0.0.1:8080/v1", None), ("ws://127.9.8.7/v1", None), ("ws://[::1]:80/v1", None),
    ("http://localhost:8000/v1", None), ("ws://app.localhost/v1", None), ("", None)])
def test_what_counts_as_cleartext_off_this_machine(url, host):
    assert cleartext_host(url) == host


@pytest.fixture
def loopback_as_remote(monkeypatch):
    """The embedded server listens on loopback; these tests treat it as a host across a network
    (sending real traffic off this machine is not done here)."""
    monkeypatch.setattr(cleartext, "cleartext_host",
                        lambda url: "127.0.0.1" if "127.0.0.1" in url else None)


def question() -> QMessageBox | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if w.objectName() == "cleartextQuestion" and w.isVisible()), None)


async def test_no_keeps_the_key_home_and_yes_is_remembered_for_the_host(
        make_shell, memory_keyring, loopback_as_remote):
    memory_keyring[("voice-assistant", "127.0.0.1")] = KEY
    async with SimServer(api_key=KEY, speed=20) as server:
        shell = await make_shell("--base-url", server.url, "--connect")
        await until(question, message="asked before the key goes out")
        box = question()
        assert box is not None and "127.0.0.1" in box.text()
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.No).click()
        c = shell.controller
        await until(lambda: c.state == State.ERROR, message="not connected")
        assert "not sent in clear text without your yes" in shell.window.state_bar.label.text()
        assert server.attempts == 0                              # nothing reached the server
        assert "cleartext_hosts" not in shell.store_path.read_text()

        c.connect_(offline=False)
        await until(question, message="asked again")
        question().button(QMessageBox.StandardButton.Yes).click()
        await until(lambda: c.state == State.READY and c.session is not None, message="connected")
        assert "Not encrypted: 127.0.0.1 receives your key" in \
            shell.window.transcript.toPlainText()
        assert '127.0.0.1' in shell.store_path.read_text()
        c.connect_(offline=False)                                # remembered: not asked again
        await until(lambda: server.attempts == 2 and c.state == State.READY, message="again")
        assert question() is None


async def test_a_cleartext_token_server_is_asked_about_before_the_token_goes_out(
        make_shell, memory_keyring, monkeypatch, tmp_path):
    from assistant.token_server.app import Config
    from assistant.token_server.audit import Audit
    from tests.token_rig import TokenServer, authenticator

    staff = "staff-token-cleartext-42"
    memory_keyring[("voice-assistant", "token-server:127.0.0.1")] = staff
    async with SimServer(api_key=KEY, speed=20) as server, TokenServer(Config(
            server.http_url, KEY, auth=authenticator(tmp_path, {"staff": staff}),
            audit=Audit(tmp_path / "audit"))) as tokens:
        # Only the token server counts as across a network: the question is about it.
        monkeypatch.setattr(cleartext, "cleartext_host",
                            lambda url: "127.0.0.1" if url == tokens.url else None)
        shell = await make_shell("--base-url", server.url, "--token-server", tokens.url)
        await until(question, message="asked before the token goes out")
        question().button(QMessageBox.StandardButton.No).click()
        await until(lambda: shell.controller.state == State.ERROR, message="not connected")
        assert (tmp_path / "audit").read_text() == ""          # the token server heard nothing
        shell.controller.connect_(offline=False)
        await until(question, message="asked again")
        question().button(QMessageBox.StandardButton.Yes).click()
        await until(lambda: shell.controller.state == State.READY, message="connected")
        assert '"who": "staff"' in (tmp_path / "audit").read_text()
