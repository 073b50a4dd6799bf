"""Tool calls through the controller against the embedded server, where the connection and the
conversation change under a call that waits for the user."""

from __future__ import annotations

import json

import pytest

from tests.helpers import until

pytestmark = pytest.mark.qt


def received(rig, kind: str) -> list[dict]:
    return [e for d, e, _ in rig.server.wire.events if d == "in" and e["type"] == kind]


def outputs(rig) -> list[dict]:
    return [e["item"] for e in received(rig, "conversation.item.create")
            if e["item"]["type"] == "function_call_output"]


async def asked(rig) -> str:
    waiting = rig.controller.tools.waiting_for_user
    await until(lambda: waiting or rig.controller.tools.waiting_for_user, message="asked")
    return rig.controller.tools.waiting_for_user[0]


async def test_an_answer_given_after_a_drop_goes_to_the_next_session(rig):
    c = rig.controller
    c.send_text('call read_clipboard {}')
    call_id = await asked(rig)
    assert not c.keeper.owner.is_quiet()                               # no rollover while it waits
    first = rig.server.connections[0]
    first.transport.abort()                            # the network drops while it asks
    await until(lambda: c.keeper.reconnects == 1 and rig.ready, message="reconnected")
    fresh = rig.server.connections[0]
    assert fresh is not first
    c.tools.answer(call_id, allow=False)
    await until(lambda: any("The read_clipboard tool returned" in a for a in rig.answers()),
                message="the reply after the drop")
    items = [e["item"] for e in fresh.received if e["type"] == "conversation.item.create"]
    kinds = [i["type"] for i in items]
    assert kinds[-2:] == ["function_call", "function_call_output"]   # replayed, then answered
    assert items[-1]["call_id"] == call_id and "the user declined" in items[-1]["output"]
    assert [e["type"] for e in fresh.received][-1] == "response.create"


async def test_a_new_conversation_voids_a_question_still_open(rig):
    c = rig.controller
    closed: list[str] = []
    c.tools.consent_closed.connect(closed.append)
    c.send_text('call open_url {"url": "https://example.com"}')
    call_id = await asked(rig)
    c.new_conversation()
    await until(lambda: closed == [call_id], message="the question withdrawn")
    await until(lambda: rig.ready and c.keeper.session is not None
                and len(rig.server.connections) == 1, message="the new session")
    await rig.turn("hello again")
    assert outputs(rig) == []                  # nothing about the old call reached any session
    assert c.keeper.owner.is_quiet()


async def test_disabled_tools_are_not_declared_and_not_run(rig):
    c = rig.controller
    c.settings.disabled_tools = "get_current_time"
    c.tools.declare_again()
    await until(lambda: len(received(rig, "session.update")) >= 2, message="redeclared")
    names = {t["name"] for t in received(rig, "session.update")[-1]["session"]["tools"]}
    assert "get_current_time" not in names and "set_timer" in names
    # A call to it anyway (a model can call what it remembers) gets an error, not a run.
    from assistant.app.tool_use.tool_calls import ToolCall
    c.tools.function_call("resp_x", ToolCall("call_x", "get_current_time", "{}"))
    c.tools.response_finished("resp_x")
    await until(lambda: outputs(rig), message="answered")
    assert "no tool named" in json.loads(outputs(rig)[0]["output"])["error"]


async def test_a_beta_endpoint_is_not_told_of_mcp_servers_and_the_user_is(rig):
    c = rig.controller
    c.settings.mcp_servers = json.dumps([{"label": "demo", "url": "https://mcp.example.com/x",
                                          "approval": "always"}])
    c.settings.dialect = "beta"
    c.connect_()
    await until(lambda: any("need the GA protocol" in n for n in rig.notices), message="told")
    await until(lambda: rig.ready, message="connected in beta")
    beta_update = [e for d, e, dialect in rig.server.wire.events
                   if d == "in" and e["type"] == "session.update" and dialect == "beta"][-1]
    assert [t["type"] for t in beta_update["session"]["tools"]] == ["function"] * 7
    await rig.turn("call get_current_time {}")        # beta's arguments.done has no name
    assert "The get_current_time tool returned" in rig.answers()[-1]


async def test_an_mcp_approval_open_at_a_drop_is_withdrawn_not_sent_on(rig):
    from assistant.sim.mcp import DEMO_URL

    c = rig.controller
    rows: list[tuple[str, str, bool]] = []
    c.tools.finished.connect(lambda call_id, output, failed, _s: rows.append(
        (call_id, output, failed)))
    c.settings.mcp_servers = json.dumps([{"label": "demo", "url": DEMO_URL,
                                          "approval": "always"}])
    c.tools.declare_again()
    await until(lambda: any("MCP server demo offers" in n for n in rig.notices), message="listed")
    c.send_text('call add {"a": 1, "b": 2}')
    request_id = await asked(rig)
    rig.server.connections[0].transport.abort()
    await until(lambda: c.keeper.reconnects == 1 and rig.ready, message="reconnected")
    await until(lambda: rows, message="the row closed")
    assert rows == [(request_id, "the connection was lost: ask again", True)]
    assert c.tools.waiting_for_user == [] and not c.tools.busy
    fresh = rig.server.connections[0]
    await rig.turn("hello")                                  # the new session works
    assert [e["type"] for e in fresh.received].count("response.create") == 1   # only "hello"
    assert not [e for e in received(rig, "conversation.item.create")
                if e["item"]["type"] == "mcp_approval_response"]
