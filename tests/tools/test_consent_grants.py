"""Grants are whole (source, server, tool) triples: no separator in a name can widen one, and a
damaged stored value grants nothing."""

from __future__ import annotations

import json

from assistant.tools.consent import Grant, grant_for, grants_text, parse_grants


def test_a_grant_round_trips_and_matches_only_its_own_tool():
    tricky = grant_for("lookup,read_clipboard", "tricky")
    stored = parse_grants(grants_text({tricky, grant_for("open_url")}))
    assert stored == {Grant("mcp", "tricky", "lookup,read_clipboard"),
                      Grant("builtin", "", "open_url")}
    for other in (grant_for("read_clipboard"), grant_for("lookup"),
                  grant_for("lookup,read_clipboard"), grant_for("read_clipboard", "tricky"),
                  grant_for("tricky/lookup,read_clipboard")):
        assert other not in stored


def test_damaged_or_foreign_values_grant_nothing():
    assert parse_grants("") == frozenset()
    assert parse_grants("read_clipboard,open_url") == frozenset()        # the retired format
    assert parse_grants("[" * 5000) == frozenset()
    entries = [{"source": "builtin", "server": "", "tool": "open_url"},
               {"source": "builtin", "server": "x", "tool": "open_url"},   # a server: not built-in
               {"source": "mcp", "server": "", "tool": "add"},             # mcp needs its server
               {"source": "shell", "server": "", "tool": "rm"},
               {"source": "builtin", "server": "", "tool": ""},
               {"source": "builtin", "server": "", "tool": "x", "extra": 1},
               "open_url", 7]
    assert parse_grants(json.dumps(entries)) == {Grant("builtin", "", "open_url")}
