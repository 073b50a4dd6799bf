"""mcp.json read as the user wrote it (problems said by line), other apps' files imported, and
tools shaped for the Realtime API."""

from __future__ import annotations

import json
import re

import jsonschema

from assistant.local_mcp import imports
from assistant.local_mcp.config import ServerSpec, load, parse
from assistant.local_mcp.wire import MAX_NAME, capped, parameters, result_text, wire_name

GOOD = """{
  "mcpServers": {
    "notes": {"command": "uvx", "args": ["notes-mcp"], "env": {"T": "${keyring:tok}"},
              "autoApprove": ["search"], "timeout": 5},
    "web": {"url": "http://127.0.0.1:9/mcp", "headers": {"Authorization": "Bearer x"},
            "disabled": true}
  }
}"""


def test_a_good_file_gives_stdio_and_http_servers():
    config = parse(GOOD)
    assert config.problems == ()
    notes, web = config.servers
    assert (notes.kind, notes.command, notes.args, notes.deadline_s) == \
        ("stdio", "uvx", ("notes-mcp",), 5.0)
    assert notes.auto_approve == {"search"}
    assert (web.kind, web.url, web.disabled) == ("http", "http://127.0.0.1:9/mcp", True)
    assert [s.name for s in config.enabled] == ["notes"]
    assert notes.with_secrets({"tok": "v"}.get).env == {"T": "v"}


def test_problems_are_said_by_line_and_the_good_servers_kept():
    text = """{
  "mcpServers": {
    "ok": {"command": "run-me"},
    "nothing": {},
    "both": {"command": "a", "url": "http://x"},
    "typo": {"comand": "a"},
    "badargs": {"command": "a", "args": "not a list"},
    "badurl": {"url": "ftp://x"}
  }
}"""
    config = parse(text)
    assert [s.name for s in config.servers] == ["ok"]
    assert config.problems == (
        "line 4: server 'nothing': needs a command (stdio) or a url (Streamable HTTP)",
        "line 5: server 'both': has both a command and a url; it needs one",
        "line 6: server 'typo': unknown field(s) comand",
        "line 7: server 'badargs': args must be a list of strings",
        "line 8: server 'badurl': url must start with http:// or https://")


def test_broken_json_and_a_wrong_shape_are_said(tmp_path):
    assert parse('{\n  "mcpServers": {\n    "a": {,}\n}').problems[0].startswith(
        "line 3: not valid JSON")
    assert "mcpServers" in parse('{"servers": {}}').problems[0]
    assert load(tmp_path / "absent.json").servers == ()
    (tmp_path / "bin.json").write_bytes(b"\xff\xfe\x00")
    assert "could not be read" in load(tmp_path / "bin.json").problems[0]


def test_import_from_claude_desktop_adds_servers_turned_off(tmp_path):
    home = tmp_path / "home"
    [claude] = imports.candidates("Claude Desktop", home)
    claude.parent.mkdir(parents=True)
    claude.write_text(json.dumps({"mcpServers": {
        "filesystem": {"command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem",
                                                  "/home/me"]},
        "notes": {"command": "theirs"}}, "globalShortcut": "Ctrl+Space"}))
    ours = tmp_path / "config" / "mcp.json"
    ours.parent.mkdir()
    ours.write_text(json.dumps({"mcpServers": {"notes": {"command": "mine"}}}))
    assert imports.import_from("Claude Desktop", ours, home) == ["filesystem"]
    config = load(ours)
    assert config.problems == ()
    by_name = {s.name: s for s in config.servers}
    assert by_name["notes"].command == "mine"                  # ours is kept
    assert by_name["filesystem"].disabled and by_name["filesystem"].command == "npx"
    imports.set_disabled(ours, "filesystem", False)
    assert [s.name for s in load(ours).enabled] == ["notes", "filesystem"]


def test_import_from_vs_code_and_nothing_to_import(tmp_path):
    home = tmp_path / "home"
    vscode = imports.candidates("VS Code", home)[0]
    vscode.parent.mkdir(parents=True)
    vscode.write_text(json.dumps({"servers": {"gh": {"type": "http",
                                                     "url": "https://api.example/mcp"}}}))
    ours = tmp_path / "mcp.json"
    assert imports.import_from("VS Code", ours, home) == ["gh"]
    assert (ours.stat().st_mode & 0o777) == 0o600          # made by us: its owner's alone
    assert load(ours).servers[0].kind == "http"
    try:
        imports.import_from("Cursor", ours, home)
    except ValueError as exc:
        assert "no Cursor configuration" in str(exc)
    else:
        raise AssertionError("nothing to import must say so")


def test_wire_names_fit_the_api_and_never_meet():
    assert wire_name("notes", "search") == "notes__search"
    odd = wire_name("my notes", "look.up")
    long_a, long_b = (wire_name("s" * 40, "t" * 40 + x) for x in "ab")
    for name in (odd, long_a, long_b):
        assert re.fullmatch(r"[A-Za-z0-9_-]{1,64}", name) and len(name) <= MAX_NAME
    assert long_a != long_b and odd != wire_name("my_notes", "look_up")


def test_schemas_are_adapted_and_still_check_arguments():
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "x",
              "type": "object", "properties": {"when": {"$ref": "#/$defs/Day"}},
              "required": ["when"], "$defs": {"Day": {"type": "string", "enum": ["mon", "tue"]}}}
    adapted = parameters(schema)
    assert adapted == {"type": "object", "required": ["when"],
                       "properties": {"when": {"type": "string", "enum": ["mon", "tue"]}}}
    jsonschema.validate({"when": "mon"}, adapted)
    assert parameters(None) == {"type": "object", "properties": {}}
    assert parameters({"anyOf": [{}]})["properties"] == {}


def test_results_read_as_text_with_structured_content_and_a_cut_note():
    class Text:
        type, text = "text", "hello"
    assert result_text([Text()], {"result": "hello"}, 100) == "hello"
    assert result_text([Text()], {"n": 3}, 100) == 'hello\n{"n": 3}'
    assert result_text([], None, 100) == "(no output)"
    assert capped("abcdef", 3) == ("abc\n[cut: the tool returned 6 characters; only the first "
                                   "3 are shown]")


def test_a_spec_is_frozen_and_its_secrets_are_filled_only_on_demand():
    spec = ServerSpec("n", "http", url="http://x", headers={"A": "Bearer ${keyring:k}"})
    assert spec.with_secrets(lambda _: "t").headers == {"A": "Bearer t"}
    assert spec.headers == {"A": "Bearer ${keyring:k}"}
