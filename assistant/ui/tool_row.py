"""One tool call in the conversation: a compact line (name, arguments, result or error,
duration) that expands, on a click or Enter on its link, to the full arguments and result."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor

from assistant.app.model import ToolCall
from assistant.ui.consent_bar import pretty_arguments
from assistant.ui.theme import theme

SHORT = 60
NEW_LINE = "\u2028"           # a line break inside the row's one paragraph


@dataclass
class ToolRow:
    call: ToolCall
    output: str | None = None
    failed: bool = False
    seconds: float | None = None
    waiting: bool = False
    expanded: bool = False

    def status(self) -> str:
        if self.waiting:
            return QCoreApplication.translate("ToolRow", "waiting for your answer below")
        if self.output is None:
            return QCoreApplication.translate("ToolRow", "running…")
        shown = _short(self.output)
        lead = QCoreApplication.translate("ToolRow", "failed:") + " " if self.failed else "→ "
        return f"{lead}{shown}  ·  {_duration(self.seconds)}"

    def plain(self) -> str:
        """The row as text (what a screen reader reads, and what tests check)."""
        lines = [f"{self.title()} {_short(self.call.arguments)}  {self.status()}"]
        if self.expanded:
            lines += [_labelled(_arguments(), self.call.arguments),
                      _labelled(_result(), self.output or "")]
        return NEW_LINE.join(lines)

    def title(self) -> str:
        server = f"{self.call.server} · " if self.call.server else ""
        return f"⚙ {server}{self.call.name}"

    def render(self, cursor: QTextCursor) -> None:
        """Write the row at the cursor (which selects what it replaces)."""
        c = theme().colors
        name = _format(c.text, bold=True)
        cursor.insertText(self.title(), name)
        cursor.insertText(f"  {_short(self.call.arguments)}", _format(c.muted))
        colour = c.error if self.failed else c.ok if self.output is not None else c.notice
        cursor.insertText(f"   {self.status()}", _format(colour))
        link = _format(c.link)
        link.setAnchor(True)
        link.setAnchorHref(f"tool:{self.call.call_id}")
        link.setFontUnderline(True)
        cursor.insertText("   ", _format(c.muted))
        cursor.insertText(QCoreApplication.translate("ToolRow", "hide") if self.expanded
                          else QCoreApplication.translate("ToolRow", "details"), link)
        if self.expanded:
            mono = _format(c.text)
            mono.setFontFamilies(["monospace"])
            for label, text in ((_arguments(), self.call.arguments), (_result(), self.output)):
                body = pretty_arguments(text or "").replace("\n", NEW_LINE)
                cursor.insertText(f"{NEW_LINE}{label}: {body}", mono)


def _format(colour: str, bold: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(QColor(colour))
    if bold:
        fmt.setFontWeight(QFont.Weight.DemiBold)
    return fmt


def _short(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= SHORT else flat[:SHORT - 1] + "…"


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    locale = QLocale()
    return f"{locale.toString(seconds * 1000, 'f', 0)} ms" if seconds < 1 else \
        f"{locale.toString(seconds, 'f', 1)} s"


def _arguments() -> str:
    return QCoreApplication.translate("ToolRow", "arguments")


def _result() -> str:
    return QCoreApplication.translate("ToolRow", "result")


def _labelled(label: str, text: str) -> str:
    return f"{label}: {pretty_arguments(text)}"
