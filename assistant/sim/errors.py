"""The embedded server's request error: becomes an `error` event; the socket stays open."""

from __future__ import annotations


class RequestError(Exception):
    def __init__(self, message: str, code: str | None = None, param: str | None = None) -> None:
        super().__init__(message)
        self.code, self.param = code, param
