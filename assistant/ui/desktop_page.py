"""The settings' Desktop tab: the global talk key, the tray, start at login, the language."""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QKeySequenceEdit,
    QLabel,
    QWidget,
)

from assistant.app.model import Settings
from assistant.desktop.global_shortcut import Shortcut, ShortcutError
from assistant.ui.a11y import add_row, describe
from assistant.ui.theme import theme


class DesktopPage(QWidget):
    def __init__(self, tray_available: bool, status: str) -> None:
        super().__init__()
        form = QFormLayout(self)
        self.shortcut = QKeySequenceEdit()
        self.shortcut.setMaximumSequenceLength(1)
        self.shortcut.setClearButtonEnabled(True)
        self.talk_style = QComboBox()
        for value, label in (("hold", self.tr("Hold to talk, release to send")),
                             ("toggle", self.tr("Press to start, press again to send")),
                             ("off", self.tr("Off"))):
            self.talk_style.addItem(label, value)
        self.status = QLabel(status, wordWrap=True)
        self.error = QLabel(wordWrap=True)
        theme().keep_style(self.error, lambda c: f"color: {c.error};")
        self.close_to_tray = QCheckBox(self.tr("Closing the window keeps the assistant in "
                                               "the tray"))
        self.close_to_tray.setEnabled(tray_available)
        describe(self.close_to_tray, self.tr("Quit from the tray's menu or with Ctrl+Q")
                 if tray_available else self.tr("This desktop shows no tray icons."))
        self.start_at_login = QCheckBox(self.tr("Start when I log in"))
        describe(self.start_at_login, self.tr("Adds the assistant to your desktop's "
                                              "autostart"))
        self.language = QComboBox()
        for value, label in (("", self.tr("The system's language")), ("en", "English"),
                             ("de", "Deutsch")):
            self.language.addItem(label, value)
        add_row(form, self.tr("Global shortcut"), self.shortcut,
                self.tr("Press the keys to use from every application"))
        add_row(form, self.tr("It works by"), self.talk_style,
                self.tr("Hold it while you talk, or press once to start and again to send"))
        form.addRow("", self.status)
        form.addRow("", self.error)
        form.addRow(self.tr("Tray"), self.close_to_tray)
        form.addRow(self.tr("Login"), self.start_at_login)
        add_row(form, self.tr("Language"), self.language,
                self.tr("The window's language; it takes effect at the next start"))

    def load(self, settings: Settings) -> None:
        self.shortcut.setKeySequence(QKeySequence(settings.global_shortcut))
        self.talk_style.setCurrentIndex(max(0, self.talk_style.findData(settings.global_talk)))
        self.close_to_tray.setChecked(settings.close_to_tray)
        self.start_at_login.setChecked(settings.start_at_login)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def apply(self, settings: Settings) -> Settings:
        """These settings with the page's values; ValueError (shown here) for a bad shortcut."""
        text = self.shortcut.keySequence().toString(QKeySequence.SequenceFormat.PortableText)
        style = self.talk_style.currentData()
        if style != "off":
            try:
                Shortcut.parse(text)
            except ShortcutError as exc:
                self.error.setText(str(exc))
                raise ValueError(str(exc)) from exc
        self.error.setText("")
        return dataclasses.replace(settings, global_shortcut=text or settings.global_shortcut,
                                   global_talk=style,
                                   close_to_tray=self.close_to_tray.isChecked(),
                                   start_at_login=self.start_at_login.isChecked(),
                                   language=self.language.currentData())
