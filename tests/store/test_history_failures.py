"""A failing disk or database loses only what it must (issue 22): a file is set aside only when
SQLite says it is damaged; a full disk or an I/O error leaves a healthy file alone and is said;
the full integrity check runs off the start path and marks a damaged file for the next start."""

from __future__ import annotations

import sqlite3

from assistant.app.conversation.record import ConversationRecord
from assistant.store import history as history_module
from assistant.store.history import History, integrity_problem
from assistant.store.records import StoredItem


def many_rows(path, rows: int = 400) -> None:
    history = History.open(path)
    conv = history.start_conversation("m")
    for n in range(rows):
        history.save_item(conv, StoredItem(f"i{n}", "message", "user", "words " * 40))
    history.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    history.close()


def test_a_full_disk_mid_conversation_is_said_once_and_the_file_kept(tmp_path):
    path = tmp_path / "h.db"
    history = History.open(path)
    said: list[str] = []
    record = ConversationRecord(history, said.append, "m")
    record.item_started("user", "u1")
    record.text("user", "u1", "saved before the disk filled", True)
    pages = history.db.execute("PRAGMA page_count").fetchone()[0]
    history.db.execute(f"PRAGMA max_page_count = {pages}")    # SQLite's own "database is full"
    for n in range(30):
        record.item_started("user", f"x{n}")
        record.text("user", f"x{n}", "a long line " * 400, True)
    assert len(said) == 1 and "could not be saved" in said[0] and "full" in said[0]
    history.close()
    again = History.open(path)
    assert again.problem is None and again.path == path
    assert again.items(1)[0].text == "saved before the disk filled"
    assert not any(p.name.startswith("h.db.broken-") for p in tmp_path.iterdir())


def test_an_io_error_at_start_leaves_the_file_where_it_is(tmp_path, monkeypatch):
    path = tmp_path / "h.db"
    many_rows(path, rows=3)
    real = history_module._connect

    def failing(where):
        if where == path:
            error = sqlite3.OperationalError("disk I/O error")
            error.sqlite_errorcode, error.sqlite_errorname = 10, "SQLITE_IOERR"
            raise error
        return real(where)
    monkeypatch.setattr(history_module, "_connect", failing)
    history = History.open(path)
    assert history.path is None and "SQLITE_IOERR" in str(history.problem)
    assert "left as it is" in str(history.problem)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.db"]


def test_a_damaged_page_is_found_after_start_and_set_aside_at_the_next(tmp_path):
    path = tmp_path / "h.db"
    many_rows(path)
    data = bytearray(path.read_bytes())
    page = 4096
    data[5 * page: 5 * page + 64] = b"\xff" * 64            # a leaf page's header, trampled
    path.write_bytes(bytes(data))
    history = History.open(path)                  # opening reads only the schema: no check
    assert history.problem is None and history.path == path
    problem = integrity_problem(path)
    assert problem is not None and "damaged" in str(problem)
    assert integrity_problem(tmp_path / "missing.db") is None
    history.close()
    fresh = History.open(path)
    assert "was damaged; it was moved to h.db.broken-" in str(fresh.problem)
    assert fresh.conversations() == [] and not (tmp_path / "h.db.damaged").exists()
    assert History.open(path).problem is None


def test_a_healthy_file_passes_the_check(tmp_path):
    path = tmp_path / "h.db"
    many_rows(path)
    assert integrity_problem(path) is None
    assert not (tmp_path / "h.db.damaged").exists()
