"""The settings' Connection tab: how a conversation travels (WebSocket or WebRTC), and an
organisation's token server, which hands out short-lived keys so no standard key is stored here;
the organisation and project the usage is billed to.

The header's value is a secret: the field starts empty and what is typed is only handed on
(`new_token_value`) for the keyring.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from assistant.app.model import Settings
from assistant.ui.a11y import add_row
from assistant.ui.settings_general import combo, group, select


class ConnectionPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        page = QVBoxLayout(self)
        box, form = group(self.tr("Transport"))
        self.transport = combo({"websocket": self.tr("WebSocket"),
                                "webrtc": self.tr("WebRTC (Opus audio over UDP)")})
        add_row(form, self.tr("Conversations travel over"), self.transport,
                self.tr("WebRTC sends audio as Opus over UDP: a lost packet costs 20 ms, not a "
                        "stall; dictation and translation always use the WebSocket"))
        page.addWidget(box)
        box, form = group(self.tr("Token server"))
        self.token_url = QLineEdit()
        self.token_url.setPlaceholderText(self.tr("empty: use the API key stored for the "
                                                  "endpoint"))
        self.token_header = QLineEdit()
        self.token_value = QLineEdit()
        self.token_value.setEchoMode(QLineEdit.EchoMode.Password)
        self.token_value.setPlaceholderText(self.tr("kept in the system keyring; empty keeps "
                                                    "the one stored"))
        add_row(form, self.tr("Token server URL"), self.token_url,
                self.tr("Your organisation's server that hands out short-lived keys"))
        add_row(form, self.tr("Header"), self.token_header,
                self.tr("The header the token server checks, e.g. Authorization"))
        add_row(form, self.tr("Header value"), self.token_value,
                self.tr("Your organisation's token for that header"))
        note = QLabel(self.tr("With a token server, the app asks it for a client secret before "
                              "every connection and never reads a stored API key."))
        note.setWordWrap(True)
        form.addRow("", note)
        page.addWidget(box)
        page.addWidget(self._account_group())
        page.addStretch(1)

    def _account_group(self) -> QWidget:
        box, form = group(self.tr("Organisation"))
        self.organization = QLineEdit(placeholderText=self.tr("org-...; empty: the key's default"))
        self.project = QLineEdit(placeholderText=self.tr("proj_...; empty: the key's default"))
        add_row(form, self.tr("Organization"), self.organization,
                self.tr("Sent as OpenAI-Organization: which organisation the usage is billed "
                        "to, for a key in several"))
        add_row(form, self.tr("Project"), self.project,
                self.tr("Sent as OpenAI-Project: which project the usage counts against"))
        return box

    def load(self, s: Settings) -> None:
        select(self.transport, s.transport)
        self.token_url.setText(s.token_server_url)
        self.token_header.setText(s.token_header)
        self.organization.setText(s.organization)
        self.project.setText(s.project)

    def apply(self, s: Settings) -> Settings:
        return dataclasses.replace(s, transport=self.transport.currentData(),
                                   token_server_url=self.token_url.text().strip(),
                                   token_header=self.token_header.text().strip()
                                   or "Authorization",
                                   organization=self.organization.text().strip(),
                                   project=self.project.text().strip())

    def new_token_value(self) -> str:
        return self.token_value.text().strip()
