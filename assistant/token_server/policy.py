"""The organisation's policy: for each kind of session (a conversation, a transcription for
dictation, a live translation) the session a secret is minted for, and which of its fields are
fixed (the app sends no change to those, and shows them as set by the organisation).

    {"realtime":      {"session": {"model": "gpt-realtime-2", "instructions": "..."},
                       "fixed": ["model", "instructions", "tools"]},
     "transcription": {"session": {...}, "fixed": ["transcription"]},
     "translation":   {"session": {"model": "gpt-realtime-translate"}, "fixed": ["model"]},
     "groups": {"support": {"realtime": {...}}},
     "people": {"ada": {"translation": null}}}

A group's or a person's entry for a kind replaces the organisation's entry for that kind (a
person's wins over their groups', the groups in the file's order); `null` refuses that kind.
Without a policy file every kind is minted with the service's defaults and nothing is fixed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from assistant.token_server.identity import Caller

Kind = Literal["realtime", "transcription", "translation"]
KINDS: tuple[Kind, ...] = ("realtime", "transcription", "translation")
# The fields an organisation may fix, by kind: the names the app knows them by.
FIXABLE: dict[str, frozenset[str]] = {
    "realtime": frozenset({"model", "instructions", "voice", "speed", "tools", "tool_choice",
                           "output_modalities", "max_output_tokens", "truncation", "prompt",
                           "reasoning", "turn_detection", "transcription", "noise_reduction"}),
    "transcription": frozenset({"transcription", "turn_detection", "noise_reduction"}),
    "translation": frozenset({"model", "language", "transcription", "noise_reduction"}),
}


@dataclass(frozen=True)
class Grant:
    """What one kind of secret is minted with."""
    session: dict[str, Any] = field(default_factory=dict)
    fixed: tuple[str, ...] = ()


Entry = dict[str, Grant | None]      # kind -> its grant, None: refused


@dataclass
class Policy:
    organisation: Entry = field(default_factory=lambda: {kind: Grant() for kind in KINDS})
    groups: dict[str, Entry] = field(default_factory=dict)
    people: dict[str, Entry] = field(default_factory=dict)

    def grant(self, caller: Caller, kind: Kind) -> Grant | None:
        found = self.organisation.get(kind)
        for name, entry in self.groups.items():
            if name in caller.groups and kind in entry:
                found = entry[kind]
        person = self.people.get(caller.name, {})
        return person.get(kind, found)


def load_policy(path: Path | None) -> Policy:
    """The policy file, or the open default; ValueError says what is wrong and where."""
    if path is None:
        return Policy()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ValueError(f"cannot read the policy {path}: {exc.strerror}") from None
    except ValueError as exc:
        raise ValueError(f"the policy {path} is not JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ValueError(f"the policy {path} must be a JSON object")
    unknown = set(data) - {*KINDS, "groups", "people"}
    if unknown:
        raise ValueError(f"the policy {path} has unknown keys: {', '.join(sorted(unknown))}")
    organisation: Entry = {kind: Grant() for kind in KINDS}
    organisation.update(_entry(data, "the organisation"))
    return Policy(organisation,
                  {name: _entry(e, f"group {name}") for name, e in _named(data, "groups")},
                  {name: _entry(e, f"person {name}") for name, e in _named(data, "people")})


def _named(data: dict[str, Any], key: str) -> list[tuple[str, Any]]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ValueError(f"the policy's {key} must be an object of names")
    return list(value.items())


def _entry(data: Any, who: str) -> Entry:
    if not isinstance(data, dict):
        raise ValueError(f"the policy of {who} must be an object of kinds")
    entry: Entry = {}
    for kind in KINDS:
        if kind in data:
            entry[kind] = _grant(data[kind], kind, f"{who}, {kind}")
    return entry


def _grant(value: Any, kind: str, where: str) -> Grant | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("session", {}), dict):
        raise ValueError(f"{where}: expected {{\"session\": {{...}}, \"fixed\": [...]}} or null")
    fixed = value.get("fixed", [])
    if not isinstance(fixed, list) or not all(isinstance(name, str) for name in fixed):
        raise ValueError(f"{where}: fixed must be a list of field names")
    unknown = set(fixed) - FIXABLE[kind]
    if unknown:
        raise ValueError(f"{where}: cannot fix {', '.join(sorted(unknown))} (fixable: "
                         f"{', '.join(sorted(FIXABLE[kind]))})")
    return Grant(dict(value.get("session", {})), tuple(fixed))
