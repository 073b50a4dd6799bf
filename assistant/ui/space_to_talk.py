"""Space held anywhere in the window (outside editable text) is push-to-talk."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
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
    the GUI thread's time while the microphone streams."""

    def __init__(self, window: QWidget, button: QPushButton, down: Callable[[], None],
                 up: Callable[[], None]) -> None:
        super().__init__(window)
        self._button, self._down, self._up = button, down, up
        for widget in (window, *window.findChildren(QWidget)):
            if widget is window or widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if isinstance(event, QKeyEvent) and kind in (QEvent.Type.KeyPress,
                                                     QEvent.Type.KeyRelease):
            typing = isinstance(watched, _TEXT_WIDGETS) and not watched.isReadOnly()
            if event.key() == Qt.Key.Key_Space and not typing and self._button.isEnabled():
                if not event.isAutoRepeat():
                    (self._down if kind == QEvent.Type.KeyPress else self._up)()
                return True
        return super().eventFilter(watched, event)
