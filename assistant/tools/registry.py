"""The tools the model may call: a Python function, its JSON schema and whether it acts.

A tool's function takes the parsed arguments and returns the text the model reads. It runs on a
worker thread (`runner`), so it may block; it must not touch Qt (desktop tools are handed a
`HostServices` that makes the hop to the GUI thread).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from assistant.tools.consent import Grant

ToolFunction = Callable[[dict[str, Any]], str | dict[str, Any]]   # JSON text, or a dict


class ToolError(Exception):
    """A failure the model should read (a bad time zone, a refused URL), not a crash."""


@dataclass(frozen=True)
class Tool:
    name: str
    description: str
    run: ToolFunction
    parameters: dict[str, Any] = field(
        default_factory=lambda: {"type": "object", "properties": {}, "required": []})
    side_effects: bool = False       # acts on the desktop or reads private data: ask first
    timeout_s: float = 10.0
    title: str = ""                  # what the settings list calls it
    grant: Grant | None = None       # what "always allow" keeps, when not just its name

    def to_wire(self) -> dict[str, Any]:
        return {"type": "function", "name": self.name, "description": self.description,
                "parameters": self.parameters}


class ToolRegistry:
    """Every tool the app knows, by name; the user's settings choose which are declared."""

    def __init__(self, tools: Iterable[Tool] = ()) -> None:
        self._tools: dict[str, Tool] = {}
        for tool in tools:
            self.add(tool)

    def add(self, tool: Tool) -> None:
        self._tools[tool.name] = tool

    def remove(self, name: str) -> None:
        self._tools.pop(name, None)

    def get(self, name: str) -> Tool | None:
        return self._tools.get(name)

    def all(self) -> list[Tool]:
        return list(self._tools.values())

    def enabled(self, disabled: Iterable[str]) -> list[Tool]:
        off = set(disabled)
        return [tool for tool in self._tools.values() if tool.name not in off]
