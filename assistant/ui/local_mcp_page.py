"""Settings, My MCP servers: the servers of mcp.json with their state, a switch for each server
and each of its tools, the file's problems line by line, an import from Claude Desktop, Cursor or
VS Code, and a secret for `${keyring:NAME}` kept in the keyring."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assistant.app.model import (
    MCP_IMPORT_SOURCES,
    LocalMcpFace,
    ServerState,
    Settings,
    names,
    switched,
)
from assistant.ui.a11y import describe
from assistant.ui.theme import theme

WIRE = Qt.ItemDataRole.UserRole          # a tool row's wire name; a server row's server name


class LocalMcpPage(QWidget):
    secret_entered = Signal(str, str)          # the name ${keyring:NAME} uses, its value

    def __init__(self, servers: LocalMcpFace | None) -> None:
        super().__init__()
        self.face = servers
        self._off: set[str] = set()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Server and its tools"), self.tr("State")])
        self.tree.setColumnWidth(0, 260)
        describe(self.tree, self.tr("Your MCP servers; the switch of a server turns it on, the "
                                    "switch of a tool lets the model use it"),
                 self.tr("My MCP servers"))
        self.tree.itemChanged.connect(self._switched)
        self.problems = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        theme().keep_style(self.problems, lambda c: f"color: {c.error};")
        self.message = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.where = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText,
                            textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.problems)
        layout.addLayout(self._actions())
        layout.addLayout(self._secret_row())
        layout.addWidget(self.message)
        if servers is not None:
            servers.changed.connect(self.show_servers)
        self.show_servers()

    def _actions(self) -> QHBoxLayout:
        self.source = QComboBox()
        self.source.addItems(list(MCP_IMPORT_SOURCES))
        describe(self.source, self.tr("The app whose MCP servers to import"))
        self.import_button = QPushButton(self.tr("Import servers"))
        describe(self.import_button, self.tr("Adds that app's servers here, turned off"))
        self.import_button.clicked.connect(self._import)
        self.reload_button = QPushButton(self.tr("Read mcp.json again"))
        describe(self.reload_button, self.tr("Restarts the servers from the file as it is now"))
        self.reload_button.clicked.connect(self._reload)
        row = QHBoxLayout()
        for widget in (QLabel(self.tr("From")), self.source, self.import_button):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.reload_button)
        return row

    def _secret_row(self) -> QHBoxLayout:
        self.secret_name = QLineEdit(placeholderText=self.tr("name, as in ${keyring:name}"))
        describe(self.secret_name, self.tr("The name mcp.json gives the secret"),
                 self.tr("Secret name"))
        self.secret_value = QLineEdit(echoMode=QLineEdit.EchoMode.Password,
                                      placeholderText=self.tr("secret"))
        describe(self.secret_value, self.tr("Kept in the system keyring, never in mcp.json"),
                 self.tr("Secret value"))
        keep = QPushButton(self.tr("Keep in keyring"))
        describe(keep, self.tr("Stores the secret for mcp.json to name"))
        keep.clicked.connect(self._keep_secret)
        row = QHBoxLayout()
        for widget in (self.secret_name, self.secret_value, keep):
            row.addWidget(widget)
        return row

    def show_servers(self) -> None:
        face = self.face
        self.tree.blockSignals(True)
        self.tree.clear()
        if face is None:
            self.where.setText(self.tr("No MCP servers in this window."))
            self.tree.blockSignals(False)
            return
        self.where.setText(self.tr("Servers are read from {path}.").format(path=face.path))
        for state in face.states.values():
            self.tree.addTopLevelItem(self._server_item(state, face.tools_of(state.name)))
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self.problems.setText("\n".join(self.tr("mcp.json, {problem}").format(problem=p)
                                        for p in face.problems))
        if not face.states and not face.problems:
            self.message.setText(self.tr("No servers yet: import them, or write mcp.json (the "
                                         "README shows an example)."))

    def _server_item(self, state: ServerState, tools: list[tuple[str, str]]) -> QTreeWidgetItem:
        item = QTreeWidgetItem([state.name, self.describe_state(state)])
        item.setData(0, WIRE, state.name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Unchecked if state.phase == "disabled"
                           else Qt.CheckState.Checked)
        item.setToolTip(1, state.detail)
        for wire, tool in tools:
            child = QTreeWidgetItem([tool, wire])
            child.setData(0, WIRE, wire)
            child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            child.setCheckState(0, Qt.CheckState.Unchecked if wire in self._off
                                else Qt.CheckState.Checked)
            item.addChild(child)
        return item

    def describe_state(self, state: ServerState) -> str:
        count = len(state.tools)
        return {"starting": self.tr("starting..."),
                "ready": self.tr("ready with %n tool(s)", "", count),
                "restarting": self.tr("restarting: {why}").format(why=state.detail),
                "failed": self.tr("failed: {why}").format(why=state.detail),
                "stopped": self.tr("stopped"),
                "disabled": self.tr("off")}[state.phase]

    def _switched(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0 or self.face is None:
            return
        name, on = str(item.data(0, WIRE)), item.checkState(0) == Qt.CheckState.Checked
        if item.parent() is not None:                   # a tool: saved with the dialog
            (self._off.discard if on else self._off.add)(name)
            return
        # Later, not inside the item's own signal: the list is rebuilt and this item deleted.
        QTimer.singleShot(0, lambda: self._turn(name, on))

    def _turn(self, name: str, on: bool) -> None:
        if self.face is None:
            return
        why = self.face.set_enabled(name, on)
        self.message.setText(why or (self.tr("{name} is on.") if on else
                                     self.tr("{name} is off.")).format(name=name))

    def _import(self) -> None:
        if self.face is not None:
            self.message.setText(self.face.import_from(self.source.currentText()))

    def _reload(self) -> None:
        if self.face is not None:
            self.face.reload()
            self.message.setText(self.tr("mcp.json was read again."))

    def _keep_secret(self) -> None:
        name, value = self.secret_name.text().strip(), self.secret_value.text()
        if not name or not value:
            self.message.setText(self.tr("A secret needs a name and a value."))
            return
        self.secret_entered.emit(name, value)
        self.secret_value.clear()
        self.message.setText(self.tr("Kept in the keyring; mcp.json can name it as "
                                     "${{keyring:{name}}}.").format(name=name))

    def load(self, settings: Settings) -> None:
        self._off = names(settings.disabled_tools)
        self.show_servers()

    def apply(self, settings: Settings) -> Settings:
        """Tool switches in `settings.disabled_tools`; other tools' entries are kept."""
        face = self.face
        mine = {wire for server in face.states for wire, _ in face.tools_of(server)} \
            if face else set()
        settings.disabled_tools = switched(settings.disabled_tools, mine, self._off)
        return settings
