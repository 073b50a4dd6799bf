"""The settings' Connection tab: the transport and the token server round-trip through the
dialog; the header's value goes to the keyring (through the shell) and never into the settings
file; a token server changes how the next connection is made."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from assistant.app.settings import Settings
from assistant.ui.settings_dialog import SettingsDialog
from tests.helpers import until

HEADER_VALUE = "staff-token-from-the-dialog-93ab"


def test_the_tab_loads_and_applies(qtbot, tmp_path):
    settings = Settings(transport="webrtc", token_server_url="https://tokens.example/v1/x",
                        token_header="X-Staff")
    dialog = SettingsDialog(settings, [], [])
    qtbot.addWidget(dialog)
    page = dialog.connection
    assert page.transport.currentData() == "webrtc" and page.token_header.text() == "X-Staff"
    assert page.token_value.text() == ""                     # a secret is never shown
    page.transport.setCurrentIndex(page.transport.findData("websocket"))
    page.token_url.setText("  https://tokens.example/v1/realtime/client_secrets ")
    page.token_header.setText("")
    applied = dialog.values()
    assert (applied.transport, applied.token_server_url, applied.token_header) == (
        "websocket", "https://tokens.example/v1/realtime/client_secrets", "Authorization")
    dialog.tabs.setCurrentWidget(page)
    assert dialog.grab().save(str(tmp_path / "connection-tab.png"))      # to look at


async def test_a_typed_header_value_goes_to_the_keyring_only(make_shell, memory_keyring, qtbot):
    shell = await make_shell("--offline")
    shell.open_settings()
    dialog = shell.settings_dialog
    page = dialog.connection
    page.token_url.setText("http://127.0.0.1:9/v1/realtime/client_secrets")
    qtbot.keyClicks(page.token_value, HEADER_VALUE)
    assert page.token_value.echoMode() == page.token_value.EchoMode.Password
    qtbot.mouseClick(dialog.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    await until(lambda: memory_keyring.get(("voice-assistant", "token-server:127.0.0.1"))
                == HEADER_VALUE, message="kept in the keyring")
    assert shell.controller.settings.token_server_url.endswith("/client_secrets")
    shell.controller.apply_settings(dataclasses.replace(shell.controller.settings))
    assert HEADER_VALUE not in shell.store_path.read_text()


async def test_without_a_keyring_the_header_value_is_not_lost_silently(make_shell, qtbot,
                                                                       no_keyring):
    shell = await make_shell("--offline")
    notices: list[str] = []
    shell.controller.news.notice.connect(notices.append)
    shell.open_settings()
    page = shell.settings_dialog.connection
    page.token_url.setText("http://127.0.0.1:9/v1/realtime/client_secrets")
    qtbot.keyClicks(page.token_value, HEADER_VALUE)
    shell.settings_dialog.findChild(QDialogButtonBox).accepted.emit()
    await until(lambda: any("keyring" in notice for notice in notices),
                message="told the value could not be kept")
