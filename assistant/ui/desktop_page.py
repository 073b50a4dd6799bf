"""The settings' Desktop tab: the global talk key, showing the screen (its key, the pictures'
detail, whether the history keeps them), the tray, start at login, the language."""

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

from assistant.app.model import PICTURE_DETAILS, Settings
from assistant.desktop.global_shortcut import Shortcut, ShortcutError
from assistant.ui.a11y import add_row, describe
from assistant.ui.theme import theme


class DesktopPage(QWidget):
    def __init__(self, tray_available: bool, status: str, screen_status: str = "") -> None:
        super().__init__()
        form = QFormLayout(self)
        self.screen_shortcut = QKeySequenceEdit()
        self.screen_shortcut.setMaximumSequenceLength(1)
        self.screen_shortcut.setClearButtonEnabled(True)
        self.screen_status = QLabel(screen_status, wordWrap=True)
        self.detail = QComboBox()
        for value, label in zip(PICTURE_DETAILS, (self.tr("Automatic"), self.tr("Low (fewer "
                                "tokens, 512 px)"), self.tr("High (small text readable)")),
                                strict=True):
            self.detail.addItem(label, value)
        self.keep_pictures = QCheckBox(self.tr("Keep shown pictures in the history"))
        describe(self.keep_pictures, self.tr("Saved beside the history, readable by you "
                                             "alone; off: only a line says one was shown"))
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
        self.check_updates = QCheckBox(self.tr("Check for updates once a day"))
        describe(self.check_updates, self.tr("Asks the release feed for the newest version "
                                             "(it learns this version and the OS, nothing else)"))
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
        add_row(form, self.tr("Show screen"), self.screen_shortcut,
                self.tr("The keys that show the assistant your screen from every "
                        "application; clear it to turn it off"))
        form.addRow("", self.screen_status)
        add_row(form, self.tr("Picture detail"), self.detail,
                self.tr("How closely the model looks at a picture (high costs more tokens)"))
        form.addRow(self.tr("Pictures"), self.keep_pictures)
        form.addRow("", self.error)
        form.addRow(self.tr("Tray"), self.close_to_tray)
        form.addRow(self.tr("Login"), self.start_at_login)
        form.addRow(self.tr("Updates"), self.check_updates)
        add_row(form, self.tr("Language"), self.language,
                self.tr("The window's language; it takes effect at the next start"))

    def load(self, settings: Settings) -> None:
        self.shortcut.setKeySequence(QKeySequence(settings.global_shortcut))
        self.screen_shortcut.setKeySequence(QKeySequence(settings.screen_shortcut))
        self.detail.setCurrentIndex(max(0, self.detail.findData(settings.picture_detail)))
        self.keep_pictures.setChecked(settings.keep_pictures)
        self.talk_style.setCurrentIndex(max(0, self.talk_style.findData(settings.global_talk)))
        self.close_to_tray.setChecked(settings.close_to_tray)
        self.start_at_login.setChecked(settings.start_at_login)
        self.check_updates.setChecked(settings.check_updates)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    def show_screen_status(self, text: str) -> None:
        self.screen_status.setText(text)

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
        screen = self.screen_shortcut.keySequence().toString(
            QKeySequence.SequenceFormat.PortableText)
        if screen:
            try:
                Shortcut.parse(screen)
            except ShortcutError as exc:
                self.error.setText(str(exc))
                raise ValueError(str(exc)) from exc
        self.error.setText("")
        return dataclasses.replace(settings, global_shortcut=text or settings.global_shortcut,
                                   global_talk=style, screen_shortcut=screen,
                                   picture_detail=self.detail.currentData(),
                                   keep_pictures=self.keep_pictures.isChecked(),
                                   close_to_tray=self.close_to_tray.isChecked(),
                                   start_at_login=self.start_at_login.isChecked(),
                                   check_updates=self.check_updates.isChecked(),
                                   language=self.language.currentData())
