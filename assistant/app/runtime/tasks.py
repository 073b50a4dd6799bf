"""Background tasks the app starts from Qt slots: kept referenced until done (asyncio holds only
weak references), and a failure is logged and told in one sentence instead of vanishing."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from PySide6.QtCore import QCoreApplication

log = logging.getLogger(__name__)


class Tasks:
    def __init__(self, on_failure: Callable[[str], None]) -> None:
        self._on_failure = on_failure
        self._running: set[asyncio.Task[Any]] = set()

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        task = asyncio.ensure_future(coro)
        self._running.add(task)
        task.add_done_callback(self._done)
        return task

    @property
    def pending(self) -> int:
        """Tasks started and not finished yet."""
        return len(self._running)

    def _done(self, task: asyncio.Task[Any]) -> None:
        self._running.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("task failed", exc_info=task.exception())
            self._on_failure(QCoreApplication.translate("Tasks", "Something went wrong: {why}")
                             .format(why=task.exception()))
