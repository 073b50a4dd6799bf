"""Dictation: what was said, as timed segments, kept, copied and saved (text or SRT).

Times run from the start of the dictation across reconnects: a segment's start and end are the
server's `audio_start_ms`/`audio_end_ms` on the session's timeline, offset by when that session
began; push-to-talk turns (no speech events) are timed by the clock. The transcript is kept
(`kept`: a named file, or a new one in the data folder) whenever a segment is final.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from assistant.app.listening.kept_file import KeptFile, write_atomically
from assistant.growing_text import GrowingText


@dataclass
class Segment:
    item_id: str
    start_ms: int
    end_ms: int
    growing: GrowingText = field(default_factory=GrowingText)
    final: bool = False

    @property
    def text(self) -> str:
        return self.growing.text


class Dictation(QObject):
    changed = Signal(str)         # item id of a segment that appeared or changed
    cleared = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.segments: dict[str, Segment] = {}
        self.kept = KeptFile("dictation")
        self._began = time.monotonic()
        self._session_offset_ms = 0

    def start_new(self) -> None:
        self.segments.clear()
        self.kept.restart()
        self._began = time.monotonic()
        self.cleared.emit()

    def session_began(self) -> None:
        self._session_offset_ms = self._now_ms()

    def speech_started(self, item_id: str, audio_start_ms: int | None) -> None:
        start = self._at(audio_start_ms)
        self._segment(item_id, start).start_ms = start
        self.changed.emit(item_id)

    def speech_stopped(self, item_id: str, audio_end_ms: int | None) -> None:
        self._segment(item_id).end_ms = self._at(audio_end_ms)
        self.changed.emit(item_id)

    def text(self, item_id: str, text: str, final: bool) -> None:
        segment = self._segment(item_id)
        if final:
            segment.growing.replace(text)
        else:
            segment.growing.add(text)
        segment.final = segment.final or final
        segment.end_ms = max(segment.end_ms, segment.start_ms)
        self.changed.emit(item_id)
        if final:
            self.kept.keep(self._body(self.kept.path))

    @property
    def kept_path(self) -> Path | None:
        """Where the transcript is kept as it is spoken, once it is."""
        return self.kept.path

    def ordered(self) -> list[Segment]:
        return sorted(self.segments.values(), key=lambda s: s.start_ms)

    def as_text(self) -> str:
        return "\n".join(s.text.strip() for s in self.ordered() if s.text.strip()) + "\n"

    def as_srt(self) -> str:
        blocks = [f"{n}\n{_srt_time(s.start_ms)} --> {_srt_time(max(s.end_ms, s.start_ms + 500))}"
                  f"\n{s.text.strip()}\n"
                  for n, s in enumerate((s for s in self.ordered() if s.text.strip()), 1)]
        return "\n".join(blocks)

    def save(self, path: Path) -> str | None:
        """Write the transcript (SRT for a .srt name); a sentence if the disk says no."""
        return write_atomically(path, self._body(path))

    def _body(self, path: Path | None) -> str:
        return self.as_srt() if path is not None and path.suffix.lower() == ".srt" \
            else self.as_text()

    def _segment(self, item_id: str, start_ms: int | None = None) -> Segment:
        if item_id not in self.segments:
            at = self._now_ms() if start_ms is None else start_ms
            self.segments[item_id] = Segment(item_id, at, at)
        return self.segments[item_id]

    def _at(self, session_ms: int | None) -> int:
        return self._session_offset_ms + session_ms if isinstance(session_ms, int) \
            else self._now_ms()

    def _now_ms(self) -> int:
        return int((time.monotonic() - self._began) * 1000)


def _srt_time(ms: int) -> str:
    hours, rest = divmod(max(ms, 0), 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02}:{minutes:02}:{seconds:02},{millis:03}"
