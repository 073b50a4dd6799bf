"""One dialog for an unexpected error: a sentence, the details folded away, a copy button."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.logging_setup import mask
from assistant.ui.a11y import describe


class ErrorDialog(QDialog):
    def __init__(self, summary: str, details: str, log_path: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        summary, details = mask(summary), mask(details)   # a traceback quotes local values
        self.setWindowTitle(self.tr("Something went wrong"))
        self.setMinimumWidth(520)
        text = summary + ("\n\n" + self.tr("The details are also in the log: {path}").format(
            path=log_path) if log_path else "")
        message = QLabel(text)
        message.setWordWrap(True)
        self.details = QPlainTextEdit(details, readOnly=True)
        self.details.setVisible(False)
        toggle = QPushButton(self.tr("Show details"))
        toggle.setCheckable(True)
        toggle.toggled.connect(self.details.setVisible)
        toggle.toggled.connect(lambda on: toggle.setText(self.tr("Hide details") if on
                                                         else self.tr("Show details")))
        copy = QPushButton(self.tr("Copy details"))
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
        close = QPushButton(self.tr("Close"))
        for button, text in ((toggle, self.tr("The technical details of the error")),
                             (copy, self.tr("Copy them, to report the problem")),
                             (close, self.tr("Close this message"))):
            describe(button, text)
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(toggle)
        buttons.addWidget(copy)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
