"""`python -m assistant.sim`: run the embedded Realtime server until SIGINT/SIGTERM."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import logging
import signal
import sys

from assistant.sim.faults import JUNK_KINDS, Faults
from assistant.sim.server import SimServer


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m assistant.sim",
                                     description="An offline Realtime-protocol server.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--speed", type=float, default=1.0,
                        help="reply audio pace; 1.0 is real time")
    parser.add_argument("--api-key", default=None,
                        help="require this key (Bearer or api-key header); else any key")
    parser.add_argument("--reject-beta", action="store_true",
                        help="refuse the beta dialect as OpenAI now does (close code 4000)")
    faults = parser.add_argument_group("faults (for reconnect tests)")
    faults.add_argument("--max-session-s", type=float, default=3600.0, metavar="S",
                        help="close each session with 1001 after S seconds (OpenAI: 3600)")
    faults.add_argument("--drop-after-deltas", type=int, metavar="N",
                        help="abort each connection after N audio deltas")
    faults.add_argument("--stall-after-deltas", type=int, metavar="N",
                        help="send nothing more after N audio deltas (the socket stays open)")
    faults.add_argument("--garbage-after-events", type=int, metavar="N",
                        help="send one junk frame after N events (see --junk)")
    faults.add_argument("--junk", choices=JUNK_KINDS, default="garbage",
                        help="what that frame is: non-JSON, an event 10,000 levels deep, or "
                             "one of 17 MiB")
    faults.add_argument("--drop-after-events", type=int, metavar="N",
                        help="accept each connection, then drop it once it has sent N events")
    faults.add_argument("--flood-s", type=float, metavar="S",
                        help="send each reply's audio for S seconds, --flood-speed times "
                             "faster than real time")
    faults.add_argument("--flood-speed", type=float, default=20.0, metavar="X")
    faults.add_argument("--refuse-connections", type=int, default=0, metavar="N",
                        help="answer HTTP 503 to the first N connection attempts")
    faults.add_argument("--fail-response", type=int, metavar="N",
                        help="the Nth response of each connection fails (response.done failed)")
    faults.add_argument("--fail-times", type=int, default=1, metavar="K",
                        help="... and the ones after it, K in all")
    faults.add_argument("--fail-code", default="server_error", metavar="CODE",
                        help="... with this code (rate_limit_exceeded, insufficient_quota, ...)")
    faults.add_argument("--fail-transcription", type=int, metavar="N",
                        help="the Nth user turn's transcription fails")
    parser.add_argument("--spoken-tool", metavar="NAME[=JSON]",
                        help="take every spoken question as one needing this declared function, "
                             "called with these arguments (the demo cannot understand words), "
                             "e.g. get_current_time or 'notes__search={\"query\": \"milk\"}'")
    parser.add_argument("--as-of", type=dt.date.fromisoformat, metavar="YYYY-MM-DD",
                        help="serve as the service will on that day: refuse the models "
                             "retired by then, and names it does not know")
    parser.add_argument("-v", "--verbose", action="store_true")
    return parser.parse_args(argv)


async def run(args: argparse.Namespace) -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with SimServer(args.host, args.port, speed=args.speed, api_key=args.api_key,
                         max_session_s=args.max_session_s,
                         reject_beta=args.reject_beta,
                         faults=Faults(args.drop_after_deltas, args.stall_after_deltas,
                                       args.garbage_after_events,
                                       args.refuse_connections, args.junk,
                                       args.drop_after_events, args.flood_s,
                                       args.flood_speed, args.fail_response, args.fail_times,
                                       args.fail_code, args.fail_transcription),
                         spoken_tool=args.spoken_tool, as_of=args.as_of) as server:
        print(f"listening ws://{server.host}:{server.port}/v1/realtime", flush=True)
        await stop.wait()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    level = logging.DEBUG if args.verbose else logging.WARNING
    logging.basicConfig(level=level, stream=sys.stderr)
    # The WebSocket logger is capped at INFO (below, it logs the key header); quieter still
    # unless asked, so a script reading this process's output sees only what it asked for.
    logging.getLogger("assistant.sim.websocket").setLevel(max(level, logging.INFO))
    asyncio.run(run(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
