"""The conversation history: SQLite in WAL mode, one small write per item as it happens.

WAL with `synchronous=NORMAL` loses nothing when the process is killed (the OS has every committed
page); only a power cut can cost the last commits. A file is moved aside (and a fresh one made)
only when SQLite says it is not a database or is corrupt; a file that is locked, read-only, on a
full disk or failing with I/O errors is left as it is and this run's history lives in memory.
Either way `problem` holds the sentence to show, and the app goes on. The file and its WAL/SHM are
created 0600 in a 0700 folder. The full integrity check reads every page, so it runs after start
on a worker thread (`verify`); a damaged file found there is set aside at the next start.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import sqlite3
import time
from pathlib import Path
from typing import Any

from assistant.errors import AssistantError
from assistant.private_files import create_private
from assistant.store.migrations import NewerSchema, check_version, migrate
from assistant.store.pictures import PictureFiles
from assistant.store.records import ConversationSummary, StoredItem, TurnUsage
from assistant.translatable import QT_TRANSLATE_NOOP

log = logging.getLogger(__name__)
TITLE_WORDS = 8
_ITEM_FIELDS = [f.name for f in dataclasses.fields(StoredItem)]
_FIRST_WORDS = ("(SELECT text FROM items i WHERE i.conversation_id = c.id AND i.kind = 'message' "
                "AND i.text != '' ORDER BY i.id LIMIT 1)")
_SUMMARY = f"""
    SELECT c.id, COALESCE(NULLIF(c.title, ''), {_FIRST_WORDS}, ''), c.started, c.updated, c.model,
           (SELECT COUNT(*) FROM usage u WHERE u.conversation_id = c.id),
           (SELECT COALESCE(SUM(input_tokens), 0) FROM usage u WHERE u.conversation_id = c.id),
           (SELECT COALESCE(SUM(output_tokens), 0) FROM usage u WHERE u.conversation_id = c.id),
           (SELECT SUM(cost) FROM usage u WHERE u.conversation_id = c.id)
    FROM conversations c"""


class History:
    def __init__(self, db: sqlite3.Connection, path: Path | None,
                 problem: AssistantError | None) -> None:
        self.db, self.path, self.problem = db, path, problem
        self.pictures = PictureFiles(path.parent / "pictures" if path is not None else None)

    @classmethod
    def open(cls, path: Path | None) -> History:
        """The history at `path` (None: in memory). Never raises for what is on the disk."""
        if path is None:
            return cls(_connect(":memory:"), None, None)
        try:
            return cls(_connect(path), path, None)
        except NewerSchema as exc:
            log.warning("history at %s not used: %s", path, exc)
            return cls(_connect(":memory:"), None,
                       AssistantError(QT_TRANSLATE_NOOP(
                           "Errors", "The history file {path} is from a newer version of the "
                           "app; it was left as it is, and this run's conversation is not "
                           "saved."), path=path))
        except (sqlite3.Error, OSError) as exc:
            log.warning("history at %s could not be opened: %s", path, exc)
            if "locked" in str(exc):         # another copy of the app has it: not broken
                return cls(_connect(":memory:"), None,
                           AssistantError(QT_TRANSLATE_NOOP(
                               "Errors", "The history is in use by another copy of the app; "
                               "this run's conversation is not saved.")))
            if not _is_corrupt(exc) and not _marked_damaged(path):
                return cls(_connect(":memory:"), None, AssistantError(QT_TRANSLATE_NOOP(
                    "Errors", "The history at {path} cannot be used now ({why}); it was left "
                    "as it is, and this run's conversation is not saved."), path=path,
                    why=_why(exc)))
        aside = _move_aside(path)
        try:
            fresh = cls(_connect(path), path, None)
        except (sqlite3.Error, OSError, NewerSchema) as exc:
            log.warning("a fresh history at %s could not be made either: %s", path, exc)
            return cls(_connect(":memory:"), None,
                       AssistantError(QT_TRANSLATE_NOOP(
                           "Errors", "The history at {path} cannot be used ({why}); this run's "
                           "conversation is not saved."), path=path, why=exc))
        fresh.problem = AssistantError(QT_TRANSLATE_NOOP(
            "Errors", "The history file was damaged; it was moved to {name} and a new one "
            "started."), name=aside.name) if aside else None
        return fresh

    def close(self) -> None:
        self.db.close()

    # ---- writing ------------------------------------------------------------------------------

    def start_conversation(self, model: str, now: float | None = None) -> int:
        now = time.time() if now is None else now
        cursor = self.db.execute(
            "INSERT INTO conversations (started, updated, model) VALUES (?, ?, ?)",
            (now, now, model))
        return int(cursor.lastrowid or 0)

    def save_item(self, conversation: int, item: StoredItem) -> None:
        """Insert or update (by item_id, keeping its place in the order) one item."""
        created = item.created or time.time()
        values = {**dataclasses.asdict(item), "created": created}
        columns = ", ".join(_ITEM_FIELDS)
        marks = ", ".join(f":{name}" for name in _ITEM_FIELDS)
        updates = ", ".join(f"{name} = excluded.{name}" for name in _ITEM_FIELDS
                            if name not in ("item_id", "created"))
        with self.db:
            self.db.execute(f"INSERT INTO items (conversation_id, {columns}) "
                            f"VALUES (:conversation_id, {marks}) ON CONFLICT (conversation_id, "
                            f"item_id) DO UPDATE SET {updates}",
                            {**values, "conversation_id": conversation})
            self.db.execute("UPDATE conversations SET updated = ? WHERE id = ?",
                            (created, conversation))

    def save_usage(self, conversation: int, usage: TurnUsage, now: float | None = None) -> None:
        details = {k: v for k, v in dataclasses.asdict(usage).items() if k != "cost"}
        self.db.execute("INSERT INTO usage (conversation_id, at, input_tokens, output_tokens, "
                        "cached_tokens, details, cost) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (conversation, time.time() if now is None else now, usage.input_tokens,
                         usage.output_tokens, usage.cached_tokens, json.dumps(details),
                         usage.cost))

    def forget_item(self, conversation: int, item_id: str) -> None:
        self.db.execute("DELETE FROM items WHERE conversation_id = ? AND item_id = ?",
                        (conversation, item_id))

    def delete(self, conversation: int) -> None:
        shown = [name for (name,) in self.db.execute(
            "SELECT image FROM items WHERE conversation_id = ? AND image != ''", (conversation,))]
        with self.db:
            for table in ("items", "usage"):
                self.db.execute(f"DELETE FROM {table} WHERE conversation_id = ?", (conversation,))
            self.db.execute("DELETE FROM conversations WHERE id = ?", (conversation,))
        self.pictures.remove(shown)

    # ---- reading ------------------------------------------------------------------------------

    def conversations(self, search: str = "", limit: int = 500) -> list[ConversationSummary]:
        """Newest first, those with something said; `search` matches any item's text
        (case-insensitive, wildcards taken literally)."""
        where, args = f" WHERE (c.title != '' OR {_FIRST_WORDS} IS NOT NULL)", []
        if search.strip():
            pattern = _like(search)
            where += (" AND EXISTS (SELECT 1 FROM items i WHERE i.conversation_id = c.id "
                      "AND i.text LIKE ? ESCAPE '\\')")
            args = [pattern]
        rows = self.db.execute(f"{_SUMMARY}{where} ORDER BY c.updated DESC LIMIT ?",
                               (*args, limit)).fetchall()
        return [_summary(row) for row in rows]

    def search_messages(self, search: str, limit: int = 5) -> list[dict[str, Any]]:
        """The newest messages containing `search` (for the model's history tool)."""
        rows = self.db.execute(
            "SELECT i.conversation_id, i.role, i.text, i.created FROM items i "
            "WHERE i.kind = 'message' AND i.text LIKE ? ESCAPE '\\' "
            "ORDER BY i.created DESC LIMIT ?", (_like(search), limit)).fetchall()
        return [{"conversation": c, "role": role, "text": text,
                 "when": time.strftime("%Y-%m-%d %H:%M", time.localtime(created))}
                for c, role, text, created in rows]

    def conversation(self, conversation: int) -> ConversationSummary | None:
        row = self.db.execute(f"{_SUMMARY} WHERE c.id = ?", (conversation,)).fetchone()
        if row is None:
            return None
        summary = _summary(row)
        summary.items = self.items(conversation)
        return summary

    def items(self, conversation: int) -> list[StoredItem]:
        rows = self.db.execute(f"SELECT {', '.join(_ITEM_FIELDS)} FROM items "
                               "WHERE conversation_id = ? ORDER BY id", (conversation,))
        return [StoredItem(*row) for row in rows]

    def usage(self, conversation: int) -> list[TurnUsage]:
        rows = self.db.execute("SELECT details, cost FROM usage WHERE conversation_id = ? "
                               "ORDER BY id", (conversation,))
        return [TurnUsage(**json.loads(details), cost=cost) for details, cost in rows]


def _connect(path: Path | str) -> sqlite3.Connection:
    if isinstance(path, Path):
        if _marked_damaged(path):
            raise sqlite3.DatabaseError("an earlier check found the file damaged")
        create_private(path)
    db = sqlite3.connect(str(path), isolation_level=None, timeout=2.0)
    try:
        check_version(db)                    # before WAL: a newer app's file stays untouched
        db.execute("PRAGMA journal_mode=WAL").fetchone()
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA foreign_keys=ON")
        migrate(db)
        db.execute("BEGIN IMMEDIATE")        # proves we can write, now rather than mid-turn
        db.execute("ROLLBACK")
    except BaseException:
        db.close()
        raise
    return db


def _like(search: str) -> str:
    """A LIKE pattern matching `search` anywhere, its wildcards taken literally."""
    escaped = search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _move_aside(path: Path) -> Path | None:
    """Rename the unusable file (and its WAL and shared-memory files) out of the way."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.broken-{stamp}")
    try:
        _damage_mark(path).unlink(missing_ok=True)
        if not path.exists():
            return None
        path.rename(aside)
        for suffix in ("-wal", "-shm"):
            extra = path.with_name(path.name + suffix)
            if extra.exists():
                extra.rename(aside.with_name(aside.name + suffix))
    except OSError as exc:
        log.warning("could not move %s aside: %s", path, exc)
        return None
    return aside


_CORRUPT_CODES = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def _is_corrupt(exc: BaseException) -> bool:
    """SQLite's own word that the file is damaged or not a database (not a full disk, a lock,
    a permission or an I/O error: those leave a healthy file)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return isinstance(code, int) and code & 0xFF in _CORRUPT_CODES


def _why(exc: BaseException) -> str:
    return str(getattr(exc, "sqlite_errorname", "") or exc)


def _damage_mark(path: Path) -> Path:
    return path.with_name(path.name + ".damaged")


def _marked_damaged(path: Path) -> bool:
    return _damage_mark(path).exists()


def integrity_problem(path: Path) -> AssistantError | None:
    """The full check (every page), on its own read-only connection, for a worker thread. A
    damaged file is marked, to be set aside at the next start (the running app keeps writing
    what it can meanwhile)."""
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=2.0)
        try:
            verdict = db.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error as exc:
        if not _is_corrupt(exc):
            log.info("history check skipped: %s", exc)
            return None
        verdict = str(exc)
    if verdict == "ok":
        return None
    log.warning("history at %s is damaged: %s", path, verdict)
    create_private(_damage_mark(path))
    return AssistantError(QT_TRANSLATE_NOOP(
        "Errors", "The history file is damaged; it will be set aside and a new one started the "
        "next time the app starts."))


def _summary(row: tuple[Any, ...]) -> ConversationSummary:
    """A listing row, its title cut to the first words."""
    summary = ConversationSummary(*row)
    words = summary.title.split()
    summary.title = " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else "")
    return summary
