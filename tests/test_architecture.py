"""The layering the README promises, checked on the source by AST: no import cycle, dependencies
point down, the shell alone sees both the app and the views, the views see the app only through
`app.model`, Qt only where it belongs, no module over 300 lines, one dispatch shape."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "assistant"
# What each package may import from the project, besides the shared top-level modules.
ALLOWED = {
    "audio": set(),
    "realtime": set(),
    "tools": set(),
    "store": set(),
    "sim": {"realtime", "pictures"},
    "pictures": set(),                 # images made ready for the API (Qt's readers, numpy)
    "updates": set(),                  # the release feed: the standard library and packaging
    "desktop": set(),
    "token_server": set(),             # deployed alone: the standard library and its own
    "local_mcp": set(),                # the user's MCP servers, on the SDK: no Qt, no app
    "app": {"audio", "realtime", "tools", "store", "sim", "local_mcp", "pictures", "updates"},
    "ui": {"app", "audio", "desktop"},
    "shell": {"app", "ui", "audio", "realtime", "tools", "store", "sim", "desktop", "pictures",
              "updates"},
}
QT_PACKAGES = {"app", "ui", "desktop", "shell", "pictures"}
# The one module of the app the views may see: its typed face.
MODEL = "assistant.app.model"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module this file imports (at any depth, TYPE_CHECKING blocks included)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            submodules = [name for name in names if name in MODULES]
            found.update(submodules)
            if len(submodules) < len(names):       # names defined in the module itself
                found.add(node.module)
    return found


MODULES = {module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def package_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 2 or (len(parts) == 2 and parts[1] in ALLOWED) else None


def project_imports(module: str) -> set[str]:
    return {name for name in imports(MODULES[module]) if name in MODULES}


def test_no_import_cycle() -> None:
    graph = {module: project_imports(module) for module in MODULES}
    # A package's own __init__ is imported implicitly by its children: not a cycle edge.
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                cycle = [*trail[trail.index(target):], target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target, [*trail, target])
        state[module] = 2

    for module in MODULES:
        if module not in state:
            visit(module, [module])


@pytest.mark.parametrize("module", sorted(MODULES))
def test_dependencies_point_down(module: str) -> None:
    package = package_of(module)
    for target in project_imports(module):
        other = package_of(target)
        if package is None:
            assert other is None or target == "assistant.shell.main", f"{module} imports {target}"
        elif other is not None and other != package:
            assert other in ALLOWED[package], f"{module} ({package}) imports {target} ({other})"


def test_only_the_shell_imports_both_the_app_and_the_views() -> None:
    for module in MODULES:
        sides = {package_of(target) for target in project_imports(module) - {MODEL}}
        sides &= {"app", "ui"}
        assert sides != {"app", "ui"} or package_of(module) == "shell", module


@pytest.mark.parametrize("module", sorted(m for m in MODULES if package_of(m) == "ui"))
def test_views_see_the_app_only_through_its_model(module: str) -> None:
    for target in project_imports(module):
        assert package_of(target) != "app" or target == MODEL, f"{module} imports {target}"


def test_the_controller_owns_little() -> None:
    """Intents and the wiring of its parts: what reacts to sessions lives in those parts."""
    assert len(MODULES["assistant.app.controller"].read_text().splitlines()) <= 200


def test_every_package_says_its_job() -> None:
    for module, path in MODULES.items():
        if path.name == "__init__.py":
            assert ast.get_docstring(ast.parse(path.read_text())), f"{module} has no docstring"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_qt_only_in_app_and_ui(module: str) -> None:
    if package_of(module) in QT_PACKAGES:
        return
    assert not any(name.startswith("PySide6") for name in imports(MODULES[module])), module


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_small(module: str) -> None:
    lines = len(MODULES[module].read_text().splitlines())
    assert lines <= 300, f"{module} has {lines} lines"


# The families of Realtime event types: a string of one of these shapes names an event.
EVENT_TYPE = re.compile(r"(session|conversation|input_audio_buffer|output_audio_buffer|response|"
                        r"transcription_session|rate_limits|mcp_list_tools)\.[a-z_.]+")


def event_type_tests(tree: ast.AST) -> list[int]:
    """Lines where an `if`, `while`, conditional expression or `match` tests a value against an
    event type: a branch on the type, where the dispatch table should be."""
    lines = []
    for node in ast.walk(tree):
        tests: list[ast.AST] = []
        if isinstance(node, ast.If | ast.While | ast.IfExp):
            tests = [node.test]
        elif isinstance(node, ast.Match):
            tests = [case.pattern for case in node.cases]
        for test in tests:
            for part in ast.walk(test):
                if isinstance(part, ast.Constant) and isinstance(part.value, str) \
                        and EVENT_TYPE.fullmatch(part.value):
                    lines.append(node.lineno)
    return sorted(lines)


def test_events_are_dispatched_one_way() -> None:
    """No branch on an event's type, anywhere, and no handler found by name reflection: every
    consumer of events registers its handlers in an `EventTable`."""
    for module, path in MODULES.items():
        text = path.read_text()
        assert 'getattr(self, "_on_"' not in text, module
        branches = event_type_tests(ast.parse(text))
        assert not branches, f"{module} branches on event types at lines {branches}"


def test_the_event_branch_check_finds_a_branch() -> None:
    branchy = ast.parse('if e["type"] == "response.done":\n    pass\n'
                        'x = 1 if kind in ("session.updated", "a") else 2\n'
                        'match kind:\n    case "conversation.item.added":\n        pass\n')
    assert event_type_tests(branchy) == [1, 3, 4]
    assert not event_type_tests(ast.parse('if host == "api.openai.com":\n    pass\n'))


def test_the_readmes_package_map_is_the_one_the_imports_make() -> None:
    sys.path.insert(0, str(ROOT.parent / "tools"))
    try:
        import package_map
    finally:
        sys.path.pop(0)
    readme = (ROOT.parent / "README.md").read_text()
    assert package_map.readme_block(readme) == package_map.block(), \
        "run python tools/package_map.py --write"
    assert ("ui", "app") in package_map.edges() and ("app", "ui") not in package_map.edges()
