"""Speech streamed as OpenAI streams it: 40 ms chunks, each with the words due by then, paced
against the clock (times `speed`) up to a small lead, as the real service runs ahead of real
time. Replies and live translation both stream this way."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

from assistant.config import pcm_ms

CHUNK_MS = 40
LEAD_MS = 200


@dataclass(frozen=True)
class Chunk:
    audio: bytes
    words: str          # the transcript delta due with this chunk ("" when none is)
    at_ms: int          # how much audio went before it


async def paced(pcm: bytes, text: str, rate: int, speed: float,
                after_last_word: str = "") -> AsyncIterator[Chunk]:
    """`pcm` (speech of `text`) in chunks; the caller sends each, and may stop between them.
    `after_last_word`: what follows the final word (" " when another stretch follows on)."""
    words = text.split(" ")
    size = rate * 2 * CHUNK_MS // 1000
    count = max(1, -(-len(pcm) // size))
    loop = asyncio.get_running_loop()
    started, sent_ms, said = loop.time(), 0, 0
    for index in range(count):
        due = round((index + 1) / count * len(words))
        delta = ""
        if due > said:
            delta = " ".join(words[said:due]) + (after_last_word if due == len(words) else " ")
            said = due
        piece = pcm[index * size:(index + 1) * size]
        yield Chunk(piece, delta, sent_ms)
        sent_ms += pcm_ms(len(piece), rate)
        ahead = sent_ms - (loop.time() - started) * 1000 * speed
        if ahead > LEAD_MS:
            await asyncio.sleep((ahead - LEAD_MS) / 1000 / speed)
