"""Asks for the API key: masked, with a show toggle, a connection test, and the offline demo.

It emits intents; the controller stores the key (keyring) and runs the test, then reports back.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assistant.ui.a11y import announce, describe
from assistant.ui.theme import Colors, theme


class KeyDialog(QDialog):
    test_requested = Signal(str)
    save_requested = Signal(str)
    run_only_requested = Signal(str)
    demo_requested = Signal()

    def __init__(self, keyring_ok: bool, reason: str = "", no_keyring_text: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("OpenAI API key"))
        self.setMinimumWidth(480)
        intro = QLabel(reason or self.tr("Paste an API key to talk to a Realtime model. It is "
                                         "kept in your system keyring, never in a file."))
        intro.setWordWrap(True)
        self.key_edit = QLineEdit(echoMode=QLineEdit.EchoMode.Password,
                                  placeholderText="sk-...")
        describe(self.key_edit, self.tr("Your OpenAI API key, starting with sk-"),
                 self.tr("API key"))
        self.show_box = QCheckBox(self.tr("Show"))
        describe(self.show_box, self.tr("Show the key as you type it"))
        self.show_box.toggled.connect(self._toggle_echo)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self._status_ok: bool | None = None
        self._status_style = theme().keep_style(self.status, self._status_colour)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.save_button = QPushButton(self.tr("Save key") if keyring_ok
                                       else self.tr("Use for this run"))
        self.save_button.setDefault(True)
        self.demo_button = QPushButton(self.tr("Try the offline demo"))
        cancel = QPushButton(self.tr("Cancel"))
        for button, text in (
                (self.test_button, self.tr("Check the key against the endpoint")),
                (self.save_button, self.tr("Keep the key and connect")),
                (self.demo_button, self.tr("Use the embedded offline server instead")),
                (cancel, self.tr("Close without changing the key"))):
            describe(button, text)
        row = QHBoxLayout()
        row.addWidget(self.key_edit, 1)
        row.addWidget(self.show_box)
        buttons = QHBoxLayout()
        for button in (self.test_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        if not keyring_ok:
            warning = QLabel(no_keyring_text)
            warning.setWordWrap(True)
            theme().keep_style(warning, lambda c: f"color: {c.notice};")
            layout.addWidget(warning)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._keyring_ok = keyring_ok
        self.test_button.clicked.connect(self._test)
        self.save_button.clicked.connect(self._save)
        self.demo_button.clicked.connect(self._demo)
        cancel.clicked.connect(self.reject)

    @property
    def key(self) -> str:
        return self.key_edit.text().strip()

    def show_test_result(self, ok: bool, message: str) -> None:
        self.test_button.setEnabled(True)
        self._status_ok = ok
        self._status_style.apply()
        self.status.setText(message)
        announce(self.status, message)

    def _status_colour(self, c: Colors) -> str:
        return "" if self._status_ok is None else f"color: {c.ok if self._status_ok else c.error};"

    def show_saved(self, ok: bool, message: str) -> None:
        if ok:
            self.accept()
        else:
            self.show_test_result(False, message)

    def _toggle_echo(self, shown: bool) -> None:
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Normal if shown
                                  else QLineEdit.EchoMode.Password)

    def _test(self) -> None:
        if not self.key:
            self.show_test_result(False, self.tr("Paste a key first."))
            return
        self.test_button.setEnabled(False)
        self._status_ok = None
        self._status_style.apply()
        self.status.setText(self.tr("Testing..."))
        self.test_requested.emit(self.key)

    def _save(self) -> None:
        if not self.key:
            self.show_test_result(False, self.tr("Paste a key first."))
            return
        if self._keyring_ok:
            self.save_requested.emit(self.key)
        else:
            self.run_only_requested.emit(self.key)
            self.accept()

    def _demo(self) -> None:
        self.demo_requested.emit()
        self.accept()
