"""Servers taken over from another app's configuration: Claude Desktop, Cursor, VS Code.

Claude Desktop and Cursor write `{"mcpServers": {...}}` as we do; VS Code writes `{"servers":
{...}}` with a `type` per server and `${input:...}` prompts we cannot answer (such a server is
imported and left for the user to fill in). Every imported server starts disabled: another app's
servers run on this one's say only when the user turns them on. Names already in our file are
kept as they are.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from assistant.private_files import private_folder, write_private

SOURCES = ("Claude Desktop", "Cursor", "VS Code")


def candidates(source: str, home: Path | None = None) -> list[Path]:
    """Where `source` keeps its servers on this system, most likely first."""
    home = home or Path.home()
    if sys.platform == "darwin":
        support = home / "Library" / "Application Support"
    elif sys.platform == "win32":
        support = home / "AppData" / "Roaming"
    else:
        support = home / ".config"
    return {"Claude Desktop": [support / "Claude" / "claude_desktop_config.json"],
            "Cursor": [home / ".cursor" / "mcp.json"],
            "VS Code": [support / "Code" / "User" / "mcp.json",
                        support / "Code" / "User" / "settings.json"]}[source]


def servers_in(text: str) -> dict[str, dict[str, Any]]:
    """The server entries of another app's file; ValueError says why there are none."""
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise ValueError(f"not valid JSON ({exc})") from None
    if isinstance(raw, dict) and isinstance(raw.get("mcp"), dict):    # VS Code settings.json
        raw = raw["mcp"]
    found = raw.get("mcpServers", raw.get("servers")) if isinstance(raw, dict) else None
    if not isinstance(found, dict):
        raise ValueError("it names no MCP servers")
    return {str(name): _ours(entry) for name, entry in found.items() if isinstance(entry, dict)}


def _ours(entry: dict[str, Any]) -> dict[str, Any]:
    keep = ("command", "args", "env", "cwd", "url", "headers", "autoApprove")
    return {key: entry[key] for key in keep if key in entry} | {"disabled": True}


def merged(ours: str, theirs: dict[str, dict[str, Any]]) -> tuple[str, list[str]]:
    """Our file's text with their servers added (ours win on a name), and the names added."""
    try:
        current = json.loads(ours) if ours.strip() else {}
    except (ValueError, RecursionError):
        current = None
    if not isinstance(current, dict):
        raise ValueError("our mcp.json is not a JSON object; fix it first")
    servers = current.setdefault("mcpServers", {})
    if not isinstance(servers, dict):
        raise ValueError('"mcpServers" in our mcp.json is not an object; fix it first')
    added = [name for name in theirs if name not in servers]
    servers.update({name: theirs[name] for name in added})
    return json.dumps(current, indent=2) + "\n", added


def import_from(source: str, target: Path, home: Path | None = None) -> list[str]:
    """The servers of `source` added to `target`; ValueError says why nothing was added."""
    found = next((path for path in candidates(source, home) if path.is_file()), None)
    if found is None:
        raise ValueError(f"no {source} configuration was found")
    try:
        theirs = servers_in(found.read_text(encoding="utf-8"))
        ours = target.read_text(encoding="utf-8") if target.exists() else ""
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"{found} could not be read: {exc}") from None
    except ValueError as exc:
        raise ValueError(f"{found}: {exc}") from None
    text, added = merged(ours, theirs)
    if added:
        private_folder(target.parent)
        write_private(target, text)       # env and headers may hold secrets
    return added


def set_disabled(target: Path, name: str, disabled: bool) -> None:
    """Turn one server of our file on or off; ValueError when the file cannot be changed."""
    try:
        current = json.loads(target.read_text(encoding="utf-8"))
        entry = current["mcpServers"][name]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{target} could not be changed: {exc}") from None
    if not isinstance(entry, dict):
        raise ValueError(f"server {name!r} in {target} is not an object")
    entry["disabled"] = disabled
    write_private(target, json.dumps(current, indent=2) + "\n")
