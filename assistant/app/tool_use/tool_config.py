"""The user's tool settings, and the tool stack built from them.

Settings keep tool names as comma-separated text (QSettings stores strings everywhere) and the
remote MCP servers as JSON: `[{"label": "docs", "url": "https://...", "approval": "always"}]`.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from typing import Any, Literal

from assistant.app.local_format import invalid
from assistant.app.settings import Preferences
from assistant.app.tool_use.host_services import QtHostServices
from assistant.app.tool_use.local_servers import LocalServers
from assistant.app.tool_use.tool_calls import SessionSource, Spawner, ToolCalls
from assistant.config import DEMO_MCP_URL, mcp_config_path
from assistant.store.history import History
from assistant.tools.builtin import builtin_tools
from assistant.tools.consent import Grant, grants_text, parse_grants
from assistant.translatable import QT_TRANSLATE_NOOP

__all__ = [
    "DEMO_MCP_URL",
    "Grant",
    "McpServer",
    "grants_text",
    "names",
    "parse_grants",
    "parse_servers",
    "switched",
    "tool_stack",
]
Approval = Literal["always", "never"]
_LABEL = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def names(text: str) -> set[str]:
    return {name.strip() for name in text.split(",") if name.strip()}


def names_text(values: set[str]) -> str:
    return ",".join(sorted(values))


def switched(disabled: str, owned: set[str], off: set[str]) -> str:
    """`disabled` (the settings' text) with the switches of the tools one page owns set to
    `off`; the other pages' entries are kept (the built-ins and each MCP server's tools share
    one list)."""
    return names_text((names(disabled) - owned) | (off & owned))


@dataclass(frozen=True)
class McpServer:
    label: str
    url: str
    approval: Approval = "always"

    def to_wire(self, token: str | None = None) -> dict[str, Any]:
        wire: dict[str, Any] = {"type": "mcp", "server_label": self.label,
                                "server_url": self.url, "require_approval": self.approval}
        if token:
            wire["headers"] = {"Authorization": f"Bearer {token}"}
        return wire


def token_account(label: str) -> str:
    """Where an MCP server's token is kept in the keyring (never in the settings file)."""
    return f"mcp:{label}"


def parse_servers(text: str) -> list[McpServer]:
    """The servers in `text`; ValueError names the first problem."""
    if not text.strip():
        return []
    try:
        raw = json.loads(text)
    except ValueError as exc:
        raise invalid(QT_TRANSLATE_NOOP(
            "Settings", "The MCP servers are not valid JSON: {why}"), why=exc) from None
    if not isinstance(raw, list):
        raise invalid(QT_TRANSLATE_NOOP(
            "Settings", "The MCP servers must be a list."))
    servers: list[McpServer] = []
    for entry in raw:
        if not isinstance(entry, dict):
            raise invalid(QT_TRANSLATE_NOOP(
                "Settings", "Each MCP server needs a label and an https address."))
        label, url = str(entry.get("label", "")), str(entry.get("url", ""))
        approval = entry.get("approval", "always")
        if not _LABEL.match(label):
            raise invalid(QT_TRANSLATE_NOOP(
                "Settings", "MCP server label '{label}': letters, digits, - and _ only."),
                label=label)
        if not url.startswith(("https://", "http://")):
            raise invalid(QT_TRANSLATE_NOOP(
                "Settings", "MCP server {label}: the address must start with https://."),
                label=label)
        if approval not in ("always", "never"):
            raise invalid(QT_TRANSLATE_NOOP(
                "Settings", "MCP server {label}: approval is 'always' or 'never'."), label=label)
        if any(s.label == label for s in servers):
            raise invalid(QT_TRANSLATE_NOOP(
                "Settings", "MCP server label '{label}' is used twice."), label=label)
        servers.append(McpServer(label, url, approval))
    return servers


def servers_text(servers: list[McpServer]) -> str:
    return json.dumps([asdict(s) for s in servers]) if servers else ""


def usable_servers(text: str) -> list[McpServer]:
    """What a stored value declares; a damaged one declares none (the dialog says why)."""
    try:
        return parse_servers(text)
    except ValueError:
        return []


class SettingsPolicy:
    """The tool policy as the settings hold it (a `ToolPolicy`)."""

    def __init__(self, prefs: Preferences) -> None:
        self.prefs = prefs

    def granted(self) -> frozenset[Grant]:
        return parse_grants(self.prefs.current.tool_grants)

    def grant(self, given: Grant) -> None:
        current = self.prefs.current
        current.tool_grants = grants_text(parse_grants(current.tool_grants) | {given})
        self.prefs.save()

    def disabled(self) -> set[str]:
        return names(self.prefs.current.disabled_tools)

    def remote(self, tokens: dict[str, str]) -> list[dict[str, Any]]:
        return [server.to_wire(tokens.get(server.label))
                for server in usable_servers(self.prefs.current.mcp_servers)]


def tool_stack(prefs: Preferences, host: QtHostServices, history: History,
               sessions: SessionSource, tasks: Spawner) -> tuple[ToolCalls, LocalServers]:
    """The tool calls, and the user's own MCP servers whose tools they also run."""
    def search(query: str, limit: int) -> list[dict[str, Any]]:
        return host.call_on_gui_thread(lambda: history.search_messages(query, limit))

    calls = ToolCalls(builtin_tools(host, search), sessions, tasks, SettingsPolicy(prefs))
    local = LocalServers(calls.registry, mcp_config_path(), calls.declare_again)
    local.notice.connect(calls.notice)
    return calls, local
