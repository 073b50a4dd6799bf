"""The embedded Realtime-protocol server (offline demo and test peer). See README.md.

`SimServer` is imported on first use: the app takes constants from this package at start
(`sim.mcp`'s demo address) and must not pay for the server's HTTP stack until the demo runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from assistant.sim.server import SimServer

__all__ = ["SimServer"]


def __getattr__(name: str) -> object:
    if name == "SimServer":
        from assistant.sim.server import SimServer

        return SimServer
    raise AttributeError(f"module 'assistant.sim' has no attribute {name!r}")
