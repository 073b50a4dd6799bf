"""`assistant-token-server` (also `python -m assistant.token_server`): run next to the
organisation's standard key, which comes from the environment (OPENAI_API_KEY), never the command
line (other users can read a process's arguments).

It will not start in a way that hands secrets to anyone who reaches it: it needs a way to know
who asks (`--tokens`, `--oidc-issuer`) unless it listens on loopback only with `--no-auth`, and
TLS (`--certfile`/`--keyfile`) unless on loopback or told `--insecure-http` (a proxy in front
doing TLS). Many workers: `gunicorn 'assistant.token_server.__main__:create_app()'
--worker-class aiohttp.GunicornWebWorker`, with these options in $TOKEN_SERVER_OPTIONS.
"""

from __future__ import annotations

import argparse
import logging
import os
import shlex
import ssl
import sys
from pathlib import Path

from aiohttp import web

from assistant.token_server.app import PATH, Config, make_app
from assistant.token_server.audit import Audit
from assistant.token_server.identity import Authenticator, OidcVerifier, PersonTokens
from assistant.token_server.limits import Limiter, RateLimit, RedisRateLimit
from assistant.token_server.origins import LOOPBACK_NAMES, Origins, is_loopback, networks
from assistant.token_server.policy import load_policy

KEY_VARIABLE = "OPENAI_API_KEY"
OPTIONS_VARIABLE = "TOKEN_SERVER_OPTIONS"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="assistant-token-server",
        description=f"Hands out Realtime client secrets at POST {PATH} (and its translations/ "
                    f"twin). The standard key is read from ${KEY_VARIABLE}.")
    listen = parser.add_argument_group("listening")
    listen.add_argument("--host", default="127.0.0.1")
    listen.add_argument("--port", type=int, default=8787)
    listen.add_argument("--certfile", type=Path, help="TLS certificate chain (PEM)")
    listen.add_argument("--keyfile", type=Path, help="TLS private key (PEM)")
    listen.add_argument("--insecure-http", action="store_true",
                        help="plain HTTP on a non-loopback address (only behind a TLS proxy)")
    who = parser.add_argument_group("who may ask")
    who.add_argument("--tokens", type=Path, metavar="FILE",
                     help="people's tokens: NAME SHA256-HEX [GROUPS] a line; reread on change")
    who.add_argument("--oidc-issuer", metavar="URL", help="accept this issuer's bearer JWTs")
    who.add_argument("--oidc-audience", metavar="AUD", help="the audience they must name")
    who.add_argument("--oidc-jwks-url", metavar="URL", default="",
                     help="its keys (default: from the issuer's openid-configuration)")
    who.add_argument("--oidc-groups-claim", default="groups")
    who.add_argument("--no-auth", action="store_true",
                     help="let anyone on this machine ask (loopback only)")
    where = parser.add_argument_group("where requests may come from")
    where.add_argument("--allow", action="append", default=[], metavar="NETWORK",
                       help="an address or network that may ask (repeatable; none: any)")
    where.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                       help="a name this server answers to in the Host header (repeatable; "
                            "loopback names always)")
    where.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                       help="a web origin allowed to ask from a browser (repeatable)")
    where.add_argument("--trusted-proxy", action="append", default=[], metavar="NETWORK",
                       help="a proxy whose X-Forwarded-For is believed (repeatable)")
    what = parser.add_argument_group("what is minted")
    what.add_argument("--upstream", default="https://api.openai.com/v1",
                      help="the Realtime API's base URL")
    what.add_argument("--policy", type=Path, metavar="FILE",
                      help="JSON: each kind of session, its fixed fields, per group and person")
    what.add_argument("--ttl", type=int, default=600, help="each secret's life, 10-7200 s")
    what.add_argument("--per-minute", type=int, default=30,
                      help="requests each address may make per minute (refused ones count)")
    what.add_argument("--redis", metavar="URL", help="share the rate limits through Redis")
    what.add_argument("--audit", type=Path, metavar="FILE",
                      help="append one JSON line per request here (default: the log)")
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser.parse_args(argv)


