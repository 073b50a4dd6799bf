"""What the user allowed for good: grants of exactly one tool, kept as structured data.

A grant names where the tool comes from (`source`: "builtin", "mcp" for a remote MCP server or
"local" for one of the user's own, run by the app),
the server (empty for built-ins) and the tool, compared whole. Tool and server names come from
the model and from servers we do not control, so no character in them may widen a grant: an MCP
tool named `lookup,read_clipboard` is granted as that one name, never as two. Grants are stored as
a JSON list of objects; anything else in the stored value is dropped, never guessed at.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

log = logging.getLogger(__name__)
Source = Literal["builtin", "mcp", "local"]
SOURCES: tuple[Source, ...] = ("builtin", "mcp", "local")


@dataclass(frozen=True, order=True)
class Grant:
    source: Source
    server: str
    tool: str

    def label(self) -> str:
        """How Settings lists it."""
        return f"{self.tool} ({self.server})" if self.server else self.tool


def grant_for(tool: str, server: str = "") -> Grant:
    """The grant a call of `tool` (on the remote MCP `server`, if any) would need."""
    return Grant("mcp" if server else "builtin", server, tool)


def parse_grants(text: str) -> frozenset[Grant]:
    """The grants in a stored value; a damaged value or entry grants nothing (and is logged)."""
    if not text.strip():
        return frozenset()
    try:
        raw = json.loads(text)
    except (ValueError, RecursionError):
        log.warning("the stored tool grants are not JSON; none are used")
        return frozenset()
    entries = raw if isinstance(raw, list) else []
    grants = {Grant(e["source"], e["server"], e["tool"]) for e in entries if _valid(e)}
    if len(grants) != len(entries):
        log.warning("%d stored tool grant(s) were not understood and are not used",
                    len(entries) - len(grants))
    return frozenset(grants)


def grants_text(grants: Iterable[Grant]) -> str:
    return json.dumps([asdict(g) for g in sorted(set(grants))]) if grants else ""


def _valid(entry: object) -> bool:
    return (isinstance(entry, dict) and set(entry) == {"source", "server", "tool"}
            and entry["source"] in SOURCES and isinstance(entry["server"], str)
            and isinstance(entry["tool"], str) and bool(entry["tool"])
            and (entry["source"] != "builtin") == bool(entry["server"]))
