"""Whatever tool events the network sends, the handlers and the real ToolCalls neither raise nor
run anything they should not: malformed items change nothing harmful."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant.app.conversation.handlers import HANDLERS
from assistant.app.tool_use.tool_calls import ToolCalls
from assistant.tools.builtin import builtin_tools
from tests.app.conversation.test_handlers import Recorder

_TYPES = ["response.output_item.added", "response.output_item.done", "conversation.item.added",
          "conversation.item.done", "mcp_list_tools.failed", "response.done"]
_json = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=12),
                     lambda inner: st.lists(inner, max_size=3)
                     | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=12)
_item_types = st.sampled_from(["function_call", "mcp_call", "mcp_list_tools",
                               "mcp_approval_request", "message", 7])
_items = st.fixed_dictionaries({"type": _item_types}, optional={
    "id": _json, "call_id": _json, "name": _json, "arguments": _json, "server_label": _json,
    "tools": _json, "output": _json, "error": _json, "status": _json, "role": _json,
    "content": _json})
_events = st.fixed_dictionaries({"type": st.sampled_from(_TYPES)}, optional={
    "item": _items | _json, "response_id": _json, "item_id": _json, "response": _json})


class ToolsRecorder(Recorder):
    """The handlers' fake controller, with the app's real ToolCalls behind `tools`."""

    def __init__(self) -> None:
        super().__init__()
        self.spawned: list[str] = []

        def spawn(coro):
            self.spawned.append(coro.__qualname__)
            coro.close()                       # not run: what matters is what was started
        nothing_allowed = SimpleNamespace(granted=frozenset, grant=lambda _g: None,
                                          disabled=set, remote=lambda _t: [])
        self._tools = ToolCalls(builtin_tools(None), SimpleNamespace(session=None),
                                SimpleNamespace(spawn=spawn), nothing_allowed)

    @property
    def tools(self):
        return self._tools


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_events, max_size=8))
def test_arbitrary_tool_events_never_escape(qapp, events):
    recorder = ToolsRecorder()
    for event in events:
        HANDLERS.handler(event["type"])(recorder, event)
    calls = [e["item"] for e in events if e["type"] == "response.output_item.done"
             and isinstance(e.get("item"), dict) and e["item"].get("type") == "function_call"
             and isinstance(e["item"].get("call_id"), str)
             and isinstance(e["item"].get("name"), str)
             and e["item"].get("status") != "incomplete"]
    assert recorder.spawned.count("ToolCalls._run") == len(calls)
