"""The keyring's own process: `voice-assistant --keyring-helper`, the only importer of keyring.

Why a process of its own: asking the OS keyring loads keyring, its entry-point discovery and
every backend it tries, and on Linux the Secret Service's client with cryptography's OpenSSL
(11.5 MB of the app's peak RSS with the key in gnome-keyring, measured in the conversation
bench). The app asks a few times a run (at start, and when a key is saved or removed); this
process answers one request and exits, and gives that memory back.

One JSON request on stdin, one JSON answer on stdout (the secret never goes on the command
line, where other users' `ps` can read it). What a backend prints goes to stderr, which the app
does not keep.
"""

from __future__ import annotations

import json
import sys
from typing import IO, Any


def _backend() -> tuple[Any, bool, str]:
    import keyring
    from keyring.backends import fail

    backend = keyring.get_keyring()
    usable = not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 1) > 0
    return backend, usable, f"{type(backend).__module__}.{type(backend).__name__}"


def answer(request: dict[str, Any]) -> dict[str, Any]:
    """What one request asks of the keyring: ops `status`, `get`, `set` and `delete`."""
    import keyring.errors

    backend, usable, name = _backend()
    reply: dict[str, Any] = {"available": usable, "backend": name}
    op, service, account = request.get("op"), request.get("service"), request.get("account")
    if op == "status" or not usable:
        return reply
    if not isinstance(service, str) or not isinstance(account, str):
        return {**reply, "error": "the request names no service and account"}
    try:
        if op == "get":
            reply["value"] = backend.get_password(service, account)
        elif op == "set" and isinstance(request.get("secret"), str):
            backend.set_password(service, account, request["secret"])
        elif op == "delete":
            try:
                backend.delete_password(service, account)
                reply["deleted"] = True
            except keyring.errors.PasswordDeleteError:
                reply["deleted"] = False
        else:
            reply["error"] = f"unknown request {op!r}"
    except keyring.errors.KeyringError as exc:
        reply["error"] = str(exc) or type(exc).__name__
    return reply


def serve(stdin: IO[str] | None = None, stdout: IO[str] | None = None) -> int:
    """Answer the one request on stdin. A backend that prints does so to stderr."""
    source, out = stdin or sys.stdin, stdout or sys.stdout
    sys.stdout = sys.stderr
    try:
        request = json.loads(source.read())
        if not isinstance(request, dict):
            raise ValueError("not an object")
    except ValueError as exc:
        reply: dict[str, Any] = {"error": f"the request is not JSON: {exc}"}
    else:
        reply = answer(request)
    out.write(json.dumps(reply) + "\n")
    out.flush()
    return 0
