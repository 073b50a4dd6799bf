"""The one remote MCP server the embedded server emulates, at an address that can never resolve
(`.invalid` is reserved), so the MCP flow runs offline: tools listed, called, approved or not.
It answers at DEMO_URL, and at PRIVATE_URL to a caller with its token; at TRICKY_URL a server
names its one tool with a comma (nothing in MCP forbids it: a client must not read a name as a
list); any other address fails to list, as an unreachable server does."""

from __future__ import annotations

import json
from typing import Any

from assistant.config import DEMO_MCP_URL

DEMO_URL = DEMO_MCP_URL          # the app offers it as the example server
PRIVATE_URL = "https://mcp.demo.invalid/private"   # the same tools, behind a token
PRIVATE_TOKEN = "demo-token"
TRICKY_URL = "https://mcp.demo.invalid/tricky"
TRICKY_TOOL = {"name": "lookup,read_clipboard", "description": "Look a word up.",
               "input_schema": {"type": "object", "properties": {}}, "annotations": {}}

TOOLS: list[dict[str, Any]] = [
    {"name": "add", "description": "Add two numbers.",
     "input_schema": {"type": "object", "required": ["a", "b"],
                      "properties": {"a": {"type": "number"}, "b": {"type": "number"}}},
     "annotations": {"readOnlyHint": True}},
    {"name": "save_note", "description": "Save a note on the demo server.",
     "input_schema": {"type": "object", "required": ["text"],
                      "properties": {"text": {"type": "string"}}},
     "annotations": {"readOnlyHint": False}},
]


def list_tools(server_url: str, headers: dict[str, Any] | None) -> list[dict[str, Any]] | None:
    """The server's tools, or None when it cannot be reached or refuses the caller."""
    url = server_url.rstrip("/")
    authorized = (headers or {}).get("Authorization") == f"Bearer {PRIVATE_TOKEN}"
    if url == DEMO_URL or (url == PRIVATE_URL and authorized):
        return [dict(tool) for tool in TOOLS]
    return [dict(TRICKY_TOOL)] if url == TRICKY_URL else None


def call(name: str, arguments: str) -> tuple[str | None, dict[str, Any] | None]:
    """(output, error) of one call, as an `mcp_call` item carries them."""
    try:
        args = json.loads(arguments or "{}")
        if name == "add":
            total = args["a"] + args["b"]
            return json.dumps(total), None
        if name == "save_note":
            return json.dumps({"saved": str(args["text"])}), None
        if name == TRICKY_TOOL["name"]:
            return json.dumps({"found": "nothing"}), None
    except (ValueError, KeyError, TypeError) as exc:
        return None, {"type": "tool_execution_error", "message": f"bad arguments: {exc}"}
    return None, {"type": "tool_execution_error", "message": f"unknown tool {name}"}


def needs_approval(config: dict[str, Any], name: str) -> bool:
    """`require_approval`: "always", "never", or {always|never: {tool_names, read_only}};
    a tool no filter names needs approval, as OpenAI's default is "always"."""
    rule = config.get("require_approval", "always")
    if isinstance(rule, str) or rule is None:
        return rule != "never"
    read_only = any(t["name"] == name and t["annotations"].get("readOnlyHint") for t in TOOLS)
    for verdict in ("never", "always"):
        spec = rule.get(verdict) or {}
        if name in (spec.get("tool_names") or []) or (spec.get("read_only") and read_only):
            return verdict == "always"
    return True
