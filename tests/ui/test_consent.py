"""Consent that cannot be widened or tricked (issue 22): a grant is exactly one tool, every tool
that reads private data asks, and what the model sends is shown as plain text."""

from __future__ import annotations

import json

from PySide6.QtCore import QSettings, Qt

from assistant.sim.mcp import TRICKY_URL
from tests.helpers import until
from tests.ui.tool_rig import reply_containing, say, sent

TRICKY = json.dumps([{"label": "tricky", "url": TRICKY_URL, "approval": "always"}])


async def test_always_for_a_tool_named_with_a_comma_grants_that_tool_only(tools_app, qtbot,
                                                                            browser):
    # The retired comma-separated value is not read: it once granted read_clipboard by mistake.
    shell = await tools_app({"mcp_servers": TRICKY, "always_allowed": "read_clipboard"})
    await until(lambda: "offers 1 tool" in shell.window.transcript.toPlainText(),
                message="the tricky server listed")
    bar = shell.window.consent
    say(shell, qtbot, "call lookup,read_clipboard {}")
    await until(bar.isVisible, message="the MCP approval asked")
    assert "lookup,read_clipboard" in bar.question.text()
    bar.always.setChecked(True)
    qtbot.mouseClick(bar.allow_button, Qt.MouseButton.LeftButton)
    await reply_containing(shell, "The lookup,read_clipboard tool on tricky returned")
    grant = [{"source": "mcp", "server": "tricky", "tool": "lookup,read_clipboard"}]
    stored = QSettings(str(shell.store_path), QSettings.Format.IniFormat)
    assert json.loads(stored.value("tool_grants")) == grant
    assert stored.value("always_allowed") is None

    say(shell, qtbot, "call read_clipboard {}")
    await until(bar.isVisible, message="the local clipboard tool asks")
    assert "read_clipboard" in bar.question.text() and "MCP" not in bar.question.text()
    qtbot.mouseClick(bar.deny_button, Qt.MouseButton.LeftButton)
    await reply_containing(shell, "The read_clipboard tool returned", "the user declined")
    say(shell, qtbot, "call lookup,read_clipboard {}")            # the grant itself holds

    def answered() -> list[str]:
        return [t for t in shell.window.transcript.turns()
                if "The lookup,read_clipboard tool on tricky returned" in t]
    await until(lambda: len(answered()) == 2, message="answered again, unasked")
    approvals = [e["item"] for e in sent(shell, "conversation.item.create")
                 if e["item"]["type"] == "mcp_approval_response"]
    assert [a["approve"] for a in approvals] == [True, True]


async def test_searching_past_conversations_asks_first(tools_app, qtbot):
    shell = await tools_app()
    bar = shell.window.consent
    say(shell, qtbot, 'call search_history {"query": "bank"}')
    await until(bar.isVisible, message="asked before reading the history")
    assert "search_history" in bar.question.text()
    qtbot.mouseClick(bar.deny_button, Qt.MouseButton.LeftButton)
    await reply_containing(shell, "The search_history tool returned", "the user declined")


async def test_arguments_are_plain_text_and_long_ones_are_shown_whole_on_asking(
        tools_app, qtbot, browser):
    shell = await tools_app()
    bar = shell.window.consent
    url = "https://example.com/<b>bold</b>?" + "x" * 900
    say(shell, qtbot, "call open_url " + json.dumps({"url": url}))
    await until(bar.isVisible, message="asked")
    assert bar.arguments.textFormat() == Qt.TextFormat.PlainText
    assert "<b>bold</b>" in bar.arguments.text() and url not in bar.arguments.text()
    assert bar.arguments.text().endswith(" …") and bar.show_all.isVisible()
    qtbot.mouseClick(bar.show_all, Qt.MouseButton.LeftButton)
    assert url in bar.arguments.text()
    qtbot.mouseClick(bar.deny_button, Qt.MouseButton.LeftButton)
    await until(lambda: not bar.isVisible(), message="answered")
    assert browser.opened == []
