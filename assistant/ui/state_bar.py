"""The state at the top of the window: its icon's shape, its words (announced to assistive
technology), and Retry while a reconnection waits."""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from assistant.desktop.tray_icons import TRAY_STATE, tray_icon
from assistant.logging_setup import mask
from assistant.modes import ConnectionState
from assistant.ui.a11y import announce, describe
from assistant.ui.theme import theme
from assistant.ui.words import state_words


class StateBar(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.state = ConnectionState.DISCONNECTED
        self.icon = QLabel()
        self.icon.setFixedSize(22, 22)
        self.label = QLabel()
        self.label.setObjectName("state")             # clipped, never widening the window
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.retry_button = QPushButton(self.tr("Retry now"))
        self.retry_button.setVisible(False)
        describe(self.retry_button, self.tr("Reconnect now instead of waiting (Ctrl+R)"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.icon)
        row.addWidget(self.label, 1)
        row.addWidget(self.retry_button)
        theme().changed.connect(self._render_icon)

    def show_state(self, state: ConnectionState, detail: str) -> None:
        self.state = state
        self._render_icon()
        words = state_words(state)
        text = f"{words}  ·  {mask(detail)}" if detail else words
        if text != self.label.text():
            self.label.setText(text)
            announce(self.label, text)
        self.label.setToolTip(detail)
        self.retry_button.setVisible(False)

    def render_countdown(self, seconds: int, why: str) -> None:
        """Waiting to reconnect: when, why, and a way to try now."""
        if seconds > 0:
            waiting = self.tr("Reconnecting in %n s", "", seconds)
            self.show_state(ConnectionState.CONNECTING, f"{waiting}  ·  {why}")
        self.retry_button.setVisible(seconds > 0)

    def _render_icon(self) -> None:
        """The state's shape (the tray's icons), in the text colour: never colour alone."""
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        self.icon.setPixmap(tray_icon(TRAY_STATE.get(self.state, "idle"), ink).pixmap(20))
        self.icon.setAccessibleName(state_words(self.state))
