"""`python -m assistant.token_server` (also `assistant-token-server`): run next to the
organisation's standard key, which comes from the environment (OPENAI_API_KEY), never the
command line (other users can read a process's arguments)."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

from aiohttp import web

from assistant.token_server.app import PATH, Config, make_app
from assistant.token_server.callers import Gate, networks

KEY_VARIABLE = "OPENAI_API_KEY"
TOKEN_VARIABLE = "TOKEN_SERVER_SHARED_TOKEN"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="assistant-token-server",
        description=f"Hands out Realtime client secrets at POST {PATH}. The standard key is "
                    f"read from ${KEY_VARIABLE}; a shared token for callers, if any, from "
                    f"${TOKEN_VARIABLE}.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8787)
    parser.add_argument("--upstream", default="https://api.openai.com/v1",
                        help="the Realtime API's base URL")
    parser.add_argument("--session", type=Path, metavar="FILE",
                        help="JSON: the session every secret is minted for (model, voice, "
                             "instructions, tools)")
    parser.add_argument("--ttl", type=int, default=600, help="each secret's life in seconds "
                                                            "(10-7200)")
    parser.add_argument("--allow", action="append", default=[], metavar="NETWORK",
                        help="an address or network that may ask (repeatable; none: any)")
    parser.add_argument("--caller-header", default="Authorization",
                        help="the header that carries the shared token")
    parser.add_argument("--per-minute", type=int, default=30,
                        help="secrets each caller may have per minute")
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser.parse_args(argv)


def config_from(args: argparse.Namespace, environ: dict[str, str]) -> Config:
    """ValueError with a sentence for anything that would not work."""
    key = environ.get(KEY_VARIABLE, "").strip()
    if not key:
        raise ValueError(f"set {KEY_VARIABLE} to the organisation's standard API key")
    if not 10 <= args.ttl <= 7200:
        raise ValueError("--ttl must be from 10 to 7200 seconds")
    if args.per_minute < 1:
        raise ValueError("--per-minute must be at least 1")
    return Config(upstream=args.upstream, api_key=key, session=load_session(args.session),
                  ttl_s=args.ttl, per_minute=args.per_minute,
                  gate=Gate(networks(args.allow), environ.get(TOKEN_VARIABLE) or None,
                            args.caller_header))


def load_session(path: Path | None) -> dict[str, Any]:
    if path is None:
        return {"type": "realtime"}
    try:
        session = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"cannot read {path}: {exc.strerror}") from None
    except ValueError as exc:
        raise ValueError(f"{path} is not JSON: {exc}") from None
    if not isinstance(session, dict):
        raise ValueError(f"{path} must hold a JSON object (the session)")
    return {"type": "realtime", **session}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(message)s", stream=sys.stderr)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)
    try:
        config = config_from(args, dict(os.environ))
    except ValueError as exc:
        print(f"assistant-token-server: {exc}", file=sys.stderr)
        return 2
    print(f"listening http://{args.host}:{args.port}{PATH}", flush=True)
    web.run_app(make_app(config), host=args.host, port=args.port, access_log=None,
                print=None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
