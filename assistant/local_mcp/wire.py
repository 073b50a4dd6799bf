"""What a local MCP server's tools look like to the model, and what their results read as.

Names: `SERVER__TOOL`, made to fit the Realtime API's function names (letters, digits, `_` and
`-`, at most 64); a name cut or changed gets a short hash so two tools never meet. Schemas: the
API wants an object with properties, no top-level combinators and no `$ref`, so local `$defs`
are inlined. Results: text passes on, structured content as JSON, images and audio are
described (the function output is text), and output beyond the server's cap is cut with a note
the model reads.
"""

from __future__ import annotations

import base64
import binascii
import copy
import hashlib
import json
import re
from collections.abc import Iterable
from typing import Any

MAX_NAME = 64
_BAD = re.compile(r"[^A-Za-z0-9_-]")
_TOP_LEVEL_DROPPED = ("$schema", "$id", "$defs", "definitions", "oneOf", "anyOf", "allOf",
                      "not", "title")


def wire_name(server: str, tool: str) -> str:
    """`server__tool` as the API allows it; stable, so grants and switches keep working."""
    wanted = f"{server}__{tool}"
    name = _BAD.sub("_", wanted)
    if name == wanted and len(name) <= MAX_NAME:
        return name
    digest = hashlib.sha1(wanted.encode()).hexdigest()[:8]
    return f"{name[:MAX_NAME - 9]}_{digest}"


def parameters(schema: Any) -> dict[str, Any]:
    """A tool's input schema as the API accepts it."""
    if not isinstance(schema, dict):
        return {"type": "object", "properties": {}}
    defs = {**schema.get("definitions", {}), **schema.get("$defs", {})}
    adapted: dict[str, Any] = _inline(copy.deepcopy(schema), defs, 0)
    for key in _TOP_LEVEL_DROPPED:
        adapted.pop(key, None)
    adapted["type"] = "object"
    if not isinstance(adapted.get("properties"), dict):
        adapted["properties"] = {}
    return adapted


def _inline(node: Any, defs: dict[str, Any], depth: int) -> Any:
    if isinstance(node, list):
        return [_inline(item, defs, depth) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str):
        target = defs.get(ref.rsplit("/", 1)[-1]) if ref.startswith("#/") else None
        if target is None or depth > 8:           # remote or recursive: any value will do
            return {k: v for k, v in node.items() if k != "$ref"} or {}
        return _inline({**target, **{k: v for k, v in node.items() if k != "$ref"}}, defs,
                       depth + 1)
    return {key: _inline(value, defs, depth) for key, value in node.items()
            if key not in ("$defs", "definitions")}


def result_text(content: Iterable[Any], structured: Any, limit: int) -> str:
    """One text for the model: the content's parts in order, then the structured value."""
    parts = [_part(item) for item in content]
    if structured is not None and not _said(structured, parts):
        parts.append(json.dumps(structured, ensure_ascii=False))
    return capped("\n".join(p for p in parts if p) or "(no output)", limit)


def _said(structured: Any, parts: list[str]) -> bool:
    """The structured value repeats the text (SDK servers wrap a plain return as {"result": x})."""
    if isinstance(structured, dict) and set(structured) == {"result"}:
        structured = structured["result"]
    shown = structured if isinstance(structured, str) else json.dumps(structured,
                                                                      ensure_ascii=False)
    return shown in parts or any(_same_json(shown, part) for part in parts)


def _same_json(a: str, b: str) -> bool:
    try:
        return bool(json.loads(a) == json.loads(b))
    except (ValueError, RecursionError):
        return False


def capped(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return (text[:limit] + f"\n[cut: the tool returned {len(text):,} characters; only the first "
            f"{limit:,} are shown]")


def _part(item: Any) -> str:
    kind = getattr(item, "type", "")
    if kind == "text":
        return str(item.text)
    if kind in ("image", "audio"):
        return f"[{kind}: {item.mime_type}, {_size(item.data)}; the model cannot see it here]"
    if kind == "resource_link":
        return f"[resource: {item.uri}{' - ' + item.name if item.name else ''}]"
    if kind == "resource":
        resource = item.resource
        text = getattr(resource, "text", None)
        return str(text) if text is not None else f"[resource: {resource.uri}, binary]"
    return f"[{kind or 'unknown'} content]"


def _size(data: str) -> str:
    try:
        size = len(base64.b64decode(data, validate=False))
    except (binascii.Error, ValueError):
        size = len(data)
    return f"{size / 1024:.0f} KB" if size >= 1024 else f"{size} bytes"
