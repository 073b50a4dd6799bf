"""The user's MCP servers as the app runs them: real children over stdio and a server over
Streamable HTTP, written with the official SDK (tests/local_mcp/server.py)."""

from __future__ import annotations

import logging
import os

import pytest

from assistant.local_mcp.config import ServerSpec
from assistant.local_mcp.state import CallFailed
from tests.local_mcp.rig import children_of, free_port, http_server, started, stdio_spec


def test_a_stdio_server_lists_its_tools_answers_and_its_stderr_reaches_our_log(caplog):
    caplog.set_level(logging.INFO, "assistant.local_mcp")
    host, watch = started(stdio_spec())
    try:
        ready = watch.wait("notes", "ready")
        assert {t.name for t in ready.tools} >= {"lookup", "sleepy", "huge", "crash", "grow"}
        lookup = next(t for t in ready.tools if t.name == "lookup")
        assert lookup.schema["properties"]["word"]["type"] == "string"
        assert host.call("notes", "lookup", {"word": "milk"}, 10) == \
            "The notes say milk is on the shopping list."
        assert host.call("notes", "picture", {}, 10) == \
            "a caption\n[image: image/png, 2 KB; the model cannot see it here]"
    finally:
        host.stop()
    assert "MCP server notes: looking up milk" in caplog.text
    assert watch.now("notes").phase == "stopped"
    assert children_of(os.getpid()) == []


def test_a_call_past_its_deadline_kills_the_server_which_comes_back():
    host, watch = started(stdio_spec(deadline_s=1.0))
    try:
        watch.wait("notes", "ready")
        first = len(watch.seen)
        with pytest.raises(CallFailed, match="did not answer within 1 s"):
            host.call("notes", "sleepy", {"seconds": 60}, 10)
        watch.wait("notes", "restarting", after=first)
        with pytest.raises(CallFailed, match="restarting"):
            host.call("notes", "lookup", {"word": "tea"}, 10)
        watch.wait("notes", "ready", after=first)
        assert "tea" in host.call("notes", "lookup", {"word": "tea"}, 10)
    finally:
        host.stop()
    assert children_of(os.getpid()) == []


def test_a_huge_output_is_cut_with_a_note_for_the_model():
    host, watch = started(stdio_spec(max_output_chars=1000))
    try:
        watch.wait("notes", "ready")
        text = host.call("notes", "huge", {"chars": 50_000}, 10)
    finally:
        host.stop()
    assert text.startswith("x" * 1000 + "\n[cut: the tool returned 50,000 characters")
    assert len(text) < 1100


def test_a_crashed_server_is_restarted_and_its_tools_are_unavailable_meanwhile(tmp_path):
    starts = tmp_path / "starts"
    host, watch = started(stdio_spec(env={"MCP_TEST_STARTS": str(starts)}))
    try:
        watch.wait("notes", "ready")
        first = len(watch.seen)
        assert host.call("notes", "crash", {}, 10) == "going down"
        down = watch.wait("notes", "restarting", after=first)
        assert "its process ended" in down.detail
        assert {t.name for t in down.tools} >= {"lookup"}     # kept, marked unavailable
        watch.wait("notes", "ready", after=first)
        assert "milk" in host.call("notes", "lookup", {"word": "milk"}, 10)
    finally:
        host.stop()
    assert len(starts.read_text().split()) == 2


def test_list_changed_updates_the_tools():
    host, watch = started(stdio_spec())
    try:
        watch.wait("notes", "ready")
        first = len(watch.seen)
        assert host.call("notes", "grow", {}, 10) == "grown"
        grown = watch.wait("notes", "ready", after=first)
        assert "fresh" in {t.name for t in grown.tools}
        assert host.call("notes", "fresh", {}, 10) == "fresh answer"
    finally:
        host.stop()


def test_a_server_that_never_starts_is_failed_with_why_and_the_rest_go_on(monkeypatch):
    from assistant.local_mcp import link

    monkeypatch.setattr(link, "BACKOFF_S", (0.1, 0.2, 0.4))
    host, watch = started(ServerSpec("broken", "stdio", command="/nonexistent/mcp-server"),
                          ServerSpec("exits", "stdio", command="/bin/sh",
                                     args=("-c", "echo no config here >&2; exit 2")),
                          stdio_spec())
    try:
        assert "was not found" in watch.wait("broken", "failed").detail
        assert "no config here" in watch.wait("exits", "failed", timeout=40).detail
        watch.wait("notes", "ready")
        assert "milk" in host.call("notes", "lookup", {"word": "milk"}, 10)
        with pytest.raises(CallFailed, match="broken is failed"):
            host.call("broken", "anything", {}, 10)
    finally:
        host.stop()


def test_a_missing_keyring_secret_fails_that_server_alone():
    spec = stdio_spec(env={"TOKEN": "${keyring:notes-token}"})
    host, watch = started(spec, secrets=lambda name: None)
    try:
        assert "no secret named 'notes-token'" in watch.wait("notes", "failed").detail
    finally:
        host.stop()
    host, watch = started(spec, secrets={"notes-token": "s3cret"}.get)
    try:
        watch.wait("notes", "ready")
    finally:
        host.stop()


def test_a_streamable_http_server_on_localhost():
    port = free_port()
    server = http_server(port)
    try:
        host, watch = started(ServerSpec("web", "http", url=f"http://127.0.0.1:{port}/mcp",
                                         headers={"X-Test": "1"}))
        try:
            assert "lookup" in {t.name for t in watch.wait("web", "ready").tools}
            assert "bread" in host.call("web", "lookup", {"word": "bread"}, 10)
        finally:
            host.stop()
    finally:
        server.kill()
        server.wait()


def test_a_server_that_never_answers_its_handshake_is_stopped_and_retried(monkeypatch):
    from assistant.local_mcp import link

    monkeypatch.setattr(link, "START_TIMEOUT_S", 0.5)
    host, watch = started(ServerSpec("mute", "stdio", command="/bin/sh",
                                     args=("-c", "exec sleep 100")))
    try:
        assert watch.wait("mute", "restarting").detail == \
            "it did not finish starting within 0.5 s"
    finally:
        host.stop()
    assert children_of(os.getpid()) == []
