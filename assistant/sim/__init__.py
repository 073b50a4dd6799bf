"""An embedded Realtime-protocol server: the offline demo backend and the peer of every test."""

from assistant.sim.server import SimServer

__all__ = ["SimServer"]
