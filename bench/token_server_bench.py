"""How many client secrets the token server mints per second, and how fast, by worker count.

The production command (gunicorn with aiohttp's worker, `create_app()`) runs with 1, 2 and 4
workers against a local fake upstream (another process that answers every mint at once, so the
token server is what is measured). Each request is a real one: a person's bearer token checked
against the tokens file, the Host and content type checked, the rate limit taken, the policy read,
the upstream asked, an audit line appended. Load comes from two client processes, each keeping
`--concurrency` requests in flight for `--seconds`.

    .venv/bin/python bench/token_server_bench.py [--workers 1 2 4] [--seconds 5]

Prints, per worker count: mints/s, p50 and p99 latency (ms), and failures.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp
from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.token_server.identity import token_hash  # noqa: E402

TOKEN = "bench-person-token-0123456789"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fake_upstream(port: int) -> None:
    """An upstream that mints at once (the real one's latency is not ours to measure)."""
    async def mint(request: web.Request) -> web.Response:
        await request.read()
        return web.json_response({"value": "ek_bench", "expires_at": int(time.time()) + 600,
                                  "session": {"type": "realtime", "model": "gpt-realtime-2"}})

    app = web.Application()
    app.router.add_post("/v1/realtime/client_secrets", mint)
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None)


def wait_up(url: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", int(url.rsplit(":", 1)[1])), 0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"{url} did not come up")


def load(url: str, seconds: float, concurrency: int, out: multiprocessing.Queue) -> None:
    async def run() -> tuple[list[float], int]:
        latencies: list[float] = []
        failures = 0
        end = time.monotonic() + seconds
        headers = {"Authorization": f"Bearer {TOKEN}"}
        connector = aiohttp.TCPConnector(limit=concurrency)
        async with aiohttp.ClientSession(connector=connector) as http:
            async def one_client() -> None:
                nonlocal failures
                while time.monotonic() < end:
                    started = time.perf_counter()
                    async with http.post(url, json={}, headers=headers) as response:
                        await response.read()
                        if response.status == 200:
                            latencies.append(time.perf_counter() - started)
                        else:
                            failures += 1
            await asyncio.gather(*(one_client() for _ in range(concurrency)))
        return latencies, failures

    out.put(asyncio.run(run()))


def measure(workers: int, seconds: float, concurrency: int, upstream: str, folder: Path) -> str:
    port = free_port()
    env = {**os.environ, "OPENAI_API_KEY": "sk-bench",
           "TOKEN_SERVER_OPTIONS": f"--tokens {folder / 'tokens'} --upstream {upstream}/v1 "
                                   f"--per-minute 100000000 --audit {folder / 'audit'}"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "assistant.token_server.__main__:create_app()",
         "--worker-class", "aiohttp.GunicornWebWorker", "--workers", str(workers),
         "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_up(f"http://127.0.0.1:{port}")
        time.sleep(1.0)                                # every worker booted
        url = f"http://127.0.0.1:{port}/v1/realtime/client_secrets"
        queue: multiprocessing.Queue = multiprocessing.Queue()
        clients = [multiprocessing.Process(target=load, args=(url, seconds, concurrency, queue))
                   for _ in range(2)]
        for client in clients:
            client.start()
        results = [queue.get() for _ in clients]
        for client in clients:
            client.join()
    finally:
        server.terminate()
        server.wait(10)
    latencies = sorted(x for got, _f in results for x in got)
    failures = sum(f for _l, f in results)
    p99 = latencies[int(0.99 * (len(latencies) - 1))] * 1000
    return (f"workers {workers}: {len(latencies) / seconds:7.0f} mints/s   "
            f"p50 {statistics.median(latencies) * 1000:6.1f} ms   p99 {p99:6.1f} ms   "
            f"failures {failures}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--concurrency", type=int, default=16, help="per client process")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        (folder / "tokens").write_text(f"bench {token_hash(TOKEN)}\n")
        upstream_port = free_port()
        upstream = multiprocessing.Process(target=fake_upstream, args=(upstream_port,),
                                           daemon=True)
        upstream.start()
        wait_up(f"http://127.0.0.1:{upstream_port}")
        print(f"{os.cpu_count()} CPUs; 2 client processes x {args.concurrency} in flight, "
              f"{args.seconds:.0f} s each", flush=True)
        for workers in args.workers:
            print(measure(workers, args.seconds, args.concurrency,
                          f"http://127.0.0.1:{upstream_port}", folder), flush=True)
        upstream.terminate()


if __name__ == "__main__":
    main()
