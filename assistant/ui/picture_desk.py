"""The conversation's pictures, on the view side: the Show button, paste (Ctrl+V) and drop, the
region picker, the picture viewer and the sign that the screen was captured.

What the user typed in the text box goes with the picture as the turn's words. Reading a dropped
file and capturing the screen are the app's (intents with a path or a kind); this only renders.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QObject, QRect
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import QLineEdit, QWidget

from assistant.app.model import AppModel
from assistant.ui.capture_sign import CaptureSign
from assistant.ui.picture_viewer import PictureViewer
from assistant.ui.region_picker import RegionPicker
from assistant.ui.show_button import ShowButton
from assistant.ui.transcript_view import TranscriptView


class PictureDesk(QObject):
    def __init__(self, pane: QWidget, model: AppModel, text_edit: QLineEdit,
                 transcript: TranscriptView) -> None:
        super().__init__(pane)
        self.pane, self.model, self.text_edit, self.transcript = pane, model, text_edit, transcript
        shortcut = model.settings.screen_shortcut
        self.button = ShowButton(shortcut)
        self.sign = CaptureSign()
        self.picker: RegionPicker | None = None
        showing = model.showing
        self.button.chosen.connect(lambda kind: showing.show_screen(kind, self._words()))
        self.button.file_chosen.connect(lambda path: showing.attach_file(path, self._words()))
        showing.shown.connect(self.transcript.add_picture)
        showing.region_wanted.connect(self.pick_region)
        showing.captured.connect(self.sign.flash)
        transcript.picture_clicked.connect(self.view)
        if shortcut.strip():                 # in the window too, where no global key works
            QShortcut(QKeySequence(shortcut), pane).activated.connect(
                lambda: showing.show_screen("screen", self._words()))
        QShortcut(QKeySequence("Ctrl+Shift+S"), pane).activated.connect(self.button.showMenu)
        pane.setAcceptDrops(True)             # its drag events come to drag_entered, dropped
        text_edit.installEventFilter(self)

    def _words(self) -> str:
        """The typed words of this turn go with the picture (and leave the box)."""
        words = self.text_edit.text()
        self.text_edit.clear()
        return words

    def paste(self, data: QMimeData | None = None) -> bool:
        """A picture on the clipboard (or dragged in) is shown; False when there is none."""
        data = data or QGuiApplication.clipboard().mimeData()
        if data is None:
            return False
        files = [url.toLocalFile() for url in data.urls() if url.isLocalFile()]
        if files:
            for path in files:
                self.model.showing.attach_file(path, self._words())
            return True
        if data.hasImage():
            image = data.imageData()
            if isinstance(image, QImage) and not image.isNull():
                self.model.showing.attach_image(image, self._words())
                return True
        return False

    def pick_region(self, screen: QImage, words: str) -> None:
        self.picker = RegionPicker(screen)
        self.picker.chosen.connect(
            lambda area: self._region_chosen(screen, area, words))
        self.picker.open()

    def _region_chosen(self, screen: QImage, area: QRect | None, words: str) -> None:
        self.picker = None
        self.model.showing.cut_region(screen, area, words)

    def view(self, item_id: str, caption: str) -> None:
        image = self.model.showing.picture(item_id)
        if image is None:
            self.model.news.hint.emit(self.tr("That picture is no longer at hand."))
            return
        viewer = PictureViewer(image, caption, self.pane.window())
        viewer.show_again.connect(lambda: self.model.showing.show_again(item_id))
        viewer.open()

    def drag_entered(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasImage() or event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropped(self, event: QDropEvent) -> None:
        if self.paste(event.mimeData()):
            event.acceptProposedAction()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.text_edit and kind == QEvent.Type.KeyPress:
            key = event if isinstance(event, QKeyEvent) else None
            if key is not None and key.matches(QKeySequence.StandardKey.Paste):
                return self._paste_if_picture()
        return False

    def _paste_if_picture(self) -> bool:
        """Ctrl+V in the text box: a picture is shown; text pastes as usual."""
        data = QGuiApplication.clipboard().mimeData()
        if data is None or (data.hasText() and not data.hasImage() and not data.hasUrls()):
            return False
        return self.paste(data)
