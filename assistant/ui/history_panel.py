"""Past conversations: search, read, continue, delete, export. Renders what `HistoryBrowser`
lists and emits intents; the file dialog only picks a path, the browser writes the file."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from assistant.ui.a11y import describe

_ID = Qt.ItemDataRole.UserRole


class HistoryPanel(QWidget):
    search_changed = Signal(str)
    selected = Signal(int)
    continue_requested = Signal(int)
    delete_requested = Signal(int)
    export_requested = Signal(int, str)     # conversation, path (.md or .json)
    new_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(placeholderText=self.tr("Search past conversations"))
        self.search.setClearButtonEnabled(True)
        describe(self.search, self.tr("Find conversations by the words in them"),
                 self.tr("Search"))
        self.list = QListWidget()
        describe(self.list, self.tr("Newest first; Enter continues the selected one"),
                 self.tr("Past conversations"))
        self.preview = QTextBrowser()
        self.preview.setPlaceholderText(self.tr("Select a conversation to read it."))
        describe(self.preview, self.tr("The selected conversation's text"),
                 self.tr("Conversation"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.new_button = QPushButton(self.tr("New"))
        self.continue_button = QPushButton(self.tr("Continue"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.export_button = QPushButton(self.tr("Export..."))
        for button, text in (
                (self.new_button, self.tr("Start a new conversation (Ctrl+N)")),
                (self.continue_button, self.tr("Carry on this conversation: the model gets "
                                               "it back")),
                (self.delete_button, self.tr("Delete the selected conversation")),
                (self.export_button, self.tr("Save it as Markdown or JSON"))):
            describe(button, text)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.continue_button, self.delete_button,
                       self.export_button):
            buttons.addWidget(button)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(self.preview)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.search.textChanged.connect(self.search_changed)
        self.list.currentItemChanged.connect(self._on_current)
        self.list.itemActivated.connect(lambda _i: self._emit_for_current(self.continue_requested))
        self.new_button.clicked.connect(self.new_requested)
        self.continue_button.clicked.connect(
            lambda: self._emit_for_current(self.continue_requested))
        self.delete_button.clicked.connect(self._confirm_delete)
        self.export_button.clicked.connect(self._choose_export)
        self._enable(False)

    # ---- rendering ----------------------------------------------------------------------------

    def show_list(self, rows: list[tuple[int, str, str]]) -> None:
        current = self.current_id()
        self.list.clear()
        for conversation, title, detail in rows:
            item = QListWidgetItem(f"{title}\n{detail}")
            item.setData(_ID, conversation)
            self.list.addItem(item)
            if conversation == current:
                self.list.setCurrentItem(item)
        if not rows:
            self.preview.clear()
        self._enable(self.current_id() is not None)

    def show_conversation(self, conversation: int, markdown: str) -> None:
        if conversation == self.current_id():
            self.preview.setMarkdown(markdown)

    def show_message(self, text: str) -> None:
        self.status.setText(text)

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(_ID)) if item is not None else None

    # ---- intents ------------------------------------------------------------------------------

    def _on_current(self, item: QListWidgetItem | None, _previous: object) -> None:
        self._enable(item is not None)
        if item is not None:
            self.selected.emit(int(item.data(_ID)))

    def _emit_for_current(self, signal: SignalInstance) -> None:
        conversation = self.current_id()
        if conversation is not None:
            signal.emit(conversation)

    def _confirm_delete(self) -> None:
        conversation = self.current_id()
        if conversation is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete conversation"),
                                      self.tr("Delete this conversation from the history? "
                                              "This cannot be undone."))
        if answer == QMessageBox.StandardButton.Yes:
            self.preview.clear()
            self.delete_requested.emit(conversation)

    def _choose_export(self) -> None:
        conversation = self.current_id()
        if conversation is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export conversation"),
                                              "conversation.md",
                                              "Markdown (*.md);;JSON (*.json)")
        if path:
            self.export_requested.emit(conversation, path)

    def _enable(self, on: bool) -> None:
        for button in (self.continue_button, self.delete_button, self.export_button):
            button.setEnabled(on)
