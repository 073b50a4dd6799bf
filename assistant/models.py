"""The models the app knows, in one table: what each is for, which reason (and so take
`reasoning` and `parallel_tool_calls`), which are retiring, when, and what replaces them.

From the openai package's types (3.57), which are the authority: `RealtimeSessionCreateRequest`
and `AudioTranscription` list the names and their announced shutdown dates. A model not in the
table is still used as the user wrote it (Azure deployments have names of their own); the app
only knows less about it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

Purpose = Literal["realtime", "transcription", "translation"]
REALTIME_RETIRES = dt.date(2027, 1, 20)
TRANSCRIPTION_RETIRES = dt.date(2027, 2, 26)


@dataclass(frozen=True)
class Model:
    name: str
    purpose: Purpose
    reasoning: bool = False              # takes session.reasoning and parallel_tool_calls
    shutdown: dt.date | None = None      # announced: the service stops answering to it then
    replacement: str = ""                # what to use instead (retiring models)
    takes_prompt: bool = True            # transcription: a prompt guides it

    def retiring(self) -> bool:
        return self.shutdown is not None


def _retiring(name: str, purpose: Purpose, replacement: str) -> Model:
    day = REALTIME_RETIRES if purpose == "realtime" else TRANSCRIPTION_RETIRES
    return Model(name, purpose, shutdown=day, replacement=replacement)


MODELS: tuple[Model, ...] = (
    Model("gpt-realtime-2", "realtime", reasoning=True),
    Model("gpt-realtime-2.1", "realtime", reasoning=True),
    Model("gpt-realtime-2.1-mini", "realtime", reasoning=True),
    Model("gpt-realtime-1.5", "realtime"),
    Model("gpt-audio-1.5", "realtime"),
    _retiring("gpt-realtime", "realtime", "gpt-realtime-2"),
    _retiring("gpt-realtime-2025-08-28", "realtime", "gpt-realtime-2"),
    _retiring("gpt-realtime-mini", "realtime", "gpt-realtime-2.1-mini"),
    _retiring("gpt-realtime-mini-2025-12-15", "realtime", "gpt-realtime-2.1-mini"),
    _retiring("gpt-audio-mini", "realtime", "gpt-realtime-2.1-mini"),
    _retiring("gpt-audio-mini-2025-12-15", "realtime", "gpt-realtime-2.1-mini"),
    Model("gpt-live-transcribe", "transcription"),
    Model("gpt-transcribe", "transcription"),
    Model("gpt-realtime-whisper", "transcription", takes_prompt=False),
    _retiring("whisper-1", "transcription", "gpt-live-transcribe"),
    _retiring("gpt-4o-mini-transcribe", "transcription", "gpt-live-transcribe"),
    _retiring("gpt-4o-mini-transcribe-2025-12-15", "transcription", "gpt-live-transcribe"),
    _retiring("gpt-4o-transcribe", "transcription", "gpt-live-transcribe"),
    _retiring("gpt-4o-transcribe-diarize", "transcription", "gpt-transcribe"),
    Model("gpt-realtime-translate", "translation"),
)
_BY_NAME = {model.name: model for model in MODELS}

# The defaults: the current flagship, and a transcription model made for live audio that is not
# retiring, takes a prompt (dictation's words to expect) and the input's languages.
REALTIME_DEFAULT = "gpt-realtime-2"
TRANSCRIPTION_DEFAULT = "gpt-live-transcribe"
TRANSLATION_DEFAULT = "gpt-realtime-translate"


def known(name: str) -> Model | None:
    return _BY_NAME.get(name.strip())


def reasons(name: str) -> bool:
    """Whether the model takes `reasoning` and `parallel_tool_calls` (unknown: it does not)."""
    model = known(name)
    return model is not None and model.reasoning


def current(purpose: Purpose) -> list[str]:
    """The names to offer for a purpose: the models not retiring."""
    return [m.name for m in MODELS if m.purpose == purpose and not m.retiring()]


def gone_on(name: str, day: dt.date) -> bool:
    """Whether the service no longer answers to this model on `day`."""
    model = known(name)
    return model is not None and model.shutdown is not None and day >= model.shutdown


def takes_prompt(name: str) -> bool:
    """Whether a transcription model is guided by a prompt (unknown: it is, as most are)."""
    model = known(name)
    return model is None or model.takes_prompt
