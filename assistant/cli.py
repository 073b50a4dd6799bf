"""Command-line options. No Qt import, so --help and --version work anywhere."""

from __future__ import annotations

import argparse

from assistant import __version__
from assistant.modes import EchoMode, SessionMode, TurnMode

LANGUAGES = ("en", "de")              # the window's languages (resources/translations)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="assistant", description="A desktop voice assistant for the OpenAI Realtime API. "
        "Values given here override the saved settings for this run.")
    parser.add_argument("--base-url", help="e.g. wss://api.openai.com/v1 or a compatible server")
    parser.add_argument("--model", help="the realtime model (Azure: the deployment)")
    parser.add_argument("--dialect", choices=("ga", "beta"), help="protocol dialect")
    parser.add_argument("--transport", choices=("websocket", "webrtc"),
                        help="how a conversation travels: a WebSocket, or WebRTC (Opus audio)")
    parser.add_argument("--token-server", dest="token_server_url", metavar="URL",
                        help="ask this server of your organisation for a short-lived key before "
                             "each connection, instead of using a stored API key")
    parser.add_argument("--turn-mode", "--mode", dest="turn_mode", type=TurnMode,
                        choices=list(TurnMode),
                        help="push-to-talk or voice detection (server or semantic)")
    parser.add_argument("--session-mode", type=SessionMode, choices=list(SessionMode),
                        help="talk with the model, dictate (transcription only), or have what "
                             "you say translated aloud")
    parser.add_argument("--save-transcript", metavar="FILE",
                        help="dictation: keep the transcript in FILE as it is spoken (.srt for "
                             "subtitles, else text)")
    parser.add_argument("--connect", action="store_true", help="connect at start")
    parser.add_argument("--offline", action="store_true",
                        help="start and use the embedded offline Realtime server")
    parser.add_argument("--input-device", help="microphone, by name or index")
    parser.add_argument("--output-device", help="speaker, by name or index")
    parser.add_argument("--echo-cancellation", type=EchoMode, choices=list(EchoMode),
                        help="take the speaker's echo out of the microphone (auto: not on "
                             "headphones)")
    parser.add_argument("--language", choices=LANGUAGES,
                        help="the window's language (default: the system's)")
    parser.add_argument("--check-updates", action="store_true",
                        help="ask the release feed whether a newer version is out, print it, "
                             "exit 0 (up to date), 10 (newer available) or 1 (could not check)")
    parser.add_argument("--self-test", action="store_true",
                        help="check that the app works on this machine (offscreen), then exit")
    parser.add_argument("--keyring-helper", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return parser.parse_args(argv)
