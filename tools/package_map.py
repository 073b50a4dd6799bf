"""The README's map of the packages, made from the source: which package imports which.

    python tools/package_map.py           # print the Mermaid graph
    python tools/package_map.py --write   # put it into README.md, between the markers

tests/test_architecture.py checks that the README's copy is the one this makes now.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "assistant"
START, END = "<!-- package-map: made by tools/package_map.py -->", "<!-- /package-map -->"
ORDER = ("shell", "ui", "app", "desktop", "realtime", "audio", "tools", "local_mcp", "store",
         "pictures", "updates", "sim", "token_server")


def package_of(path: Path) -> str | None:
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else None


def imported_packages(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module] if isinstance(node, ast.ImportFrom) and node.module and \
            node.level == 0 else []
        for name in names:
            parts = name.split(".")
            if parts[0] == "assistant" and len(parts) > 1 and parts[1] in ORDER:
                found.add(parts[1])
    return found


def edges() -> set[tuple[str, str]]:
    found = set()
    for path in PACKAGE.rglob("*.py"):
        source = package_of(path)
        if source is not None:
            found |= {(source, target) for target in imported_packages(path) if target != source}
    return found


def mermaid() -> str:
    lines = ["```mermaid", "flowchart TD"]
    lines += [f"    {a} --> {b}" for a, b in sorted(edges(), key=lambda e: (
        ORDER.index(e[0]), ORDER.index(e[1])))]
    lines.append("```")
    return "\n".join(lines)


def block() -> str:
    return f"{START}\n{mermaid()}\n{END}"


def readme_block(text: str) -> str:
    return text[text.index(START):text.index(END) + len(END)]


if __name__ == "__main__":
    if "--write" in sys.argv:
        readme = ROOT / "README.md"
        text = readme.read_text()
        readme.write_text(text.replace(readme_block(text), block()))
    else:
        print(mermaid())
