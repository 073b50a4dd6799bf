"""The "Show" button beside the text box: the screen at a click, and a menu for the window in
use, a region, or a picture file. It emits what the user chose; the pane asks the app."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFileDialog, QMenu, QToolButton, QWidget

from assistant.ui.a11y import describe

PICTURE_FILES = "*.png *.jpg *.jpeg *.PNG *.JPG *.JPEG"


class ShowButton(QToolButton):
    chosen = Signal(str)            # screen | window | region
    file_chosen = Signal(str)       # a picture file's path

    def __init__(self, shortcut: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setText(self.tr("Show"))
        self.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        describe(self, self.tr("Show the assistant your screen ({shortcut} anywhere); the "
                               "arrow (or Ctrl+Shift+S) offers a window, a region or a file. "
                               "You can also paste or drop a picture.").format(
                                   shortcut=shortcut or "-"), self.tr("Show screen"))
        menu = QMenu(self)
        self.actions_by_kind = {
            "screen": menu.addAction(self.tr("The &screen")),
            "window": menu.addAction(self.tr("The &window in use")),
            "region": menu.addAction(self.tr("A &region of the screen...")),
        }
        for kind, action in self.actions_by_kind.items():
            action.triggered.connect(lambda _on=False, k=kind: self.chosen.emit(k))
        menu.addSeparator()
        menu.addAction(self.tr("A picture &file...")).triggered.connect(self._pick_file)
        self.setMenu(menu)
        self.clicked.connect(lambda: self.chosen.emit("screen"))

    def _pick_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Show a picture"), "", self.tr("Pictures ({patterns})").format(
                patterns=PICTURE_FILES))
        if path:
            self.file_chosen.emit(path)
