"""The openai SDK's pydantic types as an independent schema oracle, made strict.

The SDK's models allow extra fields; we walk the validated model and fail on any, so a beta-named
field in a GA event (or a typo) is caught, not silently carried.
"""

from __future__ import annotations

import typing
from typing import Any

import openai.types.beta.realtime as beta
import openai.types.realtime as ga
from pydantic import BaseModel


def _by_type(union: Any) -> dict[str, type[BaseModel]]:
    members = typing.get_args(union)
    if typing.get_origin(union) is typing.Annotated:
        members = typing.get_args(members[0])
    return {typing.get_args(m.model_fields["type"].annotation)[0]: m for m in members}


TABLES = {
    ("client", "ga"): _by_type(ga.RealtimeClientEvent),
    ("server", "ga"): _by_type(ga.RealtimeServerEvent),
    ("client", "beta"): _by_type(beta.RealtimeClientEvent),
    ("server", "beta"): _by_type(beta.RealtimeServerEvent),
    ("client", "translation"): _by_type(ga.RealtimeTranslationClientEvent),
    ("server", "translation"): _by_type(ga.RealtimeTranslationServerEvent),
}


class SchemaViolation(AssertionError):
    pass


def _extras(model: Any, path: str) -> list[str]:
    found: list[str] = []
    if isinstance(model, BaseModel):
        found += [f"{path}.{key}" for key in (model.model_extra or {})]
        for name in type(model).model_fields:
            found += _extras(getattr(model, name), f"{path}.{name}")
    elif isinstance(model, list | tuple):
        for index, value in enumerate(model):
            found += _extras(value, f"{path}[{index}]")
    elif isinstance(model, dict):
        for key, value in model.items():
            found += _extras(value, f"{path}.{key}")
    return found


def validate(event: dict[str, Any], side: str, dialect: str = "ga") -> BaseModel:
    """Validate against the SDK model for `event['type']`; no unknown type, no extra field."""
    table = TABLES[(side, dialect)]
    kind = event.get("type")
    if kind not in table:
        raise SchemaViolation(f"{side} event type {kind!r} is not in the {dialect} schema")
    try:
        model = table[kind].model_validate(event)
    except Exception as exc:
        raise SchemaViolation(f"{kind}: {exc}") from exc
    extras = _extras(model, kind)
    if extras:
        raise SchemaViolation(f"{kind}: fields unknown to the schema: {extras}")
    return model
