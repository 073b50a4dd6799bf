"""The typed shapes the handlers read (`realtime.server_events`) name only what the protocol
sends: each key of a handler's shape is a field of the SDK's model of some event it handles
(and an item's keys, of some SDK item), so a misspelt or invented field fails here."""

from __future__ import annotations

import typing
from typing import Any

import openai.types.realtime as ga
import pytest
from pydantic import BaseModel

from assistant.app.conversation.handlers import HANDLERS
from assistant.app.listening.handlers import DICTATION, INTERPRETER
from assistant.realtime import server_events
from tests.oracle import TABLES

SERVER = {**TABLES[("server", "ga")], **TABLES[("server", "translation")]}


def _models(annotation: Any) -> list[type[BaseModel]]:
    """The pydantic models inside a field's annotation (unions, lists, optionals)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models(arg)]


def _fields(models: list[type[BaseModel]]) -> set[str]:
    return {name for model in models for name in model.model_fields}


def _shape_of(handler: Any) -> type:
    return typing.get_type_hints(handler)["e"]


# in one order in every process: pytest-xdist's workers must collect the same tests
HANDLED = [(table, kind) for table in (HANDLERS, DICTATION, INTERPRETER)
           for kind in sorted(table.types)]


@pytest.mark.parametrize(("table", "kind"), HANDLED, ids=[kind for _t, kind in HANDLED])
def test_each_key_a_handler_reads_is_a_field_the_protocol_sends(table, kind):
    assert kind in SERVER, f"{kind} is no server event of the protocol"
    model = SERVER[kind]
    shape = _shape_of(table.handler(kind))
    handled = [SERVER[k] for k in table.types if table.handler(k) is table.handler(kind)]
    unknown = set(typing.get_type_hints(shape)) - _fields(handled)
    assert not unknown, f"{shape.__name__} of {kind}: not in the protocol: {unknown}"
    if "item" in typing.get_type_hints(shape) and "item" in model.model_fields:
        items = _models(model.model_fields["item"].annotation)
        extra = set(typing.get_type_hints(server_events.Item)) - _fields(items)
        assert not extra, f"Item keys the protocol's items lack: {extra}"


def test_a_wrong_key_is_caught():
    class Misspelt(typing.TypedDict, total=False):
        type: str
        audio_end_time: int

    assert set(typing.get_type_hints(Misspelt)) - _fields([SERVER["conversation.item.truncated"]])
    assert ga.ConversationItemTruncatedEvent is SERVER["conversation.item.truncated"]
