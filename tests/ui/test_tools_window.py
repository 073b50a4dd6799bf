"""Tool calls through the whole window against the embedded server, as a user meets them: the
call runs, asks first when it acts, shows in the conversation, and the reply follows. Every
event both ways is checked against the openai package's models."""

from __future__ import annotations

import datetime as dt
import json
import threading

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication

from assistant.sim.mcp import DEMO_URL
from assistant.tools.registry import Tool
from tests.helpers import until
from tests.ui.tool_rig import outputs, reply_containing, say, sent


def row_of(shell, name: str) -> str:
    view = shell.window.transcript
    return next(view.tool_text(i) for i in view._tools if view._tools[i][1].call.name == name)


async def test_time_tool_runs_and_the_reply_carries_the_current_year(tools_app, qtbot):
    shell = await tools_app()
    declared = sent(shell, "session.update")[0]["session"]["tools"]
    assert {t["name"] for t in declared} >= {"get_current_time", "open_url", "set_timer",
                                              "search_history"}
    say(shell, qtbot, "What time is it? call get_current_time {}")
    year = str(dt.datetime.now().year)
    await reply_containing(shell, "The get_current_time tool returned", year)
    [output] = outputs(shell)
    assert json.loads(output["output"])["datetime"].startswith(year)
    assert len(sent(shell, "response.create")) == 2        # the question, then the tool's answer
    row = row_of(shell, "get_current_time")
    assert "→" in row and "ms" in row and year in row
    shell.window.transcript.toggle_tool(output["call_id"])
    assert "result: {" in shell.window.transcript.tool_text(output["call_id"])
    assert shell.wire.check() > 20


async def test_a_declined_call_tells_the_model_and_the_session_goes_on(tools_app, qtbot, browser):
    shell = await tools_app()
    say(shell, qtbot, 'call open_url {"url": "https://example.com/docs"}')
    bar = shell.window.consent
    await until(bar.isVisible, message="the permission bar")
    assert "open_url" in bar.question.text() and "https://example.com/docs" in bar.arguments.text()
    assert "waiting for your answer" in row_of(shell, "open_url")
    say(shell, qtbot, "are you still there")                # the session works while it asks
    await reply_containing(shell, 'You said: "are you still there".')
    qtbot.mouseClick(bar.deny_button, Qt.MouseButton.LeftButton)
    await reply_containing(shell, "The open_url tool returned", "the user declined")
    assert browser.opened == []
    assert not bar.isVisible()
    assert "the user declined" in row_of(shell, "open_url")
    shell.wire.check()


async def test_allow_always_is_remembered_per_tool(tools_app, qtbot, browser):
    shell = await tools_app()
    bar = shell.window.consent
    say(shell, qtbot, 'call open_url {"url": "https://example.com/a"}')
    await until(bar.isVisible, message="asked")
    bar.always.setChecked(True)
    qtbot.keyClick(shell.window, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)   # Alt+A
    await until(lambda: browser.opened == ["https://example.com/a"], message="opened")
    await reply_containing(shell, '"opened": "https://example.com/a"')
    grant = [{"source": "builtin", "server": "", "tool": "open_url"}]
    assert json.loads(shell.controller.settings.tool_grants) == grant
    say(shell, qtbot, 'call open_url {"url": "https://example.com/b"}')
    await until(lambda: len(browser.opened) == 2, message="opened without asking")
    assert not bar.isVisible()
    stored = QSettings(str(shell.store_path), QSettings.Format.IniFormat).value("tool_grants")
    assert json.loads(stored) == grant


async def test_a_hanging_tool_times_out_and_the_model_hears_it(tools_app, qtbot):
    release = threading.Event()
    hang = Tool("wait_forever", "Never returns.", lambda _a: str(release.wait(60)),
                timeout_s=0.3)
    shell = await tools_app(before_connect=lambda s: s.controller.tools.registry.add(hang))
    try:
        say(shell, qtbot, "call wait_forever {}")
        await reply_containing(shell, "The wait_forever tool returned",
                               "did not finish within 0.3 s")
    finally:
        release.set()
    assert "failed: " in row_of(shell, "wait_forever")


async def test_bad_arguments_and_two_calls_answered_before_one_response(tools_app, qtbot):
    shell = await tools_app()
    say(shell, qtbot, 'call get_current_time {"timezone": 5} call get_current_time {oops')
    await until(lambda: len(outputs(shell)) == 2, message="two outputs")
    errors = [json.loads(o["output"])["error"] for o in outputs(shell)]
    assert "5 is not of type 'string'" in errors[0] and "not valid JSON" in errors[1]
    await reply_containing(shell, "The get_current_time tool returned", "valid JSON")
    client = [e["type"] for d, e, _ in shell.wire.events if d == "in"
              and e["type"] in ("conversation.item.create", "response.create")]
    assert client[-3:] == ["conversation.item.create"] * 2 + ["response.create"]
    assert len(sent(shell, "response.create")) == 2
    shell.wire.check()


