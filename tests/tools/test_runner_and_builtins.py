"""The tool layer on its own: every way a call can go wrong becomes an error output the model
reads, and the built-in tools refuse what they must."""

from __future__ import annotations

import datetime as dt
import json
import threading

import pytest

from assistant.tools.builtin import builtin_tools, checked_url, current_time
from assistant.tools.registry import Tool, ToolError
from assistant.tools.runner import run_tool

ECHO = Tool("echo", "Echo a word.", lambda a: {"word": a["word"]},
            {"type": "object", "properties": {"word": {"type": "string"}}, "required": ["word"]})


def error_of(output: str) -> str:
    return json.loads(output)["error"]


async def test_a_good_call_returns_the_tools_json_and_its_duration():
    result = await run_tool(ECHO, "echo", '{"word": "hi"}')
    assert not result.failed and json.loads(result.output) == {"word": "hi"}
    assert 0 <= result.seconds < 5


@pytest.mark.parametrize(("raw", "expected"), [
    ("{oops", "not valid JSON"),
    ("[1, 2]", "must be a JSON object"),
    ('{"word": 5}', "invalid arguments at word: 5 is not of type 'string'"),
    ("{}", "'word' is a required property"),
])
async def test_bad_arguments_become_an_error_output(raw, expected):
    result = await run_tool(ECHO, "echo", raw)
    assert result.failed and expected in error_of(result.output)


async def test_unknown_tool_exception_and_timeout_become_error_outputs():
    unknown = await run_tool(None, "fly", "{}")
    assert "no tool named 'fly'" in error_of(unknown.output)

    def boom(_a: dict) -> str:
        raise RuntimeError("the disk is on fire")
    broken = await run_tool(Tool("boom", "", boom), "boom", "{}")
    assert broken.failed and "boom failed: the disk is on fire" in error_of(broken.output)

    release = threading.Event()
    hanging = Tool("hang", "", lambda _a: str(release.wait(30)), timeout_s=0.2)
    try:
        late = await run_tool(hanging, "hang", "{}")
    finally:
        release.set()
    assert late.failed and "did not finish within 0.2 s" in error_of(late.output)
    assert late.seconds >= 0.2


def test_current_time_names_its_zone_and_refuses_an_unknown_one():
    tokyo = current_time({"timezone": "Asia/Tokyo"})
    assert tokyo["timezone"] == "Asia/Tokyo" and tokyo["utc_offset"] == "+0900"
    assert dt.datetime.fromisoformat(tokyo["datetime"]).year == dt.datetime.now().year
    local = current_time({})
    assert local["weekday"] == dt.datetime.now().astimezone().strftime("%A")
    with pytest.raises(ToolError, match="unknown time zone"):
        current_time({"timezone": "Mars/Olympus_Mons"})


@pytest.mark.parametrize("url", ["file:///etc/passwd", "javascript:alert(1)", "https://",
                                 "ftp://example.com/x", "mailto:a@b.c"])
def test_only_http_and_https_addresses_open(url):
    with pytest.raises(ToolError, match="only http and https"):
        checked_url(url)
    assert checked_url(" https://example.com/a?b=1 ") == "https://example.com/a?b=1"


class Desk:
    def __init__(self) -> None:
        self.opened: list[str] = []
        self.clipboard = ""
        self.timers: list[tuple[int, str]] = []
        self.screen = ""

    def open_url(self, url: str) -> bool:
        self.opened.append(url)
        return True

    def copy(self, text: str) -> None:
        self.clipboard = text

    def paste(self) -> str:
        return self.clipboard

    def start_timer(self, seconds: int, label: str) -> None:
        self.timers.append((seconds, label))

    def look_at_screen(self) -> str:
        if not self.screen:
            raise ToolError("nothing to see")
        return self.screen


async def test_builtins_declare_their_schemas_and_act_only_through_the_desktop():
    desk = Desk()
    registry = builtin_tools(desk, lambda q, n: [{"text": f"{q}:{n}"}])
    asks = {t.name for t in registry.all() if t.side_effects}
    assert asks == {"open_url", "copy_to_clipboard", "read_clipboard", "search_history",
                    "look_at_screen"}                  # what reads private data asks first
    for tool in registry.all():
        wire = tool.to_wire()
        assert wire["type"] == "function" and wire["parameters"]["type"] == "object"
    refused = await run_tool(registry.get("open_url"), "open_url", '{"url": "file:///etc"}')
    assert refused.failed and desk.opened == []
    await run_tool(registry.get("copy_to_clipboard"), "copy_to_clipboard", '{"text": "hi"}')
    pasted = await run_tool(registry.get("read_clipboard"), "read_clipboard", "{}")
    assert json.loads(pasted.output)["text"] == "hi"
    timer = await run_tool(registry.get("set_timer"), "set_timer", '{"seconds": 0}')
    assert timer.failed and desk.timers == []           # below the schema's minimum
    found = await run_tool(registry.get("search_history"), "search_history",
                           '{"query": "tea", "limit": 3}')
    assert json.loads(found.output) == {"matches": [{"text": "tea:3"}]}
    blind = await run_tool(registry.get("look_at_screen"), "look_at_screen", "{}")
    assert blind.failed and "nothing to see" in blind.output
    desk.screen = "the screen: a 1024 × 768 picture"
    seen = await run_tool(registry.get("look_at_screen"), "look_at_screen", "{}")
    assert json.loads(seen.output) == {"shown": desk.screen}


async def test_a_value_that_is_not_json_is_the_tools_error_not_a_crash():
    odd = await run_tool(Tool("odd", "", lambda _a: {"when": object()}), "odd", "{}")
    assert odd.failed and "odd failed" in error_of(odd.output)
