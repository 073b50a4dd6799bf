"""The tools a session declares, as the reply planner sees them, and the listing of each newly
declared remote MCP server (an `mcp_list_tools` item, completed or failed)."""

from __future__ import annotations

from typing import Any

from assistant.sim import mcp
from assistant.sim.port import Conversation
from assistant.sim.replies import Item, Tools


def declared(session: dict[str, Any], listed: dict[str, list[dict[str, Any]]]) -> Tools:
    """The tools a reply may call, as tool_choice allows: none of them for "none", the one
    named for a function choice (auto and required: all)."""
    choice = session.get("tool_choice", "auto")
    tools = [] if choice == "none" else session.get("tools") or []
    if isinstance(choice, dict) and choice.get("type") == "function":
        tools = [t for t in tools if t.get("name") == choice.get("name")]
    return Tools({str(t.get("name")) for t in tools if t.get("type", "function") == "function"},
                 {t["server_label"]: (t, listed[t["server_label"]]) for t in tools
                  if t.get("type") == "mcp" and t["server_label"] in listed})


async def list_new_servers(conv: Conversation, before: list[dict[str, Any]],
                           listed: dict[str, list[dict[str, Any]]]) -> None:
    for tool in conv.session.get("tools") or []:
        if tool.get("type") != "mcp" or tool in before:
            continue
        label = tool["server_label"]
        item = Item({"id": conv.new_id("mcpl"), "type": "mcp_list_tools", "server_label": label,
                     "tools": []})
        conv.add_item(item)
        await conv.emit_item_added(item)
        await conv.emit({"type": "mcp_list_tools.in_progress", "item_id": item.data["id"]})
        tools = mcp.list_tools(str(tool.get("server_url")), tool.get("headers"))
        listed.pop(label, None)
        if tools is None:
            await conv.emit({"type": "mcp_list_tools.failed", "item_id": item.data["id"]})
            continue
        listed[label] = item.data["tools"] = tools
        await conv.emit({"type": "mcp_list_tools.completed", "item_id": item.data["id"]})
        await conv.emit({"type": "conversation.item.done", "item": item.data})
