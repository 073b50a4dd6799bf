"""What the embedded server answers, and what it bills: deterministic, so tests can rely on it."""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from typing import Any

from assistant.sim import mcp

_CALL = re.compile(r"\bcall\s+([A-Za-z_][\w-]*(?:,[A-Za-z_][\w-]*)*)", re.IGNORECASE)
_ECHO_LIMIT = 200


@dataclass
class Item:
    """A conversation item as the server keeps it: its wire form and its audio length."""
    data: dict[str, Any]
    audio_ms: int = 0
    timed_out: bool = False            # committed by the idle timeout, not by speech
    pictures: list[str] = field(default_factory=list)   # what its input_image parts showed


@dataclass
class Call:
    """A tool call the reply makes; `server` set: a remote MCP server's tool, run by us."""
    name: str
    arguments: str = "{}"
    server: str = ""
    approval_request_id: str | None = None
    output: str | None = None
    error: dict[str, Any] | None = None


@dataclass
class Reply:
    text: str = ""
    calls: list[Call] = field(default_factory=list)       # function calls: the client runs them
    approvals: list[Call] = field(default_factory=list)   # MCP calls waiting for the user
    mcp_calls: list[Call] = field(default_factory=list)   # MCP calls run before the text


# The demo cannot understand speech; it says so, and its reply is long enough to talk over.
_SPOKEN_TAIL = ("This offline demo does not understand words, but it hears how long you "
                "speak, and you can talk over it at any time.")


@dataclass
class Tools:
    """What the session declares: function names, and each MCP server's config and tools."""
    functions: set[str] = field(default_factory=set)
    servers: dict[str, tuple[dict[str, Any], list[dict[str, Any]]]] = field(default_factory=dict)
    spoken: tuple[str, str] | None = None   # the call a spoken question needs: name, arguments

    def server_of(self, name: str) -> str | None:
        for label, (_config, tools) in self.servers.items():
            if any(tool["name"] == name for tool in tools):
                return label
        return None


def plan_reply(items: list[Item], tools: Tools) -> Reply:
    """The reply to the newest item that warrants one."""
    for index in range(len(items) - 1, -1, -1):
        item, data = items[index], items[index].data
        if data.get("type") == "function_call_output":
            name = _call_name(items, data.get("call_id"))
            shown = items[index - 1].pictures if index else []     # a tool that showed one
            seen = f" I see {' and '.join(shown)}." if shown else ""
            return Reply(f"The {name} tool returned: {data.get('output', '')}{seen}")
        if data.get("type") == "mcp_approval_response":
            return _after_approval(items, data)
        if data.get("type") == "message" and data.get("role") == "user":
            return _reply_to_user(item, tools)
    return Reply("Hello! This is the offline demo server. Say something or type a message.")


def _reply_to_user(item: Item, tools: Tools) -> Reply:
    texts = [part.get("text", "") for part in item.data.get("content", [])
             if part.get("type") == "input_text"]
    if item.timed_out:
        return Reply("Are you still there? Say something whenever you want to go on.")
    if item.pictures:
        said = f' You said: "{" ".join(texts).strip()[:_ECHO_LIMIT]}".' if texts else ""
        return Reply(f"I see {' and '.join(item.pictures)}.{said}")
    if not texts and tools.spoken:
        return Reply(calls=[Call(*tools.spoken)])
    if not texts:
        return Reply(f"I heard {item.audio_ms / 1000:.1f} seconds of speech. {_SPOKEN_TAIL}")
    text = " ".join(texts).strip()
    reply = Reply()
    for name, arguments in _calls(text):
        server = tools.server_of(name)
        if name in tools.functions:
            reply.calls.append(Call(name, arguments))
        elif server is not None:
            call = Call(name, arguments, server)
            if mcp.needs_approval(tools.servers[server][0], name):
                reply.approvals.append(call)
            else:
                reply.mcp_calls.append(_run_mcp(call))
    if reply.calls or reply.approvals:
        return reply
    if reply.mcp_calls:
        reply.text = _mcp_summary(reply.mcp_calls)
        return reply
    shown = text if len(text) <= _ECHO_LIMIT else text[:_ECHO_LIMIT] + "..."
    return Reply(f'You said: "{shown}".')


def _calls(text: str) -> list[tuple[str, str]]:
    """Each `call <name> {json}` in a message; arguments that do not parse are kept as written
    (a model can emit broken JSON, and clients must cope)."""
    found = []
    for match in _CALL.finditer(text):
        rest = text[match.end():].lstrip()
        arguments = "{}"
        if rest.startswith("{"):
            try:
                value, _end = json.JSONDecoder().raw_decode(rest)
                arguments = json.dumps(value)
            except ValueError:
                arguments = re.split(r"\s+call\s", rest, maxsplit=1)[0].strip()
        found.append((match.group(1), arguments))
    return found


def _after_approval(items: list[Item], answer: dict[str, Any]) -> Reply:
    request = next((i.data for i in items if i.data.get("id") == answer.get(
        "approval_request_id")), {})
    name, server = str(request.get("name")), str(request.get("server_label"))
    if not answer.get("approve"):
        return Reply(f"You declined, so I did not run {name} on {server}.")
    call = _run_mcp(Call(name, str(request.get("arguments") or "{}"), server,
                         approval_request_id=str(request.get("id"))))
    return Reply(_mcp_summary([call]), mcp_calls=[call])


def _run_mcp(call: Call) -> Call:
    call.output, call.error = mcp.call(call.name, call.arguments)
    return call


def _mcp_summary(calls: list[Call]) -> str:
    return " ".join(f"The {c.name} tool on {c.server} returned {c.output}." if c.error is None
                    else f"The {c.name} tool on {c.server} failed: {c.error['message']}."
                    for c in calls)


def _call_name(items: list[Item], call_id: Any) -> str:
    for item in items:
        if item.data.get("type") == "function_call" and item.data.get("call_id") == call_id:
            return str(item.data.get("name", "function"))
    return "function"


# ---- usage: whole context billed each turn, the earlier prefix counted as cached ------------

def text_tokens(text: str) -> int:
    return math.ceil(len(text) / 4)


def item_tokens(item: Item) -> tuple[int, int]:
    """(text tokens, audio tokens) of one item: ~4 chars a token, 10 audio tokens a second."""
    text = ""
    for part in item.data.get("content", []) or []:
        text += str(part.get("text") or part.get("transcript") or "")
    text += str(item.data.get("output", "")) + str(item.data.get("arguments", ""))
    audio = item.audio_ms // 100 if item.data.get("role") == "user" else item.audio_ms // 50
    return text_tokens(text) + 4, audio


def usage(context: list[Item], instructions: str, cached: int,
          out_text: str, out_audio_ms: int) -> dict[str, Any]:
    in_text = text_tokens(instructions)
    in_audio = 0
    for item in context:
        t, a = item_tokens(item)
        in_text, in_audio = in_text + t, in_audio + a
    input_tokens = in_text + in_audio
    cached = min(cached // 64 * 64, input_tokens)
    cached_text = min(cached, in_text)
    out_t, out_a = text_tokens(out_text), out_audio_ms // 50
    return {
        "total_tokens": input_tokens + out_t + out_a,
        "input_tokens": input_tokens, "output_tokens": out_t + out_a,
        "input_token_details": {"text_tokens": in_text, "audio_tokens": in_audio,
                                "cached_tokens": cached,
                                "cached_tokens_details": {"text_tokens": cached_text,
                                                          "audio_tokens": cached - cached_text}},
        "output_token_details": {"text_tokens": out_t, "audio_tokens": out_a},
    }
