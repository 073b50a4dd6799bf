"""Space held anywhere in the window (outside editable text) is push-to-talk."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

_TEXT_WIDGETS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


class SpaceToTalk(QObject):
    """Watches the widgets that can hold the keyboard focus, not the whole application: that
    runs a Python call for every Qt event (qasync's timers among them), which cost ~12 % of
    the GUI thread's time while the microphone streams.

    X11 repeats a held key as release+press pairs. Qt marks them as repeats by looking ahead for
    the press, and misses it when the loop is busy (streaming audio): the release then looks
    real, and the press a new turn (a cancelled reply, an empty commit; seen in 6 of 6 runs of a
    black-box check). So a release stands only when no press follows within `CONFIRM_MS`."""

    CONFIRM_MS = 60

    def __init__(self, window: QWidget, button: QPushButton, down: Callable[[], None],
                 up: Callable[[], None]) -> None:
        super().__init__(window)
        self._button, self._down, self._up = button, down, up
        self._held = False
        self._release = QTimer(self)
        self._release.setSingleShot(True)
        self._release.setInterval(self.CONFIRM_MS)
        self._release.timeout.connect(self._released)
        for widget in (window, *window.findChildren(QWidget)):
            if widget is window or widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if isinstance(event, QKeyEvent) and kind in (QEvent.Type.KeyPress,
                                                     QEvent.Type.KeyRelease):
            typing = isinstance(watched, _TEXT_WIDGETS) and not watched.isReadOnly()
            if event.key() == Qt.Key.Key_Space and not typing and self._button.isEnabled():
                if kind == QEvent.Type.KeyPress:
                    self._pressed(event.isAutoRepeat())
                elif not event.isAutoRepeat() and self._held:
                    self._release.start()
                return True
        return super().eventFilter(watched, event)

    def _pressed(self, repeat: bool) -> None:
        if self._release.isActive():          # the press of a repeat pair: still held
            self._release.stop()
        elif not repeat and not self._held:
            self._held = True
            self._down()

    def _released(self) -> None:
        self._held = False
        self._up()
