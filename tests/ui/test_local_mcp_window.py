"""The user's own MCP servers through the whole window: mcp.json read at start, the server's
tools declared as SERVER__TOOL, a call asked about unless auto-approved and answered with the
server's output, the servers listed in Settings, and no child left once the app has shut down."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.helpers import until
from tests.local_mcp.rig import SERVER, children_of, free_port, http_server, running_pid
from tests.ui.tool_rig import outputs, reply_containing, say, sent


def write_config(servers: dict) -> None:
    with open(os.environ["VOICE_ASSISTANT_MCP_CONFIG"], "w") as file:
        json.dump({"mcpServers": servers}, file, indent=2)


def notes(**extra: object) -> dict:
    return {"command": sys.executable, "args": [SERVER, "stdio"], **extra}


def declared(shell) -> set[str]:
    updates = sent(shell, "session.update")
    return {t["name"] for e in updates for t in e["session"].get("tools", [])} if updates \
        else set()


async def ready(shell) -> None:
    await until(lambda: "notes__lookup" in declared(shell), 30, "notes__lookup declared")


async def test_a_call_asks_first_answers_and_settings_list_the_server(tools_app, qtbot):
    write_config({"notes": notes()})
    shell = await tools_app()
    await ready(shell)
    say(shell, qtbot, 'call notes__lookup {"word": "milk"}')
    bar = shell.window.consent
    await until(bar.isVisible, message="the permission bar")
    assert "notes__lookup" in bar.question.text()
    qtbot.mouseClick(bar.allow_button, Qt.MouseButton.LeftButton)
    await reply_containing(shell, "The notes__lookup tool returned",
                           "The notes say milk is on the shopping list.")
    [output] = outputs(shell)
    assert output["output"] == "The notes say milk is on the shopping list."
    shell.open_settings()
    page = shell.settings_dialog.local_mcp
    top = page.tree.topLevelItem(0)
    assert (top.text(0), top.text(1)) == ("notes", "ready with 6 tools")
    assert "lookup" in [top.child(i).text(0) for i in range(top.childCount())]
    shell.settings_dialog.tabs.setCurrentWidget(page)
    shell.settings_dialog.grab().save(os.path.join(os.environ.get("SHOTS", "/tmp"),
                                                   "local_mcp_settings.png"))
    assert children_of(os.getpid()) != []
    await shell.controller.local_mcp.close()
    assert children_of(os.getpid()) == []
    shell.wire.check()


async def test_an_auto_approved_tool_runs_without_asking_and_a_switch_turns_one_off(
        tools_app, qtbot):
    write_config({"notes": notes(autoApprove=["lookup"])})
    shell = await tools_app()
    await ready(shell)
    say(shell, qtbot, 'call notes__lookup {"word": "tea"}')
    await reply_containing(shell, "The notes__lookup tool returned", "tea is on the")
    assert not shell.window.consent.isVisible()
    shell.open_settings()
    dialog = shell.settings_dialog
    dialog.tabs.setCurrentWidget(dialog.local_mcp)
    tool = next(dialog.local_mcp.tree.topLevelItem(0).child(i) for i in range(6)
                if dialog.local_mcp.tree.topLevelItem(0).child(i).text(0) == "huge")
    tool.setCheckState(0, Qt.CheckState.Unchecked)
    shell.controller.apply_settings(dialog.values())
    await until(lambda: "notes__huge" not in {
        t["name"] for t in sent(shell, "session.update")[-1]["session"].get("tools", [])},
        message="notes__huge no longer declared")
    assert "notes__huge" in shell.controller.settings.disabled_tools
    assert "notes__lookup" in declared(shell)


async def test_a_bad_file_is_said_line_by_line_and_a_server_that_never_starts_too(tools_app):
    write_config({"notes": notes(), "nothing": {}, "ghost": {"command": "/nonexistent/mcp"}})
    notices: list[str] = []
    shell = await tools_app(before_connect=lambda s: s.controller.news.notice.connect(
        notices.append))
    await ready(shell)
    text = Path(os.environ["VOICE_ASSISTANT_MCP_CONFIG"]).read_text().splitlines()
    line = 1 + next(i for i, t in enumerate(text) if t.strip().startswith('"nothing"'))
    assert f"mcp.json, line {line}: server 'nothing': needs a command (stdio) or a url " \
           "(Streamable HTTP)" in notices
    await until(lambda: any("MCP server ghost could not start: the command '/nonexistent/mcp' "
                            "was not found" in n for n in notices), message="ghost's failure")
    await until(lambda: "MCP server ghost could not start" in
                shell.window.transcript.toPlainText(), message="said in the window")
    shell.open_settings()
    page = shell.settings_dialog.local_mcp
    assert f"line {line}: server 'nothing'" in page.problems.text()
    states = {page.tree.topLevelItem(i).text(0): page.tree.topLevelItem(i).text(1)
              for i in range(page.tree.topLevelItemCount())}
    assert states["ghost"].startswith("failed: the command '/nonexistent/mcp' was not found")


async def test_always_allow_keeps_exactly_that_local_tool(tools_app, qtbot):
    write_config({"notes": notes()})
    shell = await tools_app()
    await ready(shell)
    bar = shell.window.consent
    say(shell, qtbot, 'call notes__lookup {"word": "jam"}')
    await until(bar.isVisible, message="asked")
    bar.always.setChecked(True)
    qtbot.mouseClick(bar.allow_button, Qt.MouseButton.LeftButton)
    await reply_containing(shell, "jam is on the shopping list")
    assert json.loads(shell.controller.settings.tool_grants) == [
        {"source": "local", "server": "notes", "tool": "lookup"}]
    say(shell, qtbot, 'call notes__lookup {"word": "rice"}')
    await reply_containing(shell, "rice is on the shopping list")
    say(shell, qtbot, 'call notes__huge {"chars": 5}')                 # another tool still asks
    await until(bar.isVisible, message="asked for huge")


async def test_a_server_that_adds_a_tool_or_crashes_keeps_the_session_current(tools_app, qtbot):
    write_config({"notes": notes(autoApprove=["grow", "crash", "lookup", "fresh"])})
    shell = await tools_app()
    await ready(shell)
    say(shell, qtbot, "call notes__grow {}")
    await until(lambda: "notes__fresh" in declared(shell), 20, "the new tool declared")
    say(shell, qtbot, "call notes__fresh {}")
    await reply_containing(shell, "The notes__fresh tool returned", "fresh answer")
    say(shell, qtbot, "call notes__crash {}")
    await reply_containing(shell, "The notes__crash tool returned", "going down")
    local = shell.controller.local_mcp
    await until(lambda: local.states["notes"].phase == "restarting", 20, "restarting")
    await until(lambda: local.states["notes"].phase == "ready", 30, "ready again")
    say(shell, qtbot, 'call notes__lookup {"word": "eggs"}')
    await reply_containing(shell, "eggs is on the shopping list")
    shell.wire.check()


async def test_settings_import_claude_desktops_servers_turn_one_on_and_keep_a_secret(
        tools_app, qtbot, tmp_path, monkeypatch, memory_keyring):
    home = tmp_path / "home"
    claude = home / ".config" / "Claude" / "claude_desktop_config.json"
    claude.parent.mkdir(parents=True)
    claude.write_text(json.dumps({"mcpServers": {"desk": notes(
        env={"TOKEN": "${keyring:desk-token}"})}}))
    monkeypatch.setenv("HOME", str(home))
    shell = await tools_app()
    shell.open_settings()
    page = shell.settings_dialog.local_mcp
    assert "No servers yet" in page.message.text()
    page.source.setCurrentText("Claude Desktop")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "Imported from Claude Desktop, turned off: desk."
    await until(lambda: page.tree.topLevelItemCount() == 1, message="listed")
    assert (page.tree.topLevelItem(0).text(0), page.tree.topLevelItem(0).text(1)) == \
        ("desk", "off")
    page.secret_name.setText("desk-token")
    page.secret_value.setText("tok-0123456789")
    qtbot.mouseClick(next(b for b in page.findChildren(type(page.import_button))
                          if b.text() == "Keep in keyring"), Qt.MouseButton.LeftButton)
    await until(lambda: memory_keyring.get(("voice-assistant", "mcp-secret:desk-token")) ==
                "tok-0123456789", message="the secret in the keyring")
    page.tree.topLevelItem(0).setCheckState(0, Qt.CheckState.Checked)       # turned on
    await until(lambda: page.message.text() == "desk is on.", message="turned on")
    await until(lambda: "desk__lookup" in declared(shell), 30, "desk's tools declared")
    assert json.loads(Path(os.environ["VOICE_ASSISTANT_MCP_CONFIG"]).read_text())[
        "mcpServers"]["desk"]["disabled"] is False
    assert "tok-0123456789" not in Path(os.environ["VOICE_ASSISTANT_MCP_CONFIG"]).read_text()


async def test_ctrl_q_ends_the_servers_processes_with_the_app(make_shell, qtbot):
    write_config({"notes": notes()})
    shell = await make_shell("--offline", start=False)
    running = asyncio.ensure_future(shell.run())
    local = shell.controller.local_mcp
    await until(lambda: local.states.get("notes") and local.states["notes"].phase == "ready", 30,
                "notes ready")
    children = children_of(os.getpid())
    assert children
    app = QApplication.instance()
    app.setQuitOnLastWindowClosed(False)            # the test's loop goes on after the window
    try:
        qtbot.keyClick(shell.window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
        await asyncio.wait_for(running, 20)
    finally:
        app.setQuitOnLastWindowClosed(True)
    assert [pid for pid in children if running_pid(pid)] == []


async def test_a_streamable_http_server_is_listed_beside_a_stdio_one_and_answers(tools_app,
                                                                                 qtbot):
    port = free_port()
    server = http_server(port)
    try:
        write_config({"notes": notes(), "web": {"url": f"http://127.0.0.1:{port}/mcp",
                                                "autoApprove": ["lookup"]}})
        shell = await tools_app()
        await until(lambda: {"notes__lookup", "web__lookup"} <= declared(shell), 30,
                    "both servers' tools declared")
        say(shell, qtbot, 'call web__lookup {"word": "butter"}')
        await reply_containing(shell, "The web__lookup tool returned", "butter is on the")
        shell.open_settings()
        page = shell.settings_dialog.local_mcp
        listed = {page.tree.topLevelItem(i).text(0): page.tree.topLevelItem(i).text(1)
                  for i in range(page.tree.topLevelItemCount())}
        assert listed == {"notes": "ready with 6 tools", "web": "ready with 6 tools"}
        await shell.controller.local_mcp.close()
    finally:
        server.kill()
        server.wait()
