"""Looks for an API key in files, as itself and in the disguises a leak takes."""

from __future__ import annotations

import base64
from pathlib import Path


def disguises(key: str) -> dict[str, bytes]:
    raw = key.encode()
    return {"plain": raw, "reversed": raw[::-1],
            "base64": base64.b64encode(raw).rstrip(b"="),
            "base64url": base64.urlsafe_b64encode(raw).rstrip(b"="),
            "utf-16": key.encode("utf-16-le"), "hex": raw.hex().encode()}


def leaks(key: str, root: Path) -> list[str]:
    """Every (file, disguise) under `root` where the key (or its middle part) appears."""
    middle = key[len(key) // 4: -len(key) // 4] or key     # a masked or cut key still leaks
    found = []
    forms = {**disguises(key), **{f"part/{k}": v for k, v in disguises(middle).items()}}
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        data = path.read_bytes()
        found += [f"{path.relative_to(root)}: {name}" for name, form in forms.items()
                  if form in data]
    return found
