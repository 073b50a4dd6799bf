"""The window's translations: catalogues (.ts) made by pyside6-lupdate from the source, compiled
to .qm by pyside6-lrelease.

    python packaging/i18n.py update    # after changing user-visible strings
    python packaging/i18n.py compile   # what dev.sh and the build run

English has a catalogue too, for its plural forms only ("1 tool", "2 tools").
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
LANGUAGES = ("de", "en")


def tool(name: str) -> str:
    """pyside6-lupdate / -lrelease beside this Python (the venv's), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6-Essentials (bash dev.sh does)")
    return found


def catalogue(language: str) -> Path:
    return FOLDER / f"voice-assistant_{language}.ts"


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "assistant").rglob("*.py")
                  if "sim" not in p.relative_to(ROOT / "assistant").parts)


def update(target: Path | None = None, language: str = "de") -> Path:
    """Bring `language`'s catalogue (or a copy of it at `target`) up to date with the source."""
    path = target or catalogue(language)
    if target is not None and catalogue(language).exists():
        shutil.copyfile(catalogue(language), target)
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                    "-target-language", language, *sources(), "-ts", str(path)],
                   cwd=ROOT, check=True, capture_output=True)
    return path


def compile_all(out: Path = FOLDER) -> list[Path]:
    """Each catalogue as a .qm in `out` (only when the .ts is newer)."""
    out.mkdir(parents=True, exist_ok=True)
    made = []
    for language in LANGUAGES:
        source, target = catalogue(language), out / f"voice-assistant_{language}.qm"
        if not target.exists() or target.stat().st_mtime < source.stat().st_mtime:
            subprocess.run([tool("pyside6-lrelease"), "-silent", str(source), "-qm",
                            str(target)], check=True)
        made.append(target)
    return made


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "compile"
    if command == "update":
        for each in LANGUAGES:
            print(update(language=each))
    elif command == "compile":
        for made in compile_all():
            print(made)
    else:
        raise SystemExit("usage: python packaging/i18n.py update|compile")
