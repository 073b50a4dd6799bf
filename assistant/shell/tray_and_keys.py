"""The app on the desktop: the global talk and show-screen keys, the tray, notifications, start
at login, and what a second launch hands over. Wires those to the controller and the window."""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from PySide6.QtCore import QObject, Signal

from assistant.app.controller import Controller
from assistant.app.settings import Settings
from assistant.app.updates.watch import UpdateWatch
from assistant.cli import parse_args
from assistant.desktop.action_key import GlobalActionKey
from assistant.desktop.autostart import set_start_at_login
from assistant.desktop.talk_key import GlobalTalkKey
from assistant.desktop.tray import Tray
from assistant.desktop.tray_icons import TRAY_STATE
from assistant.modes import ConnectionState, TurnMode
from assistant.ui.main_window import MainWindow
from assistant.ui.words import TURN_MODE_WORDS

log = logging.getLogger(__name__)
# The window's icons for the controller's states, but an error shows as offline in the tray.
TRAY_OF_STATE = {**TRAY_STATE, ConnectionState.ERROR: "offline"}


class TrayAndKeys(QObject):
    status = Signal(str)           # the global shortcut's state, for the settings
    screen_status = Signal(str)    # the show-screen shortcut's

    def __init__(self, controller: Controller, window: MainWindow,
                 tray: Tray | None = None) -> None:
        super().__init__()
        self.controller, self.window = controller, window
        self.talk = GlobalTalkKey(controller.ptt_press, controller.ptt_release)
        self.show_key = GlobalActionKey(lambda: controller.showing.show_screen("screen"),
                                        "show-screen")
        self.show_key.status.connect(self.screen_status)
        if tray is None and Tray.available():
            tray = Tray(TURN_MODE_WORDS)
        self.tray = tray
        self._state, self._detail, self._applied = ConnectionState.DISCONNECTED, "", Settings()
        self.talk.status.connect(self.status)
        self.talk.status.connect(lambda _text: self._render_hint())
        self._lost_told = False
        self.talk.held.connect(lambda _held: self._render_tray())
        controller.news.state_changed.connect(self._on_state)
        controller.audio.muted_changed.connect(lambda _m: self._render_tray())
        controller.tools.consent_needed.connect(self._on_consent)
        controller.news.countdown.connect(self._on_countdown)
        if self.tray is not None:
            self._wire_tray(self.tray)

    def _wire_tray(self, tray: Tray) -> None:
        c, window = self.controller, self.window
        tray.show_hide_requested.connect(self.toggle_window)
        tray.mute_requested.connect(c.audio.set_muted)
        c.audio.muted_changed.connect(tray.render_muted)
        tray.mode_requested.connect(lambda mode: window.select_turn_mode(TurnMode(mode)))
        tray.quit_requested.connect(window.quit)
        window.mode_combo.currentIndexChanged.connect(
            lambda _i: tray.render_mode(TurnMode(window.mode_combo.currentData())))
        window.hidden_to_tray.connect(self._on_hidden)
        tray.render_mode(c.settings.turn_mode)
        tray.show()

    def wire_updates(self, updates: UpdateWatch) -> None:
        """The tray's "Check for updates", and a notification of a newer version when the
        window is out of sight (the window shows it in a line of its own)."""
        if self.tray is not None:
            self.tray.updates_requested.connect(
                lambda: self.controller.tasks.spawn(updates.check_now()))
            updates.available.connect(self._on_update)

    def _on_update(self, version: str, how: str, _notes: str, _page: str) -> None:
        if self.tray is not None and self._needs_attention():
            self.tray.notify(self.tr("Voice Assistant {version} is available").format(
                version=version), how)

    def apply(self, settings: Settings) -> None:
        """Take on the settings that concern the desktop (at start and after every change)."""
        self.talk.configure(settings.global_shortcut, settings.global_talk)
        self.show_key.configure(settings.screen_shortcut)
        self.window.close_to_tray = settings.close_to_tray and self.tray is not None
        if settings.start_at_login != self._applied.start_at_login:
            problem = set_start_at_login(settings.start_at_login)
            if problem:
                self.controller.news.notice.emit(problem)
        self._applied = dataclasses.replace(settings)     # the controller's copy changes
        self._render_hint()

    def _render_hint(self) -> None:
        if self.tray is not None:
            self.tray.render_hint(self.talk.hint())

    def toggle_window(self) -> None:
        if self.window.isVisible() and self.window.isActiveWindow():
            self.window.hide()
        else:
            self.raise_window()

    def raise_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()

    def arrived(self, argv: list[str]) -> None:
        """Another launch handed its command line over: come forward, do what it asks."""
        self.raise_window()
        try:
            args: Any = parse_args(argv)
        except SystemExit:                       # --help or a bad option: it printed why there
            return
        if args.offline:
            self.controller.connect_(offline=True)
        elif args.connect:
            self.controller.connect_(offline=False)

    def stop(self) -> None:
        self.talk.stop()
        self.show_key.stop()
        if self.tray is not None:
            self.tray.icon.hide()

    # ---- rendering and notifications ------------------------------------------------------------

    def _on_state(self, state: ConnectionState, detail: str) -> None:
        self._state, self._detail = state, detail
        if state.connected:
            self._lost_told = False
        self._render_tray()

    def _render_tray(self) -> None:
        if self.tray is None:
            return
        shape = TRAY_OF_STATE.get(self._state, "thinking")
        if self.controller.audio.muted:
            shape = "muted"
        elif self.talk.down:
            shape = "listening"           # the global key is held: confirmed where it is seen
        self.tray.render(shape, self._detail)

    def _needs_attention(self) -> bool:
        return not (self.window.isVisible() and self.window.isActiveWindow())

    def _on_consent(self, call: Any) -> None:
        if self.tray is not None and self._needs_attention():
            self.tray.notify(self.tr("A tool asks for permission"),
                             self.tr("{tool} waits for Allow or Deny in the window.").format(
                                 tool=call.name))

    def _on_countdown(self, seconds: int, why: str) -> None:
        if self.tray is not None and seconds > 0 and self._needs_attention() \
                and not self._lost_told:
            self._lost_told = True
            self.tray.notify(self.tr("Connection lost"),
                             self.tr("{why}. Reconnecting in {seconds} s.").format(
                                 why=why, seconds=seconds))

    def _on_hidden(self) -> None:
        if self.tray is not None:
            self.tray.notify(self.tr("Still running"),
                             self.tr("Voice Assistant is in the tray; {shortcut} talks to it "
                                     "from anywhere.").format(
                                 shortcut=self._applied.global_shortcut))
