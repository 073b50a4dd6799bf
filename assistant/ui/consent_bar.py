"""The question a tool that acts must ask first: which tool, with what, Allow or Deny.

It sits under the conversation, one request at a time (the oldest first, with a count of the
others), and never takes the keyboard focus: Space stays push-to-talk. Alt+A allows, Alt+D
denies; "always" is remembered per tool by the controller. Names and arguments come from the
model and from servers: they are shown as plain text (never as rich text), the arguments cut at
`ARGS_SHOWN` characters with a "Show all" to see every one before allowing.
"""

from __future__ import annotations

import html
import json

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout

from assistant.app.model import ToolCall
from assistant.ui.a11y import announce, describe
from assistant.ui.theme import Colors, theme


def consent_style(c: Colors) -> str:
    return f"""
QFrame#consent {{ background: {c.banner}; border: 1px solid {c.banner_border};
                 border-radius: 8px; }}
QFrame#consent QLabel, QFrame#consent QCheckBox {{ color: {c.banner_text}; }}
QLabel#consentArgs {{ font-family: monospace; }}
"""
ARGS_SHOWN = 600


def pretty_arguments(arguments: str) -> str:
    try:
        return json.dumps(json.loads(arguments), indent=1, ensure_ascii=False)
    except (ValueError, RecursionError):
        return arguments


class ConsentBar(QFrame):
    answered = Signal(str, bool, bool)       # call id, allow, always

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("consent")
        theme().keep_style(self, consent_style)
        self.setAccessibleName(self.tr("Permission request"))
        self.question = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.arguments = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.show_all = QPushButton(self.tr("Show all"))
        self.show_all.setCheckable(True)
        describe(self.show_all, self.tr("Show the arguments whole"))
        self.show_all.toggled.connect(lambda _on: self._show())
        self.arguments.setObjectName("consentArgs")
        self.arguments.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.always = QCheckBox(self.tr("Always allow this tool"))
        self.allow_button = QPushButton(self.tr("&Allow"))
        self.deny_button = QPushButton(self.tr("&Deny"))
        describe(self.always, self.tr("Do not ask again for this tool"))
        describe(self.allow_button, self.tr("Let the tool run (Alt+A)"))
        describe(self.deny_button, self.tr("Refuse; the model is told (Alt+D)"))
        for widget in (self.always, self.show_all, self.allow_button, self.deny_button):
            widget.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.allow_button.clicked.connect(lambda: self._answer(True))
        self.deny_button.clicked.connect(lambda: self._answer(False))
        buttons = QHBoxLayout()
        buttons.addWidget(self.always)
        buttons.addWidget(self.show_all)
        buttons.addStretch(1)
        buttons.addWidget(self.deny_button)
        buttons.addWidget(self.allow_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.arguments)
        layout.addLayout(buttons)
        self._queue: list[ToolCall] = []
        self._asked = ""
        self.setVisible(False)

    def ask(self, call: ToolCall) -> None:
        self._queue.append(call)
        self._show()

    def withdraw(self, call_id: str) -> None:
        """Answered (here, or by an earlier "always"): the next request, or nothing."""
        self._queue = [call for call in self._queue if call.call_id != call_id]
        self._show()

    def _show(self) -> None:
        self.setVisible(bool(self._queue))
        if not self._queue:
            return
        call = self._queue[0]
        name, server = html.escape(call.name), html.escape(call.server or "")
        question = self.tr("The assistant wants to use <b>{tool}</b> on the MCP server "
                           "<b>{server}</b>.") if server else \
            self.tr("The assistant wants to use <b>{tool}</b>.")
        more = "  " + self.tr("(%n more waiting)", "", len(self._queue) - 1) \
            if len(self._queue) > 1 else ""
        self.question.setText(question.format(tool=name, server=server) + more)
        if self._asked != call.call_id:              # a new question: start from the top
            self._asked = call.call_id
            self.always.setChecked(False)
            self.show_all.setChecked(False)
        shown = pretty_arguments(call.arguments)
        long = len(shown) > ARGS_SHOWN
        self.show_all.setVisible(long)
        self.arguments.setText(shown[:ARGS_SHOWN] + " …" if long and not self.show_all.isChecked()
                               else shown)
        self.always.setText(self.tr("Always allow {tool}").format(
            tool=call.name.replace("&", "&&")))
        self.setAccessibleDescription(self.tr("{tool} wants permission. Alt+A allows, "
                                              "Alt+D denies.").format(tool=call.name))
        announce(self, self.accessibleDescription())

    def _answer(self, allow: bool) -> None:
        if self._queue:
            call = self._queue[0]
            self.answered.emit(call.call_id, allow, allow and self.always.isChecked())
