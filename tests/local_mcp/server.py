"""A small MCP server for the tests, written with the official SDK, as a user's own would be.

    python tests/local_mcp/server.py stdio
    python tests/local_mcp/server.py http PORT

Tools: `lookup` answers, `sleepy` sleeps past any deadline, `huge` returns a long text, `crash`
ends the process after answering, `grow` adds a tool and says the list changed, `picture`
returns an image. Each start is counted in the file named by MCP_TEST_STARTS, if set.
"""

from __future__ import annotations

import base64
import os
import sys
import threading
import time

from mcp.server.mcpserver import Context, MCPServer

app = MCPServer("notes")
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(2000)).decode()


@app.tool()
def lookup(word: str) -> str:
    """Look a word up in the user's notes."""
    print(f"looking up {word}", file=sys.stderr, flush=True)
    return f"The notes say {word} is on the shopping list."


@app.tool()
def sleepy(seconds: float) -> str:
    """Sleep for a while."""
    time.sleep(seconds)
    return "awake"


@app.tool()
def huge(chars: int) -> str:
    """A long answer."""
    return "x" * chars


@app.tool()
def crash() -> str:
    """Answers, then the process dies."""
    threading.Timer(0.2, lambda: os._exit(3)).start()
    return "going down"


@app.tool()
async def grow(ctx: Context) -> str:
    """Adds the tool `fresh` and tells the client."""
    app.add_tool(lambda: "fresh answer", name="fresh", description="A tool added later.")
    await ctx.notify_tools_changed()
    return "grown"


@app.tool()
def picture() -> list:
    """A picture and a caption."""
    from mcp_types import ImageContent, TextContent

    return [TextContent(type="text", text="a caption"),
            ImageContent(type="image", data=PNG, mimeType="image/png")]


if __name__ == "__main__":
    if counter := os.environ.get("MCP_TEST_STARTS"):
        with open(counter, "a") as file:
            file.write(f"{os.getpid()}\n")
    if sys.argv[1] == "http":
        import anyio

        anyio.run(lambda: app.run_streamable_http_async(port=int(sys.argv[2])))
    else:
        app.run("stdio")
