"""One tool call, from the model's raw arguments to the text it reads back.

Nothing here raises: invalid JSON, arguments the schema refuses, an unknown tool, an exception
and a timeout all become an error output, so the model can say what went wrong and the
conversation goes on. The function runs on its own daemon thread: a tool that hangs is abandoned
at its timeout and cannot hold up the app or its exit (an executor's threads are joined at exit).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
import time
from dataclasses import dataclass
from typing import Any

from assistant.tools.registry import Tool, ToolError

log = logging.getLogger(__name__)
DECLINED = "the user declined"


@dataclass(frozen=True)
class ToolResult:
    output: str          # what goes back to the model
    failed: bool
    seconds: float

    @staticmethod
    def error(message: str, seconds: float = 0.0) -> ToolResult:
        return ToolResult(json.dumps({"error": message}), True, seconds)


def parse_arguments(tool: Tool, raw: str) -> dict[str, Any]:
    """The arguments as the tool's schema allows them, or ToolError saying what is wrong."""
    try:
        arguments = json.loads(raw or "{}")
    except json.JSONDecodeError as exc:
        raise ToolError(f"the arguments are not valid JSON ({exc.msg})") from None
    if not isinstance(arguments, dict):
        raise ToolError("the arguments must be a JSON object")
    import jsonschema  # ~10 MB and 45 ms: paid on a tool's thread at the first call only

    problem = jsonschema.exceptions.best_match(
        jsonschema.Draft202012Validator(tool.parameters).iter_errors(arguments))
    if problem is not None:
        where = ".".join(str(p) for p in problem.absolute_path)
        raise ToolError(f"invalid arguments{' at ' + where if where else ''}: {problem.message}")
    return arguments


async def run_tool(tool: Tool | None, name: str, raw_arguments: str) -> ToolResult:
    started = time.monotonic()
    if tool is None:
        return ToolResult.error(f"there is no tool named {name!r}")
    try:
        value = await asyncio.wait_for(_on_thread(tool, raw_arguments), tool.timeout_s)
    except ToolError as exc:
        return ToolResult.error(str(exc), time.monotonic() - started)
    except TimeoutError:
        return ToolResult.error(f"{name} did not finish within {tool.timeout_s:g} s",
                                time.monotonic() - started)
    except Exception as exc:                       # the tool's own bug: told, and logged
        log.warning("tool %s failed", name, exc_info=True)
        return ToolResult.error(f"{name} failed: {exc}", time.monotonic() - started)
    return ToolResult(value, False, time.monotonic() - started)


def _on_thread(tool: Tool, raw_arguments: str) -> asyncio.Future[Any]:
    """The arguments checked, the tool run and its value made JSON text, on a thread of its
    own; resolves to that text."""
    loop = asyncio.get_running_loop()
    future: asyncio.Future[Any] = loop.create_future()

    def settle(value: Any, error: BaseException | None) -> None:
        if future.done():                          # abandoned at its timeout
            return
        if error is not None:
            future.set_exception(error)
        else:
            future.set_result(value)

    def work() -> None:
        try:
            value = tool.run(parse_arguments(tool, raw_arguments))
            value, error = value if isinstance(value, str) else json.dumps(value), None
        except BaseException as exc:               # handed to the loop, which decides
            value, error = None, exc
        with contextlib.suppress(RuntimeError):    # the app has closed its loop meanwhile
            loop.call_soon_threadsafe(settle, value, error)

    threading.Thread(target=work, name=f"tool-{tool.name}", daemon=True).start()
    return future
