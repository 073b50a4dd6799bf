"""A bare client like the 110-line one issue 26 measured the app against: raw PyAudio and
websockets, nothing else (that client's code is not ours; this is one written the same way).

    .venv/bin/python bench/reference_client.py --base-url ws://HOST:PORT/v1 [--connect]
                                               [--mode server_vad]

It takes the app's command line (what conversation_bench.py passes; the key from
OPENAI_API_KEY), so the bench can run it in the app's place: the same room, the same server,
the same hour. The mic goes out 20 ms at a time, the reply plays as it comes, and the server's
`speech_started` stops it and truncates the item at what was played. No window, no echo
handling, no resampling (PulseAudio converts), no reconnect: the floor a conversation's CPU
and memory stand on, to read the app's figures against the machine's hour.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import ctypes
import json
import os
import threading
from collections import deque
from collections.abc import Callable

import pyaudio
from websockets.asyncio.client import connect

RATE, BLOCK = 24_000, 480                                   # 20 ms frames of pcm16
MODEL = "gpt-realtime-2"


def named(run: Callable[[], None], name: str) -> Callable[[], None]:
    """The thread under its name in /proc too, so the bench's -v shows each one's CPU."""
    def body() -> None:
        ctypes.CDLL(None).prctl(15, name.encode(), 0, 0, 0)          # PR_SET_NAME
        run()
    return body


class Speaker:
    """A playback thread fed from a queue of (item, pcm); counts what each item played."""

    def __init__(self, audio: pyaudio.PyAudio) -> None:
        self._stream = audio.open(format=pyaudio.paInt16, channels=1, rate=RATE, output=True,
                                  frames_per_buffer=BLOCK)
        self._queue: deque[tuple[str, bytes]] = deque()
        self._lock = threading.Lock()
        self.item, self.played = "", 0                      # samples of `item` played
        threading.Thread(target=named(self._run, "ref-speaker"), daemon=True).start()

    def write(self, item: str, pcm: bytes) -> None:
        with self._lock:
            for start in range(0, len(pcm), 2 * BLOCK):
                self._queue.append((item, pcm[start:start + 2 * BLOCK]))

    def stop(self) -> tuple[str, int]:
        """Drops what is queued; (the item playing, ms of it played)."""
        with self._lock:
            self._queue.clear()
            item, self.item = self.item, ""
            return item, self.played * 1000 // RATE

    def _run(self) -> None:
        while True:
            with self._lock:
                item, block = self._queue.popleft() if self._queue else ("", b"")
                if item:
                    self.played = self.played + len(block) // 2 if item == self.item else \
                        len(block) // 2
                    self.item = item
            self._stream.write(block.ljust(2 * BLOCK, b"\0"))


async def converse(url: str, key: str, mode: str) -> None:
    audio = pyaudio.PyAudio()
    speaker = Speaker(audio)
    mic = audio.open(format=pyaudio.paInt16, channels=1, rate=RATE, input=True,
                     frames_per_buffer=BLOCK)
    mic.read(BLOCK)          # a fresh source takes ~2 s to flow (ALSA's read polls meanwhile)
    loop, frames = asyncio.get_running_loop(), asyncio.Queue[bytes]()

    def read_mic() -> None:
        while True:
            data = mic.read(BLOCK, exception_on_overflow=False)
            loop.call_soon_threadsafe(frames.put_nowait, data)

    async with connect(f"{url}/realtime?model={MODEL}",
                       additional_headers={"Authorization": f"Bearer {key}"}) as ws:
        await ws.send(json.dumps({"type": "session.update", "session": {
            "type": "realtime", "audio": {
                "input": {"format": {"type": "audio/pcm", "rate": RATE},
                          "turn_detection": {"type": mode}},
                "output": {"format": {"type": "audio/pcm", "rate": RATE}}}}}))
        threading.Thread(target=named(read_mic, "ref-mic"), daemon=True).start()

        async def send_mic() -> None:
            while True:
                pcm = await frames.get()
                await ws.send(json.dumps({"type": "input_audio_buffer.append",
                                          "audio": base64.b64encode(pcm).decode()}))

        sending, cut = asyncio.create_task(send_mic()), set()
        async for message in ws:
            event = json.loads(message)
            kind = event["type"]
            if kind == "response.output_audio.delta" and event["item_id"] not in cut:
                speaker.write(event["item_id"], base64.b64decode(event["delta"]))
            elif kind == "input_audio_buffer.speech_started":
                item, played_ms = speaker.stop()
                if item and played_ms:
                    cut.add(item)
                    await ws.send(json.dumps({"type": "conversation.item.truncate",
                                              "item_id": item, "content_index": 0,
                                              "audio_end_ms": played_ms}))
            elif kind == "error":
                print("server error:", event["error"].get("message"), flush=True)
        sending.cancel()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--mode", default="server_vad", choices=("server_vad", "semantic_vad"))
    parser.add_argument("--connect", action="store_true", help="(the app's; always connects)")
    args, _ = parser.parse_known_args()
    asyncio.run(converse(args.base_url.rstrip("/"), os.environ["OPENAI_API_KEY"], args.mode))


if __name__ == "__main__":
    main()
