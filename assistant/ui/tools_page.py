"""Settings, Tools tab: which built-in tools the model may use, which no longer ask, and the
remote MCP servers (label, https address, whether each call asks first)."""

from __future__ import annotations

import json

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

from assistant.app.settings import Settings
from assistant.app.tool_config import (
    DEMO_MCP_URL,
    McpServer,
    names,
    names_text,
    parse_servers,
    servers_text,
)
from assistant.ui.theme import theme

ToolInfo = tuple[str, str, bool]          # name, title, asks first
APPROVALS = {"always": "Ask me each time", "never": "Never ask"}


class ToolsPage(QWidget):
    def __init__(self, tools: list[ToolInfo], with_token: set[str]) -> None:
        super().__init__()
        self._always: set[str] = set()
        self._with_token = with_token
        self.checks: dict[str, QCheckBox] = {}
        builtin = QGroupBox("Built-in tools the assistant may use")
        rows = QVBoxLayout(builtin)
        for name, title, asks in tools:
            check = QCheckBox(f"{title}{'  (asks first)' if asks else ''}")
            check.setToolTip(name)
            rows.addWidget(check)
            self.checks[name] = check
        self.always_label = QLabel(wordWrap=True)
        self.forget = QPushButton("Ask again for every tool")
        self.forget.clicked.connect(self._forget_always)
        rows.addWidget(self.always_label)
        rows.addWidget(self.forget)
        layout = QVBoxLayout(self)
        layout.addWidget(builtin)
        layout.addWidget(self._servers_group())

    def _servers_group(self) -> QGroupBox:
        box = QGroupBox("Remote MCP servers (the model's service calls them)")
        self.servers = QTableWidget(0, 4)
        self.servers.setHorizontalHeaderLabels(["Label", "Address (https://...)", "Approval",
                                                "Token"])
        self.servers.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.servers.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.servers.setAccessibleName("Remote MCP servers")
        self.servers.setWordWrap(False)
        add, remove = QPushButton("Add server"), QPushButton("Remove server")
        add.clicked.connect(lambda: self.add_server(McpServer("", "https://")))
        remove.clicked.connect(lambda: self.servers.removeRow(self.servers.currentRow()))
        hint = QLabel(f"The offline demo emulates one, with tools add and save_note, at "
                      f"{DEMO_MCP_URL}. Tokens are kept in the system keyring.", wordWrap=True)
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
            approval.addItem(label, value)
        approval.setCurrentIndex(max(0, approval.findData(server.approval)))
        self.servers.setCellWidget(row, 2, approval)
        token = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        token.setPlaceholderText("saved" if server.label in self._with_token else "none")
        token.setAccessibleName(f"Token for {server.label or 'the new server'}")
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
        self._always = names(settings.always_allowed)
        self._show_always()
        self.servers.setRowCount(0)
        try:
            servers = parse_servers(settings.mcp_servers)
        except ValueError as exc:
            self.server_error.setText(f"The saved servers could not be read: {exc}")
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
        settings.disabled_tools = names_text({n for n, c in self.checks.items()
                                              if not c.isChecked()})
        settings.always_allowed = names_text(self._always)
        settings.mcp_servers = servers_text(servers)
        return settings

    def _forget_always(self) -> None:
        self._always.clear()
        self._show_always()

    def _show_always(self) -> None:
        shown = ", ".join(sorted(self._always)) or "none"
        self.always_label.setText(f"Allowed without asking: {shown}")
        self.forget.setEnabled(bool(self._always))