async def test_a_timer_and_the_clipboard_tools(tools_app, qtbot):
    shell = await tools_app()
    say(shell, qtbot, 'call set_timer {"seconds": 1, "label": "Tea"} '
                      'call copy_to_clipboard {"text": "kettle on"}')
    bar = shell.window.consent
    await until(bar.isVisible, message="copy asks first")
    qtbot.mouseClick(bar.allow_button, Qt.MouseButton.LeftButton)
    await until(lambda: QGuiApplication.clipboard().text() == "kettle on", message="copied")
    await until(lambda: "Tea: the 1 s timer is done." in
                shell.window.transcript.toPlainText(), message="the timer's notice")
    say(shell, qtbot, "call read_clipboard {}")
    await until(bar.isVisible, message="reading asks first")
    qtbot.mouseClick(bar.allow_button, Qt.MouseButton.LeftButton)
    await reply_containing(shell, "kettle on")


async def test_search_history_finds_an_earlier_message(tools_app, qtbot):
    shell = await tools_app()
    say(shell, qtbot, "remember the purple giraffe")
    await reply_containing(shell, 'You said: "remember the purple giraffe"')
    say(shell, qtbot, 'call search_history {"query": "purple giraffe"}')
    bar = shell.window.consent
    await until(bar.isVisible, message="reading the history asks first")
    qtbot.mouseClick(bar.allow_button, Qt.MouseButton.LeftButton)
    await reply_containing(shell, "The search_history tool returned",
                           "remember the purple giraffe")


async def test_mcp_tools_are_listed_and_an_approval_allowed_and_one_denied(tools_app, qtbot):
    servers = [{"label": "demo", "url": DEMO_URL, "approval": "always"},
               {"label": "gone", "url": "https://nowhere.invalid/mcp", "approval": "never"}]
    shell = await tools_app({"mcp_servers": json.dumps(servers)})
    text = shell.window.transcript.toPlainText
    await until(lambda: "MCP server demo offers 2 tools: add, save_note." in text(),
                message="listed")
    await until(lambda: "MCP server gone could not be reached" in text(), message="failed")
    bar = shell.window.consent
    say(shell, qtbot, 'call add {"a": 2, "b": 3}')
    await until(bar.isVisible, message="approval asked")
    assert "MCP server <b>demo</b>" in bar.question.text()
    qtbot.mouseClick(bar.allow_button, Qt.MouseButton.LeftButton)
    await reply_containing(shell, "The add tool on demo returned 5.")
    say(shell, qtbot, 'call save_note {"text": "secret"}')
    await until(bar.isVisible, message="approval asked again")
    qtbot.mouseClick(bar.deny_button, Qt.MouseButton.LeftButton)
    await reply_containing(shell, "You declined, so I did not run save_note on demo.")
    answers = [e["item"] for e in sent(shell, "conversation.item.create")
               if e["item"]["type"] == "mcp_approval_response"]
    assert [a["approve"] for a in answers] == [True, False]
    call_row = next(shell.window.transcript.tool_text(i)
                    for i in shell.window.transcript._tools if i.startswith("mcp_"))
    assert '{"a": 2, "b": 3}' in call_row and "→ 5" in call_row
    assert shell.wire.check() > 30


async def test_settings_turn_a_tool_off_live(tools_app, qtbot):
    shell = await tools_app()
    shell.window.settings_requested.emit()
    dialog = shell.settings_dialog
    dialog.tools.checks["get_current_time"].setChecked(False)
    dialog._accept()
    await until(lambda: len(sent(shell, "session.update")) == 2, message="tools updated")
    names = {t["name"] for t in sent(shell, "session.update")[1]["session"]["tools"]}
    assert "get_current_time" not in names and "open_url" in names
    say(shell, qtbot, "call get_current_time {}")
    await reply_containing(shell, 'You said: "call get_current_time {}".')
    assert outputs(shell) == []


async def test_an_mcp_token_goes_to_the_keyring_and_the_server_never_to_a_file(
        tools_app, qtbot, memory_keyring, tmp_path):
    from assistant.sim.mcp import PRIVATE_TOKEN, PRIVATE_URL
    from tests.secrets_scan import leaks

    servers = [{"label": "private", "url": PRIVATE_URL, "approval": "never"}]
    shell = await tools_app({"mcp_servers": json.dumps(servers)})
    shown: list[str] = []
    shell.controller.events.logged.connect(lambda d, t, k, e, n: shown.append(json.dumps(e)))
    text = shell.window.transcript.toPlainText
    await until(lambda: "MCP server private could not be reached" in text(), message="refused")
    shell.window.settings_requested.emit()
    page = shell.settings_dialog.tools
    page.servers.cellWidget(0, 3).setText(PRIVATE_TOKEN)
    shell.settings_dialog._accept()
    await until(lambda: "MCP server private offers 2 tools" in text(), message="listed")
    await until(lambda: memory_keyring.get(("voice-assistant", "mcp:private")) == PRIVATE_TOKEN,
                message="kept in the keyring")
    [tool] = sent(shell, "session.update")[-1]["session"]["tools"][-1:]
    assert tool["headers"] == {"Authorization": f"Bearer {PRIVATE_TOKEN}"}
    say(shell, qtbot, 'call add {"a": 1, "b": 1}')              # "never": no question
    await reply_containing(shell, "The add tool on private returned 2.")
    assert not shell.window.consent.isVisible()
    assert shown and not [s for s in shown if PRIVATE_TOKEN in s]   # the inspector: redacted
    assert leaks(PRIVATE_TOKEN, tmp_path) == []                     # settings, history, logs
    shell.window.settings_requested.emit()
    assert shell.settings_dialog.tools.servers.cellWidget(0, 3).placeholderText() == "saved"
