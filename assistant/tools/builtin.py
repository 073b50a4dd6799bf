"""The built-in tools. Each is a plain function of its arguments; the host services and the history
come in as small interfaces, so this package needs neither Qt nor the store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from assistant.tools.registry import Tool, ToolError, ToolRegistry
from assistant.translatable import QT_TRANSLATE_NOOP

MAX_CLIPBOARD_CHARS = 20_000        # what the model reads back of a long clipboard


class HostServices(Protocol):
    """What the tools that act on the computer need; the app's
    implementation hops to the GUI thread."""

    def open_url(self, url: str) -> bool: ...
    def copy(self, text: str) -> None: ...
    def paste(self) -> str: ...
    def start_timer(self, seconds: int, label: str) -> None: ...
    def look_at_screen(self) -> str: ...      # what was shown; ToolError when it could not


SearchHistory = Callable[[str, int], list[dict[str, Any]]]


def _object(properties: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": list(required),
            "additionalProperties": False}


def current_time(arguments: dict[str, Any]) -> dict[str, Any]:
    name = arguments.get("timezone")
    if name:
        try:
            now = dt.datetime.now(ZoneInfo(name))
        except (ZoneInfoNotFoundError, ValueError):
            raise ToolError(f"unknown time zone {name!r}; use an IANA name such as "
                            "'Europe/Paris'") from None
    else:
        now = dt.datetime.now().astimezone()
    return {"datetime": now.isoformat(timespec="seconds"), "weekday": now.strftime("%A"),
            "timezone": name or now.tzname() or "local",
            "utc_offset": now.strftime("%z")}


def checked_url(url: str) -> str:
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ToolError("only http and https addresses can be opened")
    return parts.geturl()


def builtin_tools(host: HostServices, search: SearchHistory | None = None) -> ToolRegistry:
    def open_url(arguments: dict[str, Any]) -> dict[str, Any]:
        url = checked_url(str(arguments["url"]))
        if not host.open_url(url):
            raise ToolError("no web browser could open it")
        return {"opened": url}

    def copy(arguments: dict[str, Any]) -> dict[str, Any]:
        host.copy(str(arguments["text"]))
        return {"copied_characters": len(arguments["text"])}

    def paste(_arguments: dict[str, Any]) -> dict[str, Any]:
        text = host.paste()
        return {"text": text[:MAX_CLIPBOARD_CHARS], "truncated": len(text) > MAX_CLIPBOARD_CHARS}

    def timer(arguments: dict[str, Any]) -> dict[str, Any]:
        seconds, label = int(arguments["seconds"]), str(arguments.get("label") or "Timer")
        host.start_timer(seconds, label)
        ends = dt.datetime.now().astimezone() + dt.timedelta(seconds=seconds)
        return {"label": label, "ends_at": ends.isoformat(timespec="seconds")}

    def look(_arguments: dict[str, Any]) -> dict[str, Any]:
        return {"shown": host.look_at_screen()}

    tools = [
        Tool("get_current_time", "The current date and time, with the time zone.", current_time,
             _object({"timezone": {"type": "string", "description":
                                   "An IANA time zone such as 'Asia/Tokyo'; the user's own "
                                   "when left out."}}),
             title=QT_TRANSLATE_NOOP("Tools", "Current date and time")),
        Tool("open_url", "Open a web page (http or https) in the user's default browser.",
             open_url, _object({"url": {"type": "string"}}, ("url",)), side_effects=True,
             title=QT_TRANSLATE_NOOP("Tools", "Open a web page")),
        Tool("copy_to_clipboard", "Put text on the user's clipboard, replacing what is there.",
             copy, _object({"text": {"type": "string"}}, ("text",)), side_effects=True,
             title=QT_TRANSLATE_NOOP("Tools", "Copy to the clipboard")),
        Tool("read_clipboard", "Read the text on the user's clipboard.", paste, _object({}),
             side_effects=True, title=QT_TRANSLATE_NOOP("Tools", "Read the clipboard")),
        Tool("look_at_screen", "See the user's screen (the one under the pointer), for when "
             "they ask about what they are looking at. The picture arrives as a user message "
             "just before the tool's result.", look, _object({}), side_effects=True,
             title=QT_TRANSLATE_NOOP("Tools", "Look at the screen")),
        Tool("set_timer", "Start a timer that notifies the user when it ends.", timer,
             _object({"seconds": {"type": "integer", "minimum": 1, "maximum": 86_400},
                      "label": {"type": "string"}}, ("seconds",)),
             title=QT_TRANSLATE_NOOP("Tools", "Timers")),
    ]
    if search is not None:
        tools.append(Tool(
            "search_history", "Search the user's saved conversations for words or a phrase.",
            lambda a: {"matches": search(str(a["query"]), int(a.get("limit") or 5))},
            _object({"query": {"type": "string"},
                     "limit": {"type": "integer", "minimum": 1, "maximum": 20}}, ("query",)),
            side_effects=True, title=QT_TRANSLATE_NOOP("Tools", "Search past conversations")))
    return ToolRegistry(tools)
