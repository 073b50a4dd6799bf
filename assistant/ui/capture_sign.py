"""The visible sign that the screen was just captured: a small label at the top of the screen
for two seconds, over every window, taking no focus (the user may be in another application)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel

from assistant.ui.a11y import announce, describe

SHOWN_MS = 2000


class CaptureSign(QLabel):
    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint
                         | Qt.WindowType.WindowStaysOnTopHint)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setStyleSheet("QLabel { background: #c62828; color: white; padding: 8px 14px; "
                           "border-radius: 8px; font-weight: 600; }")
        describe(self, self.tr("Shown when the screen is captured"), self.tr("Capture sign"))
        self._timer = QTimer(self, singleShot=True, interval=SHOWN_MS)
        self._timer.timeout.connect(self.hide)

    def flash(self, text: str) -> None:
        self.setText("● " + text)
        self.adjustSize()
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            self.move(area.center().x() - self.width() // 2, area.top() + 24)
        self.show()
        announce(self, text)
        self._timer.start()
