"""Qt's ICU data cut to what Qt reads: 32 MB of the one-folder app's 306 were ICU's data library.

Qt links ICU for four things only (the ICU symbols its libraries import): case mapping,
collation (QCollator), time zone names and ids (QTimeZone) and legacy text codecs
(QStringConverter). The data library also carries everything ICU's own formatting and text
APIs need: unit, currency, language and region names, spelled-out numbers, transliteration,
line-break dictionaries, and the locale data of some 800 locales. What stays: every item of
the four (all collations, all converters, case and normalisation tables), and the locale data
and zone names of the root locale and the window's languages; another locale's zone name falls
back to English, as ICU does for a locale it lacks.

ICU's own `icupkg` removes the items (it refuses a list that leaves an item without one it
depends on); the data goes back into a library under its symbol (`icudt<N>_dat`), assembled by
gcc. Without either tool, or if any step fails, the library ships as it was (and the build
says why). Linux only; used by voice-assistant.spec.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from collections.abc import Sequence
from pathlib import Path

from strip_checked import (  # packaging/ is on the path
    cache_key,
    dynamic_symbols,
    load_segments,
)
from toc_pass import Toc, replace_each

LIBRARY = re.compile(r"libicudata\.so\.(\d+)$")
UNUSED_TREES = ("unit", "curr", "lang", "region", "rbnf", "translit", "brkitr")
LOCALE_ITEM = re.compile(r"([a-z]{2,3})(_[A-Za-z0-9]+)*\.res")
KEPT = ("root.res", "res_index.res")          # named like locales; every tree's fallback, index
ASSEMBLY = """\
    .section .rodata
    .globl {symbol}
    .type {symbol}, @object
    .balign 16
{symbol}:
    .incbin "{data}"
    .size {symbol}, . - {symbol}
    .section .note.GNU-stack,"",@progbits
"""


def unused(item: str, languages: Sequence[str]) -> bool:
    """Whether Qt never reads this item of ICU's data ("coll/de.res", "zone/fr.res", ...)."""
    tree, _, name = item.rpartition("/")
    if tree in UNUSED_TREES:
        return True
    locale = LOCALE_ITEM.fullmatch(name)
    return (tree in ("", "zone") and locale is not None
            and name not in KEPT and locale.group(1) not in languages)


def embedded_data(library: Path, symbol: str) -> bytes:
    """The bytes of `symbol` in the library: its address and size from nm, the file offset from
    the load segment that holds it."""
    found = next(((s.address, s.size) for s in dynamic_symbols(library)
                  if s.name == symbol and s.size is not None), None)
    if found is None:
        raise ValueError(f"{library.name} defines no {symbol}")
    address, size = found
    data = library.read_bytes()
    for offset, vaddr, filesz, _align in load_segments(data):
        if vaddr <= address and address + size <= vaddr + filesz:
            start = offset + address - vaddr
            return data[start:start + size]
    raise ValueError(f"{symbol} is in no load segment of {library}")


def trimmed(source: str, cache: Path, languages: Sequence[str]) -> tuple[str, int]:
    """A library with only the items Qt reads, if the tools are here; and the bytes saved."""
    original = Path(source)
    version = LIBRARY.search(original.name)
    if version is None or not all(shutil.which(tool) for tool in ("icupkg", "gcc", "nm")):
        return source, 0
    digest = cache_key(original, __file__, ",".join(languages).encode())
    target = cache / digest / original.name
    if not target.exists():
        work = cache / digest / "work"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        try:
            build(original, version.group(1), work, languages)
        except (OSError, ValueError, struct.error, subprocess.CalledProcessError) as exc:
            print(f"icu_trimmed: {original.name} ships whole ({exc})")
            return source, 0
        (work / original.name).replace(target)
    saved = original.stat().st_size - target.stat().st_size
    return (str(target), saved) if saved > 0 else (source, 0)


def build(original: Path, version: str, work: Path, languages: Sequence[str]) -> None:
    """The package's items listed, the unused removed, the rest assembled into a library."""
    package = f"icudt{version}l"                 # icupkg names the items after the file
    full, kept = work / f"{package}.dat", work / "kept" / f"{package}.dat"
    full.write_bytes(embedded_data(original, f"icudt{version}_dat"))
    items = subprocess.run(["icupkg", "-l", str(full)], capture_output=True, text=True,
                           check=True).stdout.split()
    (work / "remove.txt").write_text("\n".join(i for i in items if unused(i, languages)) + "\n")
    kept.parent.mkdir()
    subprocess.run(["icupkg", "-r", str(work / "remove.txt"), str(full), str(kept)],
                   check=True, capture_output=True)
    symbol = f"icudt{version}_dat"
    (work / "data.S").write_text(ASSEMBLY.format(symbol=symbol, data=kept))
    subprocess.run(["gcc", "-shared", "-nostdlib", f"-Wl,-soname,{original.name}",
                    "-o", str(work / original.name), str(work / "data.S")], check=True)


def trim_all(binaries: Toc, cache: Path, languages: Sequence[str]) -> Toc:
    """The TOC with ICU's data library replaced by the trimmed one; prints the bytes saved."""
    return replace_each(binaries, lambda source: trimmed(source, cache, languages),
                        "icu_trimmed: {mb} MB of ICU data Qt never reads removed")
