"""The app on the desktop: the tray's menu, closing to the tray, the global key's turns, the
theme switching live, another launch's hand-over, start at login."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialogButtonBox

from assistant.app.tool_use.tool_calls import ToolCall
from assistant.desktop.global_shortcut import GlobalShortcut
from assistant.desktop.tray import Tray
from assistant.desktop.tray_icons import TRAY_STATES, tray_icon
from assistant.modes import ConnectionState, TurnMode
from assistant.ui.theme import DARK, LIGHT, theme
from assistant.ui.words import TURN_MODE_WORDS
from tests.helpers import speech, until
from tests.ui.conftest import mic_pcm


async def connected(shell) -> None:
    await until(lambda: shell.controller.session is not None
                and shell.controller.session.configured, message="connection")


def with_tray(shell) -> Tray:
    """The tray the app shows where the desktop has one (offscreen has none)."""
    tray = Tray(TURN_MODE_WORDS)
    shell.tray_and_keys.tray = tray
    shell.tray_and_keys._wire_tray(tray)
    shell.tray_and_keys.apply(shell.controller.settings)
    return tray


async def test_the_tray_menu_mutes_follows_the_window_and_quits(make_shell, qtbot):
    shell = await make_shell("--offline")
    await connected(shell)
    tray, window, audio = with_tray(shell), shell.window, shell.controller.audio
    tray.mute_action.trigger()
    assert audio.muted and audio.bridge.muted
    assert window.mute_button.isChecked() and window.mute_button.text() == "Unmute"
    assert "muted" in tray.icon.toolTip().lower()
    qtbot.mouseClick(window.mute_button, Qt.MouseButton.LeftButton)      # the window unmutes
    assert not audio.muted and not tray.mute_action.isChecked()
    tray.mode_actions["server_vad"].trigger()
    assert window.mode_combo.currentData() == "server_vad"
    assert shell.controller.settings.turn_mode == "server_vad"
    window.select_turn_mode(TurnMode.PUSH_TO_TALK)
    assert tray.mode_actions[TurnMode.PUSH_TO_TALK].isChecked()
    window.close_to_tray = True                        # even when closing only hides:
    with qtbot.waitSignal(window.closed):
        tray.quit_action.trigger()                     # Quit quits


async def test_closing_hides_to_the_tray_when_asked_and_ctrl_q_still_quits(make_shell, qtbot):
    shell = await make_shell("--offline")
    tray = with_tray(shell)
    settings = shell.controller.settings
    settings.close_to_tray = True
    shell.tray_and_keys.apply(settings)
    window = shell.window
    window.show()
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    window.close()
    assert not window.isVisible() and not closed
    tray.show_action.trigger()
    assert window.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert closed


class KeyOfTheDesktop(GlobalShortcut):
    """The OS's side of the global key (the real grabs have their own tests in tests/desktop)."""

    def start(self) -> bool:
        return True

    def stop(self) -> None:
        pass


async def global_key(shell, style: str) -> KeyOfTheDesktop:
    backends: list[KeyOfTheDesktop] = []
    talk = shell.tray_and_keys.talk
    talk._backend_for = lambda s: backends.append(KeyOfTheDesktop(s)) or backends[-1]
    talk.configure("", "off")
    talk.configure("Ctrl+Alt+Space", style)
    return backends[0]


async def test_holding_the_global_key_is_a_turn_and_the_tray_shows_it(make_shell):
    shell = await make_shell("--offline")
    await connected(shell)
    tray, key = with_tray(shell), await global_key(shell, "hold")
    assert "Hold Ctrl+Alt+Space" in tray.hint_action.text()
    key.pressed.emit()
    assert shell.controller.state == ConnectionState.RECORDING and tray.state == "listening"
    shell.fake.stream("input").push(mic_pcm(speech("what a lovely day", silence_ms=200)))
    await until(lambda: shell.controller.bridge.frames_sent > 20, message="the turn's audio")
    key.released.emit()
    assert shell.controller.state == ConnectionState.THINKING and tray.state != "listening"
    await until(lambda: shell.window.transcript.toPlainText().count("Assistant") == 1,
                message="the answer")


