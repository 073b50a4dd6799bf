"""PySide6's check of every import, without the source it leaves in memory.

Once PySide6 is imported, it looks at each module imported after it for the word "PySide6"
(to know which modules may select a `__feature__`), through `inspect.getsource`, which keeps
every module's source in `linecache` for the life of the process: 16 MB of the app's peak
memory in a run from source (measured: peak RSS idle 151.5 -> 135.5 MB). The same question
is asked here of the file itself, and nothing is kept. A frozen app has no sources, so both
answer no there. What its check kept before ours took its place (the modules imported between
PySide6 and this call: enum, pathlib, types...; 0.3 MB of lines) is let go then.
"""

from __future__ import annotations

import linecache
import sys
from pathlib import Path
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"     # where PySide6 keeps its check (6.x)
CHECK = "_mod_uses_pyside"


def uses_pyside(module: ModuleType) -> bool:
    """PySide6's own test (its name in the module's source), reading the file once."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return False
    try:
        return b"PySide6" in Path(path).read_bytes()
    except OSError:
        return False


def keep_no_sources() -> bool:
    """Put `uses_pyside` in place of PySide6's check; False (and nothing changed) when this
    PySide6 has no such check."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, CHECK, None)):
        return False
    setattr(feature, CHECK, uses_pyside)
    linecache.clearcache()                   # a cache: a traceback reads its lines again
    return True
