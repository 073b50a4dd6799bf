"""A picture from the conversation, whole, with a button to show it to the assistant again (after
a reconnect it went to the new session as a line only)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from assistant.ui.a11y import describe


class PictureViewer(QDialog):
    show_again = Signal()

    def __init__(self, image: QImage, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(caption)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        picture = QLabel()
        picture.setPixmap(QPixmap.fromImage(image))
        describe(picture, caption, self.tr("Picture"))
        scroll = QScrollArea()
        scroll.setWidget(picture)
        describe(scroll, self.tr("The picture at its full size"), self.tr("Picture"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.again_button = QPushButton(self.tr("Show it again"))
        describe(self.again_button, self.tr("Send this picture to the assistant once more"))
        buttons.addButton(self.again_button, QDialogButtonBox.ButtonRole.ActionRole)
        describe(buttons, self.tr("Close the picture, or show it again"), self.tr("Actions"))
        buttons.rejected.connect(self.reject)
        self.again_button.clicked.connect(self._again)
        column = QVBoxLayout(self)
        column.addWidget(scroll, 1)
        column.addWidget(buttons)
        self.resize(min(image.width() + 40, 1200), min(image.height() + 90, 860))

    def _again(self) -> None:
        self.show_again.emit()
        self.accept()
