"""What the history panel asks of the history: lists, one conversation, delete, export to a file.

Reads and writes happen here (the panel does no I/O); every failure is a sentence, not a raise.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from assistant.app.local_format import money, when
from assistant.private_files import open_private, private_folder, write_private
from assistant.store import export
from assistant.store.history import History
from assistant.store.records import StoredItem

log = logging.getLogger(__name__)


class HistoryBrowser(QObject):
    listed = Signal(list)           # [(conversation id, title, "date · turns · cost")]
    shown = Signal(int, str)        # conversation id, its Markdown
    message = Signal(str)           # the outcome of a delete or an export, or a failure
    deleted = Signal(int)           # a conversation is gone (the current one, perhaps)

    def __init__(self, history: History) -> None:
        super().__init__()
        self.history = history
        self.query = ""

    def search(self, query: str) -> None:
        self.query = query
        try:
            found = self.history.conversations(query)
        except sqlite3.Error as exc:
            self.message.emit(self.tr("The history could not be read ({why}).").format(why=exc))
            return
        self.listed.emit([(c.id, c.title, f"{when(c.started)}  ·  "
                           + self.tr("%n reply(-ies)", "", c.turns) + f"  ·  {money(c.cost)}")
                          for c in found])

    def refresh(self) -> None:
        self.search(self.query)

    def show(self, conversation: int) -> None:
        try:
            summary = self.history.conversation(conversation)
        except sqlite3.Error as exc:
            self.message.emit(self.tr("The conversation could not be read ({why}).").format(
                why=exc))
            return
        if summary is not None:            # its pictures shown from their files, where kept
            files = {i.image: path.as_uri() for i in summary.items
                     if i.image and (path := self.history.pictures.path(i.image)) is not None}
            self.shown.emit(conversation, export.to_markdown(summary, files))

    def delete(self, conversation: int) -> None:
        try:
            self.history.delete(conversation)
        except sqlite3.Error as exc:
            self.message.emit(self.tr("The conversation could not be deleted ({why}).").format(
                why=exc))
            return
        self.deleted.emit(conversation)
        self.message.emit(self.tr("Conversation deleted."))
        self.refresh()

    def export(self, conversation: int, path: str) -> None:
        """Markdown, or JSON when the file name ends in .json."""
        target = Path(path)
        try:
            summary = self.history.conversation(conversation)
            if summary is None:
                self.message.emit(self.tr("That conversation is no longer in the history."))
                return
            files = self._copy_pictures(summary.items, target)
            text = (export.to_json(summary, self.history.usage(conversation), files)
                    if target.suffix.lower() == ".json" else export.to_markdown(summary, files))
            write_private(target, text)
        except (sqlite3.Error, OSError) as exc:
            log.warning("export to %s failed: %s", target, exc)
            self.message.emit(self.tr("Could not export to {path}: {why}.").format(
                path=target, why=exc))
            return
        self.message.emit(self.tr("Exported to {path}.").format(path=target))

    def _copy_pictures(self, items: list[StoredItem], target: Path) -> dict[str, str]:
        """The conversation's pictures into a folder beside the export (0700, files 0600);
        stored name -> its path relative to the export."""
        files: dict[str, str] = {}
        folder = target.with_name(target.stem + ".pictures")
        for item in items:
            data = self.history.pictures.read(item.image) if item.image else None
            if data is None:
                continue
            with open_private(private_folder(folder) / item.image, "wb") as file:
                file.write(data)
            files[item.image] = f"{folder.name}/{item.image}"
        return files
