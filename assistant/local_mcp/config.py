"""`mcp.json`: the user's own MCP servers, in the format Claude Desktop, Cursor and VS Code share.

    {"mcpServers": {"notes": {"command": "uvx", "args": ["notes-mcp"], "env": {"TOKEN":
     "${keyring:notes-token}"}, "autoApprove": ["search"]},
                    "calendar": {"url": "http://127.0.0.1:8931/mcp", "disabled": true}}}

A server with `command` runs as a child over stdio; one with `url` is reached over Streamable
HTTP (`headers` sent with each request). A value `${keyring:NAME}` in `env` or `headers` is read
from the system keyring, so the file need not hold the secret. Every problem is reported with the
line it is on, and a server with a problem is left out while the others are used.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

DEFAULT_DEADLINE_S = 60.0
DEFAULT_OUTPUT_CHARS = 20_000
_SECRET = re.compile(r"\$\{keyring:([^}]+)\}")
_KNOWN = {"command", "args", "env", "cwd", "url", "headers", "disabled", "autoApprove", "type",
          "timeout", "maxOutputChars"}


@dataclass(frozen=True)
class ServerSpec:
    name: str
    kind: Literal["stdio", "http"]
    command: str = ""
    args: tuple[str, ...] = ()
    env: dict[str, str] = field(default_factory=dict)
    cwd: str | None = None
    url: str = ""
    headers: dict[str, str] = field(default_factory=dict)
    disabled: bool = False
    auto_approve: frozenset[str] = frozenset()
    deadline_s: float = DEFAULT_DEADLINE_S
    max_output_chars: int = DEFAULT_OUTPUT_CHARS

    def with_secrets(self, lookup: Callable[[str], str | None]) -> ServerSpec:
        """`${keyring:NAME}` replaced by the keyring's value; KeyError names a missing one."""
        def fill(values: dict[str, str]) -> dict[str, str]:
            return {key: _SECRET.sub(lambda m: _secret(lookup, m.group(1)), value)
                    for key, value in values.items()}
        return replace(self, env=fill(self.env), headers=fill(self.headers))


def _secret(lookup: Callable[[str], str | None], name: str) -> str:
    value = lookup(name)
    if value is None:
        raise KeyError(name)
    return value


@dataclass(frozen=True)
class McpConfig:
    servers: tuple[ServerSpec, ...] = ()
    problems: tuple[str, ...] = ()          # "line N: why", one per problem

    @property
    def enabled(self) -> list[ServerSpec]:
        return [server for server in self.servers if not server.disabled]


def load(path: Path) -> McpConfig:
    """The file's servers; a missing file is an empty one, an unreadable one a problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return McpConfig()
    except (OSError, UnicodeDecodeError) as exc:
        return McpConfig(problems=(f"{path} could not be read: {exc}",))
    return parse(text)


def parse(text: str) -> McpConfig:
    if not text.strip():
        return McpConfig()
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        return McpConfig(problems=(f"line {exc.lineno}: not valid JSON: {exc.msg}",))
    except RecursionError:
        return McpConfig(problems=("line 1: nested too deeply",))
    servers = raw.get("mcpServers") if isinstance(raw, dict) else None
    if not isinstance(servers, dict):
        return McpConfig(problems=('line 1: the file needs an object "mcpServers" '
                                   "naming each server",))
    found, problems = [], []
    for name, entry in servers.items():
        try:
            found.append(_server(str(name), entry))
        except ValueError as exc:
            problems.append(f"line {_line_of(text, name)}: server {name!r}: {exc}")
    return McpConfig(tuple(found), tuple(problems))


def _line_of(text: str, name: str) -> int:
    """Where `"name":` first appears as a key after "mcpServers" (the parser keeps no
    positions, and a server's name is what the user looks for)."""
    start = max(text.find('"mcpServers"'), 0)
    at = text.find(json.dumps(name), start)
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def _server(name: str, entry: Any) -> ServerSpec:
    if not isinstance(entry, dict):
        raise ValueError("must be an object with a command or a url")
    unknown = sorted(set(entry) - _KNOWN)
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(unknown)}")
    if not name.strip():
        raise ValueError("the name is empty")
    common = ServerSpec(name, "stdio", disabled=_bool(entry, "disabled"),
                        auto_approve=frozenset(_strings(entry, "autoApprove")),
                        deadline_s=_number(entry, "timeout", DEFAULT_DEADLINE_S),
                        max_output_chars=int(_number(entry, "maxOutputChars",
                                                     DEFAULT_OUTPUT_CHARS)))
    if "command" in entry and "url" in entry:
        raise ValueError("has both a command and a url; it needs one")
    if "command" in entry:
        command = entry["command"]
        if not isinstance(command, str) or not command.strip():
            raise ValueError("command must be a non-empty string")
        cwd = entry.get("cwd")
        if cwd is not None and not isinstance(cwd, str):
            raise ValueError("cwd must be a string")
        return replace(common, command=command, args=tuple(_strings(entry, "args")),
                       env=_mapping(entry, "env"), cwd=cwd)
    if "url" in entry:
        url = entry["url"]
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise ValueError("url must start with http:// or https://")
        return replace(common, kind="http", url=url, headers=_mapping(entry, "headers"))
    raise ValueError("needs a command (stdio) or a url (Streamable HTTP)")


def _bool(entry: dict[str, Any], key: str) -> bool:
    value = entry.get(key, False)
    if not isinstance(value, bool):
        raise ValueError(f"{key} must be true or false")
    return value


def _number(entry: dict[str, Any], key: str, default: float) -> float:
    value = entry.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ValueError(f"{key} must be a positive number")
    return float(value)


def _strings(entry: dict[str, Any], key: str) -> list[str]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{key} must be a list of strings")
    return value


def _mapping(entry: dict[str, Any], key: str) -> dict[str, str]:
    value = entry.get(key, {})
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise ValueError(f"{key} must be an object of strings")
    return {str(k): v for k, v in value.items()}
