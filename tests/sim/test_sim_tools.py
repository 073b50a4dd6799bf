"""The embedded server's tools, driven by a raw WebSocket client: several function calls in one
response, and the remote MCP server it emulates (listing, approval, calls, tokens). Every event
it sends is checked against the openai package's models; every event sent is too."""

from __future__ import annotations

import json

from assistant.sim import mcp
from tests import oracle
from tests.sim.test_sim_protocol import raw_client


async def configure(client, tools: list[dict]) -> None:
    event = {"type": "session.update", "session": {"type": "realtime", "tools": tools,
                                                    "output_modalities": ["text"]}}
    oracle.validate(event, "client")
    await client.send(event)
    await client.next("session.updated")


async def ask(client, text: str) -> None:
    for event in ({"type": "conversation.item.create", "item": {
            "type": "message", "role": "user", "content": [{"type": "input_text", "text": text}]}},
            {"type": "response.create"}):
        oracle.validate(event, "client")
        await client.send(event)


def demo(url: str = mcp.DEMO_URL, **extra) -> dict:
    return {"type": "mcp", "server_label": "demo", "server_url": url, **extra}


async def test_two_function_calls_in_one_response_each_with_its_index(sim):
    client = await raw_client(sim.url)
    clock = {"type": "function", "name": "clock", "description": "time", "parameters": {}}
    await configure(client, [clock])
    await ask(client, 'call clock {"tz": "UTC"} and then call clock {oops')
    first = await client.next("response.function_call_arguments.done")
    second = await client.next("response.function_call_arguments.done")
    done = (await client.next("response.done"))["response"]
    assert (first["output_index"], second["output_index"]) == (0, 1)
    assert json.loads(first["arguments"]) == {"tz": "UTC"} and second["arguments"] == "{oops"
    assert [o["type"] for o in done["output"]] == ["function_call", "function_call"]


async def test_an_mcp_server_is_listed_or_fails_and_a_token_opens_the_private_one(sim):
    client = await raw_client(sim.url)
    await configure(client, [demo(), {**demo(mcp.PRIVATE_URL), "server_label": "locked"}])
    listed = (await client.next("conversation.item.done"))["item"]
    assert listed["type"] == "mcp_list_tools" and listed["server_label"] == "demo"
    assert [t["name"] for t in listed["tools"]] == ["add", "save_note"]
    await client.next("mcp_list_tools.failed")
    token = {"Authorization": f"Bearer {mcp.PRIVATE_TOKEN}"}
    await configure(client, [demo(), {**demo(mcp.PRIVATE_URL, headers=token),
                                      "server_label": "locked"}])
    listed = (await client.next("conversation.item.done"))["item"]
    assert listed["server_label"] == "locked" and listed["tools"]


async def test_an_approval_allowed_runs_the_call_and_one_denied_does_not(sim):
    client = await raw_client(sim.url)
    await configure(client, [demo(require_approval="always")])
    await client.next("mcp_list_tools.completed")
    await ask(client, 'call add {"a": 2, "b": 40}')
    request = (await client.next("response.output_item.done"))["item"]
    assert request["type"] == "mcp_approval_request" and request["name"] == "add"
    await client.next("response.done")
    answer = {"type": "conversation.item.create", "item": {
        "type": "mcp_approval_response", "id": "mcpr_ok", "approval_request_id": request["id"],
        "approve": True}}
    oracle.validate(answer, "client")
    await client.send(answer)
    await client.send({"type": "response.create"})
    call = (await client.next("response.mcp_call.completed"))
    item = (await client.next("response.output_item.done"))["item"]
    assert item["id"] == call["item_id"] and item["output"] == "42"
    assert item["approval_request_id"] == request["id"]
    text = (await client.next("response.output_text.done"))["text"]
    assert text == "The add tool on demo returned 42."
    await client.next("response.done")

    await ask(client, 'call save_note {"text": "x"}')
    request = (await client.next("response.output_item.done"))["item"]
    await client.next("response.done")
    await client.send({"type": "conversation.item.create", "item": {
        "type": "mcp_approval_response", "id": "mcpr_no", "approval_request_id": request["id"],
        "approve": False, "reason": "the user declined"}})
    await client.send({"type": "response.create"})
    done = (await client.next("response.done"))["response"]
    assert [o["type"] for o in done["output"]] == ["message"]
    assert "You declined, so I did not run save_note on demo." in json.dumps(done)


async def test_approval_filters_and_an_answer_to_nothing(sim):
    client = await raw_client(sim.url)
    await configure(client, [demo(require_approval={"never": {"read_only": True}})])
    await client.next("mcp_list_tools.completed")
    await ask(client, 'call add {"a": 1, "b": 2}')                  # read-only: runs at once
    assert (await client.next("response.output_item.done"))["item"]["type"] == "mcp_call"
    await client.next("response.done")
    await ask(client, 'call save_note {"text": "y"}')               # not read-only: asks
    assert (await client.next("response.output_item.done"))["item"]["type"] == \
        "mcp_approval_request"
    await client.next("response.done")
    await client.send({"type": "conversation.item.create", "event_id": "e9", "item": {
        "type": "mcp_approval_response", "id": "mcpr_x", "approval_request_id": "nope",
        "approve": True}})
    error = (await client.next("error"))["error"]
    assert error["event_id"] == "e9" and error["param"] == "item.approval_request_id"


def test_needs_approval_follows_the_rules():
    assert mcp.needs_approval({}, "add")                                  # the default
    assert not mcp.needs_approval({"require_approval": "never"}, "save_note")
    rule = {"require_approval": {"never": {"tool_names": ["save_note"]},
                                 "always": {"read_only": True}}}
    assert not mcp.needs_approval(rule, "save_note") and mcp.needs_approval(rule, "add")
