"""Light and dark: the OS's colour scheme picks one and a change switches live.

Every colour the widgets use is named here, once per scheme, and a test holds each to WCAG's
4.5:1 contrast against the background it is drawn on. Qt reports the OS's scheme through
QStyleHints (6.5+); where it cannot tell ("unknown"), the palette's lightness decides.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextCursor, QTextDocument
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Colors:
    window: str
    base: str            # text fields, the transcript
    text: str
    muted: str           # secondary text: arguments, times
    accent: str          # the talk button
    accent_pressed: str
    on_accent: str
    accent_disabled: str
    user: str            # "You" in the transcript
    assistant: str
    notice: str          # warnings in the conversation
    error: str
    ok: str
    banner: str          # the offline banner and the consent bar
    banner_text: str
    banner_border: str
    link: str


LIGHT = Colors(window="#efefef", base="#ffffff", text="#1b1b1b", muted="#5f5f5f",
               accent="#2259c2", accent_pressed="#173f8c", on_accent="#ffffff",
               accent_disabled="#9db4dc", user="#1f56bd", assistant="#12694a", notice="#8a4b00",
               error="#b3261e", ok="#1d6f45", banner="#fff4d6", banner_text="#4d3800",
               banner_border="#d9b95c", link="#1f56bd")
DARK = Colors(window="#202124", base="#17181a", text="#e8e8e8", muted="#b0b0b0",
              accent="#8ab4f8", accent_pressed="#aecbfa", on_accent="#10213f",
              accent_disabled="#3c4a63", user="#8ab4f8", assistant="#6fdba8", notice="#f2b35c",
              error="#f28b82", ok="#81c995", banner="#3a3016", banner_text="#fbe3a6",
              banner_border="#8a7330", link="#8ab4f8")


def palette_for(colors: Colors) -> QPalette:
    palette = QPalette(QColor(colors.window), QColor(colors.window))   # bevels and rules
    role = QPalette.ColorRole
    for roles, value in (((role.Window, role.Button, role.AlternateBase), colors.window),
                         ((role.Base, role.ToolTipBase), colors.base),
                         ((role.WindowText, role.Text, role.ButtonText, role.ToolTipText),
                          colors.text),
                         ((role.PlaceholderText,), colors.muted),
                         ((role.Highlight,), colors.accent),
                         ((role.HighlightedText,), colors.on_accent),
                         ((role.Link,), colors.link)):
        for each in roles:
            palette.setColor(each, QColor(value))
    for each in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, each, QColor(colors.muted))
    return palette


class Theme(QObject):
    """The app's one theme: follows the OS and says when it changed."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.dark, self._applied = False, False
        self.before = LIGHT                    # the colours before the last switch
        hints = QGuiApplication.styleHints()
        hints.colorSchemeChanged.connect(self._follow)
        self._follow(hints.colorScheme())

    @property
    def colors(self) -> Colors:
        return DARK if self.dark else LIGHT

    def keep_style(self, widget: QWidget, make: Callable[[Colors], str]) -> _Restyler:
        """Give `widget` the style sheet `make` writes, now and after every switch (and when
        the returned restyler's apply() is called, for a style that depends on more)."""
        return _Restyler(widget, make, self)

    def _follow(self, scheme: Qt.ColorScheme) -> None:
        if scheme == Qt.ColorScheme.Unknown:
            dark = QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
        else:
            dark = scheme == Qt.ColorScheme.Dark
        if dark == self.dark and self._applied:
            return
        self.before, self.dark, self._applied = self.colors, dark, True
        QGuiApplication.setPalette(palette_for(self.colors))
        self.changed.emit()


class _Restyler(QObject):
    """A child of the widget it styles, so the connection dies with the widget."""

    def __init__(self, widget: QWidget, make: Callable[[Colors], str], owner: Theme) -> None:
        super().__init__(widget)
        self._widget, self._make, self._owner = widget, make, owner
        owner.changed.connect(self.apply)
        self.apply()

    def apply(self) -> None:
        self._widget.setStyleSheet(self._make(self._owner.colors))


def recolor(document: QTextDocument, before: Colors, after: Colors) -> None:
    """Text already written in one scheme's colours, moved to the other's."""
    mapping = {QColor(getattr(before, f.name)).rgb(): QColor(getattr(after, f.name))
               for f in dataclasses.fields(Colors)}
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            fmt = fragment.charFormat()
            new = mapping.get(fmt.foreground().color().rgb())
            if fmt.hasProperty(fmt.Property.ForegroundBrush) and new is not None:
                fmt.setForeground(new)
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(fragment.position() + fragment.length(),
                                   QTextCursor.MoveMode.KeepAnchor)
                cursor.setCharFormat(fmt)
            iterator += 1
        block = block.next()


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio between two colours."""
    def luminance(name: str) -> float:
        color, channels = QColor(name), []
        for value in (color.redF(), color.greenF(), color.blueF()):
            channels.append(value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4)
        red, green, blue = channels
        return float(0.2126 * red + 0.7152 * green + 0.0722 * blue)
    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


_theme: Theme | None = None


def theme() -> Theme:
    """The application's theme, made on first use (after the QApplication)."""
    global _theme
    if _theme is None:
        _theme = Theme()
    return _theme
