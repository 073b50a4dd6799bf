"""The tray icon: the state at a glance, a menu of intents, and notifications.

It renders what it is told (`render`) and emits what the user picks; the owner wires both.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QPalette
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from assistant.desktop.tray_icons import tray_icon
from assistant.modes import TurnMode
from assistant.translatable import QT_TRANSLATE_NOOP

STATE_WORDS = {"idle": QT_TRANSLATE_NOOP("Tray", "Ready"),
               "listening": QT_TRANSLATE_NOOP("Tray", "Listening"),
               "speaking": QT_TRANSLATE_NOOP("Tray", "Speaking"),
               "thinking": QT_TRANSLATE_NOOP("Tray", "Thinking"),
               "muted": QT_TRANSLATE_NOOP("Tray", "Microphone muted"),
               "offline": QT_TRANSLATE_NOOP("Tray", "Not connected"),
               "error": QT_TRANSLATE_NOOP("Tray", "Error")}


class Tray(QObject):
    show_hide_requested = Signal()
    mute_requested = Signal(bool)
    mode_requested = Signal(object)     # TurnMode
    quit_requested = Signal()
    updates_requested = Signal()

    def __init__(self, modes: dict[TurnMode, str]) -> None:
        super().__init__()
        self.icon = QSystemTrayIcon()
        self.menu = QMenu()
        self.show_action = self.menu.addAction(self.tr("Show or hide the window"))
        self.show_action.triggered.connect(self.show_hide_requested)
        self.mute_action = self.menu.addAction(self.tr("Mute the microphone"))
        self.mute_action.setCheckable(True)
        self.mute_action.toggled.connect(self.mute_requested)
        self.mode_menu = self.menu.addMenu(self.tr("Turn mode"))
        self.mode_group = QActionGroup(self)
        self.mode_actions: dict[TurnMode, QAction] = {}
        for value, label in modes.items():
            action = self.mode_menu.addAction(QCoreApplication.translate("Words", label))
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, v=value: self.mode_requested.emit(v))
            self.mode_group.addAction(action)
            self.mode_actions[value] = action
        self.hint_action = self.menu.addAction("")
        self.hint_action.setEnabled(False)
        self.menu.addSeparator()
        self.updates_action = self.menu.addAction(self.tr("Check for updates"))
        self.updates_action.triggered.connect(self.updates_requested)
        self.quit_action = self.menu.addAction(self.tr("Quit"))
        self.quit_action.triggered.connect(self.quit_requested)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.state = "offline"
        self.render("offline")

    @staticmethod
    def available() -> bool:
        return QSystemTrayIcon.isSystemTrayAvailable()

    def show(self) -> None:
        self.icon.show()

    def render(self, state: str, detail: str = "") -> None:
        self.state = state
        ink = QGuiApplication.palette().color(QPalette.ColorRole.WindowText)
        self.icon.setIcon(tray_icon(state, ink))
        words = self.tr(STATE_WORDS[state]) if state in STATE_WORDS else state
        self.icon.setToolTip(self.tr("Voice Assistant: {state}").format(state=words)
                             + (f"\n{detail}" if detail else ""))

    def render_muted(self, muted: bool) -> None:
        self.mute_action.blockSignals(True)
        self.mute_action.setChecked(muted)
        self.mute_action.blockSignals(False)

    def render_mode(self, mode: TurnMode) -> None:
        if mode in self.mode_actions:
            self.mode_actions[mode].setChecked(True)

    def render_hint(self, text: str) -> None:
        self.hint_action.setText(text)
        self.hint_action.setVisible(bool(text))

    def notify(self, title: str, text: str) -> None:
        """A desktop notification (through the tray, which every desktop with one shows)."""
        if self.icon.isVisible() and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self.show_hide_requested.emit()
