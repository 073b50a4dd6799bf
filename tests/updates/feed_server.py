"""A release feed on loopback for the update check: one answer per path, every request kept
(path and headers), as GitHub's releases API or an organisation's own feed would answer."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

RELEASE = {"tag_name": "v9.1.0", "name": "Voice Assistant 9.1.0",
           "body": "- Show the assistant your screen\n- Faster barge-in",
           "html_url": "https://example.org/releases/v9.1.0"}
ANSWERS: dict[str, tuple[int, bytes]] = {
    "/newer": (200, json.dumps(RELEASE).encode()),
    "/same": (200, json.dumps({**RELEASE, "tag_name": "v0.1.0"}).encode()),
    "/older": (200, json.dumps({"version": "0.0.9"}).encode()),
    "/malformed": (200, b"{not json"),
    "/not-a-release": (200, json.dumps({"message": "hello", "tag_name": "latest"}).encode()),
    "/huge": (200, b" " * 2_000_000),
    "/error": (503, b"busy"),
}


class FeedServer:
    def __init__(self, delay_s: float = 2.0) -> None:
        self.requests: list[tuple[str, dict[str, Any]]] = []
        self.delay_s = delay_s                 # how long /slow takes to answer
        feed = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                feed.requests.append((self.path, dict(self.headers)))
                if self.path == "/slow":
                    time.sleep(feed.delay_s)
                status, body = ANSWERS.get(self.path, (404, b"no"))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(OSError):     # the client gave up waiting
                    self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