async def test_the_toggle_style_starts_on_one_press_and_sends_on_the_next(make_shell):
    shell = await make_shell("--offline")
    await connected(shell)
    key = await global_key(shell, "toggle")
    key.pressed.emit()
    key.released.emit()                      # letting go does not send
    assert shell.tray_and_keys.talk.down and shell.controller.bridge.ptt_active
    shell.fake.stream("input").push(mic_pcm(speech("hello there", silence_ms=200)))
    await until(lambda: shell.controller.bridge.frames_sent > 20, message="the turn's audio")
    key.pressed.emit()
    assert not shell.tray_and_keys.talk.down and shell.controller.state == ConnectionState.THINKING


async def test_a_bad_or_unavailable_shortcut_is_said_in_the_settings_words(make_shell):
    shell = await make_shell("--offline")
    told: list[str] = []
    shell.tray_and_keys.status.connect(told.append)
    shell.tray_and_keys.talk.configure("Ctrl+Alt", "hold")
    assert "not a shortcut" in told[-1]
    shell.tray_and_keys.talk.configure("Ctrl+Alt+Space", "hold")   # offscreen: no global keys
    assert "not available on this display" in told[-1]
    assert shell.tray_and_keys.talk.hint() == ""


def test_each_tray_state_has_its_own_shape():
    ink = QGuiApplication.palette().color(QGuiApplication.palette().ColorRole.WindowText)
    shapes = {}
    for state in TRAY_STATES:
        image = tray_icon(state, ink).pixmap(64).toImage()
        alpha = np.array([[image.pixelColor(x, y).alpha() > 0 for x in range(64)]
                          for y in range(64)])
        shapes[state] = alpha
    for a in TRAY_STATES:
        for b in TRAY_STATES:
            if a < b:
                assert (shapes[a] != shapes[b]).mean() > 0.02, (a, b)   # shape, not colour


async def test_the_theme_follows_the_os_and_switches_live(make_shell, qtbot):
    shell = await make_shell("--offline")
    window = shell.window
    window.pane.transcript.start_turn("user", "item_1")
    hints = QGuiApplication.styleHints()
    try:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)       # as the OS announces it
        assert theme().dark
        assert window.palette().window().color().name() == DARK.window
        assert DARK.accent in window.styleSheet()
        html = window.pane.transcript.toHtml().lower()
        assert DARK.user in html and LIGHT.user not in html
    finally:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert window.palette().window().color().name() == LIGHT.window
    assert LIGHT.user in window.pane.transcript.toHtml().lower()


async def test_the_desktop_tab_sets_the_key_and_refuses_a_key_without_one(make_shell, tmp_path,
                                                                          monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    shell = await make_shell("--offline")
    shell.open_settings()
    page = shell.settings_dialog.desktop
    assert page.shortcut.keySequence().toString() == "Ctrl+Alt+Space"
    assert "not available on this display" in page.status.text()      # offscreen: said why
    page.shortcut.setKeySequence(QKeySequence("Ctrl+Shift+F8"))
    page.talk_style.setCurrentIndex(page.talk_style.findData("toggle"))
    page.start_at_login.setChecked(True)
    shell.settings_dialog.findChild(QDialogButtonBox).accepted.emit()
    settings = shell.controller.settings
    assert (settings.global_shortcut, settings.global_talk) == ("Ctrl+Shift+F8", "toggle")
    assert (tmp_path / "config" / "autostart" / "voice-assistant.desktop").exists()
    shell.open_settings()
    dialog = shell.settings_dialog
    dialog.desktop.shortcut.setKeySequence(QKeySequence("Ctrl"))
    dialog.findChild(QDialogButtonBox).accepted.emit()
    assert dialog.isVisible() and dialog.tabs.currentWidget() is dialog.desktop
    assert "not a shortcut" in dialog.desktop.error.text()
    dialog.reject()
    shell.controller.settings.start_at_login = False
    shell.tray_and_keys.apply(shell.controller.settings)
    assert not (tmp_path / "config" / "autostart" / "voice-assistant.desktop").exists()


async def test_a_hidden_window_is_told_of_a_permission_request_and_a_lost_connection(make_shell):
    shell = await make_shell("--offline")
    await connected(shell)
    tray = with_tray(shell)
    told: list[tuple[str, str]] = []
    tray.notify = lambda title, text: told.append((title, text))
    shell.window.hide()
    shell.controller.tools.consent_needed.emit(ToolCall("call_1", "open_url", "{}"))
    for seconds in (3, 2, 1):                     # one notice per outage, not one a second
        shell.controller.keeper.countdown.emit(seconds, "the server went away")
    assert told == [("A tool asks for permission", "open_url waits for Allow or Deny in the "
                                                   "window."),
                    ("Connection lost", "the server went away. Reconnecting in 3 s.")]
