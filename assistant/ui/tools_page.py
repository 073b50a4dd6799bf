"""Settings, Tools tab: which built-in tools the model may use, which no longer ask, and the
remote MCP servers (label, https address, whether each call asks first)."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.app.model import (
    DEMO_MCP_URL,
    Grant,
    McpServer,
    Settings,
    grants_text,
    names,
    parse_grants,
    parse_servers,
    servers_text,
    switched,
)
from assistant.translatable import QT_TRANSLATE_NOOP
from assistant.ui.a11y import describe
from assistant.ui.theme import theme
from assistant.ui.words import translated

ToolInfo = tuple[str, str, bool]          # name, title, asks first
APPROVALS = {"always": QT_TRANSLATE_NOOP("Words", "Ask me each time"),
             "never": QT_TRANSLATE_NOOP("Words", "Never ask")}


class ToolsPage(QWidget):
    def __init__(self, tools: list[ToolInfo], with_token: set[str]) -> None:
        super().__init__()
        self._always: frozenset[Grant] = frozenset()
        self._with_token = with_token
        self.checks: dict[str, QCheckBox] = {}
        builtin = QGroupBox(self.tr("Built-in tools the assistant may use"))
        rows = QVBoxLayout(builtin)
        for name, title, asks in tools:
            shown = QCoreApplication.translate("Tools", title)
            check = QCheckBox(shown + ("  " + self.tr("(asks first)") if asks else ""))
            describe(check, self.tr("Lets the model call {name}").format(name=name))
            rows.addWidget(check)
            self.checks[name] = check
        self.always_label = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.forget = QPushButton(self.tr("Ask again for every tool"))
        describe(self.forget, self.tr("Every tool asks for permission again"))
        self.forget.clicked.connect(self._forget_always)
        rows.addWidget(self.always_label)
        rows.addWidget(self.forget)
        layout = QVBoxLayout(self)
        layout.addWidget(builtin)
        layout.addWidget(self._servers_group())

    def _servers_group(self) -> QGroupBox:
        box = QGroupBox(self.tr("Remote MCP servers (the model's service calls them)"))
        self.servers = QTableWidget(0, 4)
        self.servers.setHorizontalHeaderLabels([self.tr("Label"),
                                                self.tr("Address (https://...)"),
                                                self.tr("Approval"), self.tr("Token")])
        self.servers.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.servers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        describe(self.servers, self.tr("One row per server: its label, address, whether "
                                       "calls ask first, and its token"),
                 self.tr("Remote MCP servers"))
        self.servers.setWordWrap(False)
        add, remove = QPushButton(self.tr("Add server")), QPushButton(self.tr("Remove server"))
        describe(add, self.tr("A new row for a server"))
        describe(remove, self.tr("Remove the selected server"))
        add.clicked.connect(lambda: self.add_server(McpServer("", "https://")))
        remove.clicked.connect(lambda: self.servers.removeRow(self.servers.currentRow()))
        hint = QLabel(self.tr("The offline demo emulates one, with tools add and save_note, at "
                              "{url}. Tokens are kept in the system keyring.").format(
                                  url=DEMO_MCP_URL), wordWrap=True)
        self.server_error = QLabel(wordWrap=True)
        theme().keep_style(self.server_error, lambda c: f"color: {c.error};")
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.servers)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addWidget(self.server_error)
        return box

    def add_server(self, server: McpServer) -> None:
        row = self.servers.rowCount()
        self.servers.insertRow(row)
        self.servers.setItem(row, 0, QTableWidgetItem(server.label))
        self.servers.setItem(row, 1, QTableWidgetItem(server.url))
        approval = QComboBox()
        for value, label in APPROVALS.items():
            approval.addItem(translated(label), value)
        describe(approval, self.tr("Whether a call to this server asks you first"),
                 self.tr("Approval"))
        approval.setCurrentIndex(max(0, approval.findData(server.approval)))
        self.servers.setCellWidget(row, 2, approval)
        token = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        token.setPlaceholderText(self.tr("saved") if server.label in self._with_token
                                 else self.tr("none"))
        describe(token, self.tr("Sent as a bearer token; kept in the system keyring"),
                 self.tr("Token for {server}").format(server=server.label) if server.label
                 else self.tr("Token for the new server"))
        self.servers.setCellWidget(row, 3, token)

    def new_tokens(self) -> dict[str, str]:
        """Tokens typed in this time, by server label (the saved ones are never shown)."""
        tokens = {}
        for row in range(self.servers.rowCount()):
            label, edit = self.servers.item(row, 0), self.servers.cellWidget(row, 3)
            if label and isinstance(edit, QLineEdit) and edit.text().strip():
                tokens[label.text().strip()] = edit.text().strip()
        return tokens

    def load(self, settings: Settings) -> None:
        off = names(settings.disabled_tools)
        for name, check in self.checks.items():
            check.setChecked(name not in off)
        self._always = parse_grants(settings.tool_grants)
        self._show_always()
        self.servers.setRowCount(0)
        try:
            servers = parse_servers(settings.mcp_servers)
        except ValueError as exc:
            self.server_error.setText(self.tr("The saved servers could not be read: {why}")
                                      .format(why=exc))
            servers = []
        for server in servers:
            self.add_server(server)

    def apply(self, settings: Settings) -> Settings:
        """These choices in `settings`; ValueError (shown here) when a server row is wrong."""
        rows = []
        for row in range(self.servers.rowCount()):
            cells = [self.servers.item(row, col) for col in (0, 1)]
            combo = self.servers.cellWidget(row, 2)
            approval = combo.currentData() if isinstance(combo, QComboBox) else "always"
            rows.append({"label": cells[0].text().strip() if cells[0] else "",
                         "url": cells[1].text().strip() if cells[1] else "",
                         "approval": approval})
        try:
            servers = parse_servers(json.dumps(rows))
        except ValueError as exc:
            self.server_error.setText(str(exc))
            raise
        self.server_error.clear()
        settings.disabled_tools = switched(settings.disabled_tools, set(self.checks),
                                           {n for n, c in self.checks.items()
                                            if not c.isChecked()})
        settings.tool_grants = grants_text(self._always)
        settings.mcp_servers = servers_text(servers)
        return settings

    def _forget_always(self) -> None:
        self._always = frozenset()
        self._show_always()

    def _show_always(self) -> None:
        shown = ", ".join(grant.label() for grant in sorted(self._always)) or self.tr("none")
        self.always_label.setText(self.tr("Allowed without asking: {tools}").format(tools=shown))
        self.forget.setEnabled(bool(self._always))
