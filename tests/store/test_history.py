"""The history database: items in order, search, delete, migrations, and files that fail."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from assistant.store import export
from assistant.store.history import History
from assistant.store.migrations import STEPS, VERSION
from assistant.store.records import StoredItem, TurnUsage


def fill(history: History) -> int:
    conv = history.start_conversation("gpt-realtime", now=1000.0)
    history.save_item(conv, StoredItem("u1", "message", "user", created=1001.0))
    history.save_item(conv, StoredItem("a1", "message", "assistant", "Paris, of course.",
                                       created=1002.0))
    # the user's transcript completes after the reply: the row keeps its place
    history.save_item(conv, StoredItem("u1", "message", "user",
                                       "What is the capital of France", created=1001.0))
    history.save_usage(conv, TurnUsage(100, 20, 0, cost=0.5))
    history.save_usage(conv, TurnUsage(50, 10, 0, cost=0.25))
    return conv


def test_items_keep_conversation_order_and_the_title_is_the_first_words(tmp_path):
    history = History.open(tmp_path / "h.db")
    conv = fill(history)
    assert [(i.item_id, i.text) for i in history.items(conv)] == [
        ("u1", "What is the capital of France"), ("a1", "Paris, of course.")]
    [summary] = history.conversations()
    assert summary.title == "What is the capital of France"
    assert (summary.turns, summary.input_tokens, summary.output_tokens) == (2, 150, 30)
    assert summary.cost == pytest.approx(0.75)


def test_search_matches_titles_and_text_and_treats_wildcards_literally(tmp_path):
    history = History.open(tmp_path / "h.db")
    fill(history)
    other = history.start_conversation("m")
    history.save_item(other, StoredItem("x", "message", "user", "100% sure_thing"))
    assert [c.title for c in history.conversations("capital")] == ["What is the capital of France"]
    assert [c.title for c in history.conversations("100%")] == ["100% sure_thing"]
    assert history.conversations("%") == history.conversations("100%")
    assert history.conversations("_") == history.conversations("sure_")
    assert history.conversations("nothing like this") == []


def test_delete_removes_the_conversation_its_items_and_usage(tmp_path):
    history = History.open(tmp_path / "h.db")
    conv = fill(history)
    history.delete(conv)
    assert history.conversations() == [] and history.items(conv) == []
    assert history.usage(conv) == []


def test_an_empty_conversation_is_not_listed(tmp_path):
    history = History.open(tmp_path / "h.db")
    history.start_conversation("m")
    assert history.conversations() == []


def test_an_old_database_is_migrated_with_its_data(tmp_path):
    path = tmp_path / "h.db"
    db = sqlite3.connect(path)
    db.executescript(f"{STEPS[0]} PRAGMA user_version = 1;")
    db.execute("INSERT INTO conversations (started, updated, model, title) "
               "VALUES (1, 1, 'm', 'kept')")
    db.commit()
    db.close()
    history = History.open(path)
    assert history.problem is None
    assert [c.title for c in history.conversations()] == ["kept"]
    assert history.db.execute("PRAGMA user_version").fetchone()[0] == VERSION
    assert history.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_corrupt_file_is_moved_aside_and_a_new_history_started(tmp_path):
    path = tmp_path / "h.db"
    path.write_bytes(b"this is not a database at all" * 200)
    history = History.open(path)
    assert history.problem is not None and "moved to h.db.broken-" in str(history.problem)
    [aside] = [p for p in tmp_path.iterdir() if p.name.startswith("h.db.broken-")]
    assert aside.read_bytes().startswith(b"this is not a database")
    fill(history)
    assert len(History.open(path).conversations()) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_a_read_only_file_is_left_as_it_is(tmp_path):
    path = tmp_path / "h.db"
    fill(History.open(path))
    path.chmod(0o444)
    history = History.open(path)
    assert "left as it is" in str(history.problem or "") and history.path is None
    assert not any(p.name.startswith("h.db.broken-") for p in tmp_path.iterdir())
    fill(history)


def test_a_file_locked_by_another_copy_is_not_moved(tmp_path):
    path = tmp_path / "h.db"
    fill(History.open(path))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    history = History.open(path)
    assert "another copy" in str(history.problem or "") and path.exists()
    holder.execute("ROLLBACK")
    assert not any(p.name.startswith("h.db.broken-") for p in tmp_path.iterdir())


def test_a_folder_that_cannot_hold_a_file_leaves_history_in_memory(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    history = History.open(blocker / "h.db")
    assert history.path is None and "is not saved" in str(history.problem or "")
    fill(history)                                   # still works, for this run
    assert len(history.conversations()) == 1


def test_a_file_from_a_newer_version_is_left_untouched(tmp_path):
    path = tmp_path / "h.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {VERSION + 1}")
    db.close()
    before = path.read_bytes()
    history = History.open(path)
    assert "newer version" in str(history.problem or "")
    assert path.read_bytes() == before


def test_markdown_and_json_exports_hold_every_item(tmp_path: Path):
    import json

    history = History.open(tmp_path / "h.db")
    conv = fill(history)
    history.save_item(conv, StoredItem("a2", "message", "assistant", "Long answer —",
                                       interrupted_at_ms=1500))
    summary = history.conversation(conv)
    assert summary is not None
    markdown = export.to_markdown(summary)
    assert "**You**" in markdown and "What is the capital of France" in markdown
    assert "*(interrupted at 1.5 s)*" in markdown and "$0.75" in markdown
    document = json.loads(export.to_json(summary, history.usage(conv)))
    assert [i["item_id"] for i in document["items"]] == ["u1", "a1", "a2"]
    assert document["usage"][0]["input_tokens"] == 100 and document["cost"] == 0.75