def config_from(args: argparse.Namespace, environ: dict[str, str]) -> Config:
    """ValueError with a sentence for anything that would not work, or not be safe."""
    key = environ.get(KEY_VARIABLE, "").strip()
    if not key:
        raise ValueError(f"set {KEY_VARIABLE} to the organisation's standard API key")
    if not 10 <= args.ttl <= 7200:
        raise ValueError("--ttl must be from 10 to 7200 seconds")
    if args.per_minute < 1:
        raise ValueError("--per-minute must be at least 1")
    auth, tls = _authenticator(args), _tls(args)
    if not auth.configured and not (args.no_auth and is_loopback(args.host)):
        raise ValueError("no way to know who asks: give --tokens FILE or --oidc-issuer URL "
                         "(--no-auth is for a server on loopback only)")
    if not is_loopback(args.host) and not tls and not args.insecure_http:
        raise ValueError(f"{args.host} is not loopback: serve TLS (--certfile, --keyfile), or "
                         "put a TLS proxy in front and say --insecure-http")
    hosts = (*LOOPBACK_NAMES, *args.allowed_host,
             *([args.host] if args.host not in ("0.0.0.0", "::") else []))
    limiter: Limiter = RedisRateLimit(args.per_minute, args.redis) if args.redis \
        else RateLimit(args.per_minute)
    return Config(upstream=args.upstream, api_key=key, auth=auth,
                  policy=load_policy(args.policy), ttl_s=args.ttl, limiter=limiter,
                  origins=Origins(networks(args.allow), hosts, tuple(args.cors_origin),
                                  networks(args.trusted_proxy)),
                  audit=Audit(args.audit), tls=tls)


def _authenticator(args: argparse.Namespace) -> Authenticator:
    if args.oidc_issuer and not args.oidc_audience:
        raise ValueError("--oidc-issuer needs --oidc-audience (the audience its tokens name)")
    oidc = OidcVerifier(args.oidc_issuer, args.oidc_audience, args.oidc_jwks_url,
                        args.oidc_groups_claim) if args.oidc_issuer else None
    return Authenticator(PersonTokens(args.tokens) if args.tokens else None, oidc)


def _tls(args: argparse.Namespace) -> ssl.SSLContext | None:
    if not args.certfile and not args.keyfile:
        return None
    if not (args.certfile and args.keyfile):
        raise ValueError("TLS needs both --certfile and --keyfile")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    try:
        context.load_cert_chain(args.certfile, args.keyfile)
    except (OSError, ssl.SSLError) as exc:
        raise ValueError(f"cannot load the certificate or key: {exc}") from None
    return context


def create_app() -> web.Application:
    """For gunicorn's aiohttp worker: the options come from $TOKEN_SERVER_OPTIONS (the bind
    and TLS are gunicorn's, so its --bind should be loopback behind the TLS proxy)."""
    args = parse_args(shlex.split(os.environ.get(OPTIONS_VARIABLE, "")))
    _log_setup(args.verbose)
    return make_app(config_from(args, dict(os.environ)))


def _log_setup(verbose: bool) -> None:
    logging.basicConfig(level=logging.DEBUG if verbose else logging.INFO,
                        format="%(asctime)s %(levelname)s %(message)s", stream=sys.stderr)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    _log_setup(args.verbose)
    try:
        config = config_from(args, dict(os.environ))
    except ValueError as exc:
        print(f"assistant-token-server: {exc}", file=sys.stderr)
        return 2
    scheme = "https" if config.tls else "http"
    if not is_loopback(args.host) and not args.allowed_host:
        logging.warning("no --allowed-host: only requests naming this machine's loopback or "
                        "%s in their Host header are answered", args.host)
    print(f"listening {scheme}://{args.host}:{args.port}{PATH}", flush=True)
    web.run_app(make_app(config), host=args.host, port=args.port, access_log=None,
                print=None, ssl_context=config.tls)
    return 0


if __name__ == "__main__":
    sys.exit(main())
