"""The history database's schema, as numbered steps. `PRAGMA user_version` says how many ran.

A step is appended, never edited: a database from any earlier version is brought up to date by
running the steps it has not seen, in one transaction each.
"""

from __future__ import annotations

import sqlite3

STEPS: tuple[str, ...] = (
    # 1: conversations, their items and what each response cost.
    """
    CREATE TABLE conversations (
        id      INTEGER PRIMARY KEY,
        started REAL NOT NULL,
        updated REAL NOT NULL,
        model   TEXT NOT NULL DEFAULT '',
        title   TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE items (
        id                INTEGER PRIMARY KEY,
        conversation_id   INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        item_id           TEXT NOT NULL,
        kind              TEXT NOT NULL,
        role              TEXT NOT NULL DEFAULT '',
        text              TEXT NOT NULL DEFAULT '',
        created           REAL NOT NULL,
        interrupted_at_ms INTEGER,
        call_id           TEXT NOT NULL DEFAULT '',
        name              TEXT NOT NULL DEFAULT '',
        arguments         TEXT NOT NULL DEFAULT '',
        UNIQUE (conversation_id, item_id)
    );
    CREATE TABLE usage (
        id              INTEGER PRIMARY KEY,
        conversation_id INTEGER NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
        at              REAL NOT NULL,
        input_tokens    INTEGER NOT NULL,
        output_tokens   INTEGER NOT NULL,
        cached_tokens   INTEGER NOT NULL,
        details         TEXT NOT NULL,
        cost            REAL
    );
    """,
    # 2: the lookups the side panel makes on every keystroke of a search.
    """
    CREATE INDEX items_by_conversation ON items (conversation_id, id);
    CREATE INDEX usage_by_conversation ON usage (conversation_id);
    CREATE INDEX conversations_by_update ON conversations (updated DESC);
    """,
    # 3: a picture the user showed, kept as a file beside the database (its name here).
    """
    ALTER TABLE items ADD COLUMN image TEXT NOT NULL DEFAULT '';
    """,
)
VERSION = len(STEPS)


class NewerSchema(Exception):
    """The file was written by a newer version of the app: left untouched."""


def check_version(db: sqlite3.Connection) -> int:
    """The file's schema version; raises NewerSchema for one this app does not know."""
    found = int(db.execute("PRAGMA user_version").fetchone()[0])
    if found > VERSION:
        raise NewerSchema(f"schema version {found}, this app knows {VERSION}")
    return found


def migrate(db: sqlite3.Connection) -> int:
    """Bring `db` to VERSION; returns the version it had."""
    found = check_version(db)
    for number in range(found, VERSION):
        db.executescript(f"BEGIN; {STEPS[number]} PRAGMA user_version = {number + 1}; COMMIT;")
    return found
