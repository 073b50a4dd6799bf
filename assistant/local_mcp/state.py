"""What the app is told of a server, and the error a call raises: free of the SDK, so the window
can show them without loading it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

Phase = Literal["starting", "ready", "restarting", "failed", "stopped", "disabled"]
SecretLookup = Callable[[str], "str | None"]        # a keyring entry's value, by name


class CallFailed(Exception):
    """What the model reads when a call could not give a result."""


@dataclass(frozen=True)
class ToolInfo:
    name: str
    description: str
    schema: dict[str, Any]


@dataclass(frozen=True)
class ServerState:
    name: str
    phase: Phase
    detail: str = ""                     # why it failed or is restarting
    tools: tuple[ToolInfo, ...] = ()
