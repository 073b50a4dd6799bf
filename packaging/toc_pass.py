"""One pass over PyInstaller's binaries TOC that puts smaller copies in place of files: the
strip, ICU and codec steps each say how to make one copy, and this says what they saved."""

from __future__ import annotations

from collections.abc import Callable

Toc = list[tuple[str, str, str]]        # (where it goes in the bundle, the file, its kind)


def replace_each(binaries: Toc, replace: Callable[[str], tuple[str, int]], said: str) -> Toc:
    """Each file through `replace` (the copy to ship, and the bytes saved); prints `said` with
    the megabytes saved in place of {mb}."""
    out, total = [], 0
    for dest, source, kind in binaries:
        new, saved = replace(source)
        out.append((dest, new, kind))
        total += saved
    print(said.format(mb=f"{total / 1e6:.1f}"))
    return out
