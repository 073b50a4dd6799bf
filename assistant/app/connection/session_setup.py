"""The first events of a new session, by session mode: its configuration and, for a
conversation, the conversation so far and the tool answers that waited for it."""

from __future__ import annotations

import dataclasses
from typing import Any

from assistant.app.conversation.handlers import HANDLERS
from assistant.app.conversation.record import ConversationRecord
from assistant.app.conversation.replay import Replay, build_replay
from assistant.app.listening.handlers import DICTATION, INTERPRETER
from assistant.app.settings import Settings
from assistant.app.tool_use.tool_calls import ToolCalls
from assistant.dispatch import EventTable
from assistant.models import TRANSCRIPTION_DEFAULT
from assistant.modes import SessionMode
from assistant.realtime.session import RealtimeSession
from assistant.realtime.session_config import (
    DictationSettings,
    build_session,
    build_transcription_session,
    build_translation_session,
    turn_detection_update,
)

TABLES: dict[SessionMode, EventTable[Any, None]] = {SessionMode.CONVERSATION: HANDLERS,
                                                    SessionMode.DICTATION: DICTATION,
                                                    SessionMode.INTERPRETER: INTERPRETER}


def live_update(settings: Settings, told: Settings | None, declared: list[dict[str, Any]]
                ) -> dict[str, Any]:
    """What a live session is told when the turn mode or how replies are made changes: a
    conversation gets its whole configuration (with the model and voice it was `told`: those
    take a new connection); dictation and the interpreter, the turn detection."""
    if settings.session_mode is not SessionMode.CONVERSATION:
        return turn_detection_update(settings.turn_detection())
    told = told or settings
    kept = dataclasses.replace(settings, model=told.model, voice=told.voice)
    return build_session(kept.session_settings(declared))


def configure(session: RealtimeSession, settings: Settings, record: ConversationRecord,
              tools: ToolCalls) -> Replay:
    if settings.session_mode is SessionMode.DICTATION:
        session.update_session(build_transcription_session(DictationSettings(
            model=settings.transcription_model or TRANSCRIPTION_DEFAULT,
            language=settings.transcription_language, prompt=settings.transcription_prompt,
            turn_detection=settings.turn_detection(), noise_reduction=settings.noise_filter)))
        return Replay()
    if settings.session_mode is SessionMode.INTERPRETER:
        session.update_session(build_translation_session(
            settings.translation_language, settings.transcription_model or None,
            settings.noise_filter))
        return Replay()
    session.update_session(build_session(settings.session_settings(tools.declared())))
    replay = build_replay(record.items(), settings.replay_budget_tokens)
    for event in replay.events:
        session.send(event)
    tools.session_opened(session)
    return replay
