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


class ErrorDialog(QDialog):
    def __init__(self, summary: str, details: str, log_path: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Something went wrong")
        self.setMinimumWidth(520)
        text = summary + (f"\n\nThe details are also in the log: {log_path}" if log_path else "")
        message = QLabel(text)
        message.setWordWrap(True)
        self.details = QPlainTextEdit(details, readOnly=True)
        self.details.setVisible(False)
        toggle = QPushButton("Show details")
        toggle.setCheckable(True)
        toggle.toggled.connect(self.details.setVisible)
        toggle.toggled.connect(lambda on: toggle.setText("Hide details" if on else "Show details"))
        copy = QPushButton("Copy details")
        copy.clicked.connect(lambda: QApplication.clipboard().setText(details))
        close = QPushButton("Close")
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
