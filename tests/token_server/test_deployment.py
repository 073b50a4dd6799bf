"""What an administrator deploys: people signed in with the organisation's identity provider
(OpenID Connect JWTs checked against a local JWKS), groups with their own policy, a server that
will not start open to the network, TLS, rate limits shared by workers through Redis, and the
production command (gunicorn with aiohttp's worker)."""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import jwt
import pytest
from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from assistant.errors import TokenServerRefused
from assistant.realtime.client_secret import fetch_client_secret
from assistant.sim import SimServer
from assistant.token_server.__main__ import config_from, parse_args
from assistant.token_server.app import Config
from assistant.token_server.identity import Authenticator, OidcVerifier, PersonTokens
from assistant.token_server.limits import RedisRateLimit
from assistant.token_server.policy import load_policy
from tests.token_rig import TokenServer, people_file, policy_file

KEY = "sk-org-standard-key-0123456789"
ENV = {"OPENAI_API_KEY": KEY}
AUDIENCE = "voice-assistant"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def upstream():
    async with SimServer(api_key=KEY) as server:
        yield server


@pytest.fixture
async def issuer():
    """A local identity provider: its openid-configuration, its JWKS, and a way to sign."""
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(private.public_key()))
    app = web.Application()
    runner = web.AppRunner(app)
    base: list[str] = []

    async def configuration(_request: web.Request) -> web.Response:
        return web.json_response({"issuer": base[0], "jwks_uri": base[0] + "/jwks"})

    async def keys(_request: web.Request) -> web.Response:
        return web.json_response({"keys": [{**jwk, "kid": "k1", "alg": "RS256", "use": "sig"}]})

    app.router.add_get("/.well-known/openid-configuration", configuration)
    app.router.add_get("/jwks", keys)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    base.append(f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}")  # type: ignore[union-attr]

    def sign(**claims: object) -> str:
        now = int(time.time())
        body = {"iss": base[0], "aud": AUDIENCE, "sub": "u-1", "iat": now, "exp": now + 300,
                **claims}
        return jwt.encode(body, private, "RS256", headers={"kid": "k1"})

    yield base[0], sign
    await runner.cleanup()


async def test_a_signed_in_person_gets_their_groups_policy_and_a_bad_jwt_is_refused(
        upstream, issuer, tmp_path):
    url, sign = issuer
    policy = load_policy(policy_file(tmp_path, {
        "realtime": {"session": {"instructions": "General."}},
        "groups": {"support": {"realtime": {"session": {"instructions": "Support desk."},
                                            "fixed": ["instructions"]}}}}))
    config = Config(upstream.http_url, KEY, auth=Authenticator(oidc=OidcVerifier(url, AUDIENCE)),
                    policy=policy)
    async with TokenServer(config) as tokens:
        bearer = sign(preferred_username="carol", groups=["support"])
        secret = await fetch_client_secret(tokens.url, {"Authorization": f"Bearer {bearer}"})
        assert secret.session["instructions"] == "Support desk." and "instructions" in \
            secret.fixed
        plain = await fetch_client_secret(tokens.url, {"Authorization": f"Bearer {sign()}"})
        assert plain.session["instructions"] == "General." and not plain.fixed
        for bad in (sign(exp=int(time.time()) - 10), sign(aud="another-app"),
                    sign(iss="https://elsewhere.example"), bearer[:-4] + "AAAA"):
            with pytest.raises(TokenServerRefused, match="HTTP 401"):
                await fetch_client_secret(tokens.url, {"Authorization": f"Bearer {bad}"})


def test_the_server_will_not_start_open_to_the_network(tmp_path):
    people = people_file(tmp_path, {"ada": "t"})
    with pytest.raises(ValueError, match="no way to know who asks"):
        config_from(parse_args([]), ENV)
    with pytest.raises(ValueError, match="loopback only"):
        config_from(parse_args(["--host", "0.0.0.0", "--no-auth", "--insecure-http"]), ENV)
    assert config_from(parse_args(["--no-auth"]), ENV).auth.configured is False
    with pytest.raises(ValueError, match="not loopback: serve TLS"):
        config_from(parse_args(["--host", "0.0.0.0", "--tokens", str(people)]), ENV)
    behind_proxy = config_from(parse_args(["--host", "0.0.0.0", "--tokens", str(people),
                                           "--insecure-http", "--allowed-host", "t.example"]),
                               ENV)
    assert "t.example" in behind_proxy.origins.hosts and KEY not in repr(behind_proxy)
    with pytest.raises(ValueError, match="OPENAI_API_KEY"):
        config_from(parse_args(["--no-auth"]), {})
    for text, words in (("{not json", "not JSON"), ('{"realtime": {"fixed": ["colour"]}}',
                                                    "cannot fix colour"),
                        ('{"everyone": {}}', "unknown keys")):
        (tmp_path / "policy.json").write_text(text)
        with pytest.raises(ValueError, match=words):
            config_from(parse_args(["--no-auth", "--policy", str(tmp_path / "policy.json")]),
                        ENV)
    (tmp_path / "tokens").write_text("ada not-a-hash\n")
    with pytest.raises(ValueError, match="line 1"):
        config_from(parse_args(["--tokens", str(tmp_path / "tokens")]), ENV)


