# What the app uses of qasync (which ships no types): its Qt-driven asyncio loop.
import asyncio

from PySide6.QtCore import QCoreApplication, QObject

class QEventLoop(asyncio.SelectorEventLoop):
    _timer: QObject      # the Qt object whose zero timers run its callbacks
    def __init__(self, app: QCoreApplication | None = ..., set_running_loop: bool = ...,
                 already_running: bool = ...) -> None: ...
    def _add_callback(self, handle: asyncio.Handle, delay: float = ...) -> asyncio.Handle: ...
    def __enter__(self) -> QEventLoop: ...
    def __exit__(self, *exc: object) -> None: ...

QSelectorEventLoop = QEventLoop
