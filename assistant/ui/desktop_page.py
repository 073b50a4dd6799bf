"""The settings' Desktop tab: the global talk key, the tray, start at login, the language."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QKeySequenceEdit,
    QLabel,
    QWidget,
)

from assistant.app.settings import Settings
from assistant.desktop.global_shortcut import Shortcut, ShortcutError
from assistant.ui.theme import theme


def tr(text: str) -> str:
    return QCoreApplication.translate("DesktopPage", text)


class DesktopPage(QWidget):
    def __init__(self, tray_available: bool, status: str) -> None:
        super().__init__()
        form = QFormLayout(self)
        self.shortcut = QKeySequenceEdit()
        self.shortcut.setMaximumSequenceLength(1)
        self.shortcut.setClearButtonEnabled(True)
        self.shortcut.setAccessibleName(tr("Global push-to-talk shortcut"))
        self.shortcut.setAccessibleDescription(tr("Press the keys to use in every application"))
        self.talk_style = QComboBox()
        for value, label in (("hold", tr("Hold to talk, release to send")),
                             ("toggle", tr("Press to start, press again to send")),
                             ("off", tr("Off"))):
            self.talk_style.addItem(label, value)
        self.status = QLabel(status, wordWrap=True)
        self.error = QLabel(wordWrap=True)
        theme().keep_style(self.error, lambda c: f"color: {c.error};")
        self.close_to_tray = QCheckBox(tr("Closing the window keeps the assistant in the tray"))
        self.close_to_tray.setEnabled(tray_available)
        if not tray_available:
            self.close_to_tray.setToolTip(tr("This desktop shows no tray icons."))
        self.start_at_login = QCheckBox(tr("Start when I log in"))
        self.language = QComboBox()
        for value, label in (("", tr("The system's language")), ("en", "English"),
                             ("de", "Deutsch")):
            self.language.addItem(label, value)
        form.addRow(tr("Global shortcut"), self.shortcut)
        form.addRow(tr("It works by"), self.talk_style)
        form.addRow("", self.status)
        form.addRow("", self.error)
        form.addRow(tr("Tray"), self.close_to_tray)
        form.addRow(tr("Login"), self.start_at_login)
        form.addRow(tr("Language"), self.language)
        form.addRow("", QLabel(tr("A new language takes effect at the next start."),
                               wordWrap=True))
        for label, field in ((tr("It works by"), self.talk_style), (tr("Language"), self.language)):
            field.setAccessibleName(label)

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