def self_signed(folder: Path) -> tuple[Path, Path]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .sign(key, hashes.SHA256()))
    (folder / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "key.pem").write_bytes(key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption()))
    return folder / "cert.pem", folder / "key.pem"


async def test_tls_is_served_with_the_given_certificate(upstream, tmp_path):
    import ssl

    cert, key = self_signed(tmp_path)
    args = parse_args(["--host", "0.0.0.0", "--no-auth", "--certfile", str(cert),
                       "--keyfile", str(key), "--upstream", upstream.http_url])
    with pytest.raises(ValueError, match="loopback only"):        # TLS is not who asks
        config_from(args, ENV)
    people = people_file(tmp_path, {"ada": "ada-token"})
    args = parse_args(["--host", "0.0.0.0", "--tokens", str(people), "--certfile", str(cert),
                       "--keyfile", str(key), "--upstream", upstream.http_url])
    config = config_from(args, ENV)
    async with TokenServer(config, ssl_context=config.tls) as tokens:
        trust = ssl.create_default_context(cafile=str(cert))
        async with aiohttp.ClientSession() as http, http.post(
                tokens.url, json={}, ssl=trust,
                headers={"Authorization": "Bearer ada-token"}) as response:
            assert response.status == 200 and (await response.json())["value"].startswith("ek_")


@pytest.fixture
def redis_url(tmp_path):
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed (Debian: apt-get install redis-server)")
    port = free_port()
    server = subprocess.Popen(["redis-server", "--port", str(port), "--save", "",
                               "--appendonly", "no", "--dir", str(tmp_path)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    server.terminate()
    server.wait(5)


async def test_two_workers_share_one_rate_limit_through_redis(upstream, redis_url, tmp_path):
    people = people_file(tmp_path, {"ada": "ada-token"})
    auth = {"Authorization": "Bearer ada-token"}

    def worker() -> Config:
        return Config(upstream.http_url, KEY, auth=Authenticator(PersonTokens(people)),
                      limiter=RedisRateLimit(4, redis_url))

    async with TokenServer(worker()) as first, TokenServer(worker()) as second:
        statuses = []
        for url in (first.url, second.url) * 3:
            async with aiohttp.ClientSession() as http, \
                    http.post(url, json={}, headers=auth) as response:
                statuses.append(response.status)
    assert statuses == [200, 200, 200, 200, 429, 429]        # 4 a minute, across both


async def test_the_production_command_runs_workers_that_mint(upstream, tmp_path):
    people = people_file(tmp_path, {"ada": "ada-token"})
    port = free_port()
    env = {**os.environ, **ENV, "TOKEN_SERVER_OPTIONS":
           f"--tokens {people} --upstream {upstream.http_url} --audit {tmp_path / 'audit'}"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "assistant.token_server.__main__:create_app()",
         "--worker-class", "aiohttp.GunicornWebWorker", "--workers", "2",
         "--bind", f"127.0.0.1:{port}"], env=env, stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        async with aiohttp.ClientSession() as http:
            deadline = time.monotonic() + 20
            while True:
                try:
                    async with http.get(base + "/healthz") as health:
                        if health.status == 200:
                            break
                except aiohttp.ClientError:
                    pass
                assert time.monotonic() < deadline and server.poll() is None, \
                    server.stdout.read().decode() if server.poll() is not None else "no answer"
                await asyncio.sleep(0.1)
            secret = await fetch_client_secret(base + "/v1/realtime/client_secrets",
                                               {"Authorization": "Bearer ada-token"})
        assert secret.value.startswith("ek_")
        assert json.loads((tmp_path / "audit").read_text().splitlines()[0])["who"] == "ada"
    finally:
        server.terminate()
        server.wait(10)
