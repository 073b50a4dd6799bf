"""`voice-assistant --self-test`: proves, on the machine it runs on (frozen or not), that the app
can work there. Every module imports; the window opens offscreen; PortAudio starts and lists its
devices (none is a warning); the keyring backend is named; the history saves and reads back and
the VAD runs; Qt's ICU data answers what Qt asks of it; numpy's BLAS and LAPACK answer; a typed
turn with a JPEG picture, a spoken turn (speech in, the reply's audio out) and a WebRTC turn
(Opus on a track) pass against the embedded server in this process. One line per check, then
exit 0 (no failure) or 1, within 30 s."""

from __future__ import annotations

import asyncio
import importlib
import pkgutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path

import numpy as np

import assistant
from assistant import __version__
from assistant.config import FRAME_SAMPLES, resource
from assistant.shell.self_test_turns import Result, check_turns


def run() -> int:
    """Run every check, print the report, return the exit code."""
    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    print(f"Voice Assistant {__version__} self-test ({frozen}, Python {sys.version.split()[0]})")
    started = time.monotonic()
    checks: list[tuple[str, Callable[[], Result]]] = [
        ("modules", check_imports), ("window", check_window), ("audio", check_audio),
        ("keyring", check_keyring), ("history", check_history), ("tools", check_tools),
        ("echo", check_echo), ("desktop", check_desktop), ("text", check_text),
        ("numbers", check_numbers), ("turns", check_turns)]
    failed = 0
    for name, check in checks:
        try:
            status, sentence = check()
        except Exception as exc:
            status, sentence = "fail", f"{type(exc).__name__}: {exc}"
            traceback.print_exc()
        failed += status == "fail"
        print(f"  {status:<4}  {name:<8} {sentence}", flush=True)
    verdict = "FAILED" if failed else "passed"
    print(f"self-test {verdict} in {time.monotonic() - started:.1f} s")
    return 1 if failed else 0


def check_imports() -> Result:
    names = [info.name for info in pkgutil.walk_packages(assistant.__path__, "assistant.")
             if not info.name.endswith("__main__")]
    for name in names:
        importlib.import_module(name)
    if len(names) < 40:       # a bundle that lost its modules lists only the ones it kept
        return "fail", f"only {len(names)} modules found in the package"
    return "ok", f"{len(names)} modules import"


def check_window() -> Result:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from assistant.cli import parse_args
    from assistant.shell.app_shell import AppShell

    app = QApplication.instance() or QApplication(["voice-assistant", "-platform", "offscreen"])
    with tempfile.TemporaryDirectory() as folder:
        store = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        shell = AppShell(parse_args(["--offline"]), str(Path(folder) / "log"),
                         settings_store=store, history_file=Path(folder) / "history.db")
        try:
            shell.window.show()
            app.processEvents()
            image = shell.window.grab().toImage()
            title = shell.window.windowTitle()
        finally:
            shell.window.close()
            shell.collector.stop()
            shell.history.close()        # before the folder goes (Windows keeps open files)
    if image.width() < 300 or image.height() < 200:
        return "fail", f"the window rendered at {image.width()}x{image.height()}"
    return "ok", f"'{title}' renders offscreen at {image.width()}x{image.height()}"


def check_history() -> Result:
    """SQLite (the history) and WebRTC's VAD (the reconnect pause gate) are C code the bundle
    must carry: one item saved and read back, one frame judged."""
    from assistant.audio.pause_gate import PauseGate
    from assistant.store.history import History
    from assistant.store.records import StoredItem

    with tempfile.TemporaryDirectory() as folder:
        history = History.open(Path(folder) / "history.db")
        conversation = history.start_conversation("self-test")
        history.save_item(conversation, StoredItem("i1", "message", "user", "hello"))
        saved = [item.text for item in history.items(conversation)]
        history.close()
    PauseGate(talking=True).passes(np.zeros(FRAME_SAMPLES, np.int16))
    if saved != ["hello"] or history.problem:
        return "fail", f"the history did not keep an item ({history.problem or saved})"
    return "ok", "SQLite history (WAL) saves and reads; WebRTC VAD runs"


def check_tools() -> Result:
    """jsonschema (with its bundled metaschemas) and the time zone database: one good call, one
    the schema refuses."""
    from typing import cast

    from assistant.tools.builtin import HostServices, builtin_tools
    from assistant.tools.runner import run_tool

    tool = builtin_tools(cast(HostServices, None)).get("get_current_time")
    good = asyncio.run(run_tool(tool, "get_current_time", '{"timezone": "Asia/Tokyo"}'))
    bad = asyncio.run(run_tool(tool, "get_current_time", '{"timezone": 5}'))
    if good.failed or "+09:00" not in good.output or not bad.failed:
        return "fail", f"the time tool answered {good.output} and {bad.output}"
    return "ok", "a tool call validates its arguments and reads the time zone database"


def check_echo() -> Result:
    """WebRTC's echo canceller is a native library the bundle must carry: two seconds of a
    synthetic echo (noise played, heard 50 ms later at -6 dB), removed."""
    from assistant.audio.echo_canceller import WebrtcProcessor

    far = np.random.default_rng(3).normal(0, 3000, 48_000).astype(np.int16)
    echo = np.roll(far, 1200) // 2
    processor = WebrtcProcessor(noise_suppression=False, rate=24_000)
    out = [processor.process(echo[at:at + 480], far[at:at + 480])
           for at in range(0, far.size, 480)]
    left = np.concatenate(out)[24_000:].astype(np.float64)
    erle = 10 * np.log10(np.mean(np.square(echo[24_000:], dtype=np.float64))
                         / max(float(np.mean(np.square(left))), 1e-3))
    if erle < 20:
        return "fail", f"the echo canceller removed only {erle:.0f} dB of a synthetic echo"
    return "ok", f"WebRTC's echo canceller removes {erle:.0f} dB of a synthetic echo"


def check_desktop() -> Result:
    """The languages' catalogues, and on Linux what the global shortcut loads (python-xlib and
    every X extension module it may import when a display opens; jeepney for the portal)."""
    from PySide6.QtCore import QTranslator

    for language in ("de", "en"):
        if not QTranslator().load(str(resource("translations") / f"voice-assistant_{language}.qm")):
            return "fail", f"the {language} catalogue does not load"
    german = QTranslator()
    german.load(str(resource("translations") / "voice-assistant_de.qm"))
    if german.translate("MainWindow", "Settings") != "Einstellungen":
        return "fail", "the German catalogue does not translate"
    if sys.platform.startswith("linux"):
        import jeepney.io.asyncio  # noqa: F401
        import Xlib.display
        import Xlib.ext

        for _, name in vars(Xlib.ext)["__extensions__"]:
            importlib.import_module(f"Xlib.ext.{name}")
        return "ok", "German and English load; python-xlib and jeepney are there"
    return "ok", "German and English load"


def check_text() -> Result:
    """What Qt reads from ICU's data, which the Linux bundle carries cut to that
    (packaging/icu_trimmed.py): Turkish case, Swedish order, a legacy codec, a zone's name."""
    if not sys.platform.startswith("linux"):
        return "ok", "Qt uses the system's text services here"
    from PySide6.QtCore import QCollator, QLocale, QStringDecoder, QTimeZone

    berlin = QTimeZone(b"Europe/Berlin")
    wrong = [what for what, right in (
        ("Turkish upper case", QLocale("tr_TR").toUpper("i") == "\u0130"),
        ("Swedish order", QCollator(QLocale("sv_SE")).compare("\u00e4", "z") > 0),
        ("the Shift_JIS codec", QStringDecoder("Shift_JIS").isValid()),
        ("a German zone name", not berlin.isValid() or berlin.displayName(   # no tzdata here
            QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("de_DE"))
         == "Mitteleurop\u00e4ische Normalzeit"))
        if not right]
    if wrong:
        return "fail", f"Qt's ICU data lacks {', '.join(wrong)}"
    return "ok", "case, collation, codecs and zone names answer from ICU's data"


def check_numbers() -> Result:
    """numpy's BLAS and LAPACK answer: the Linux bundle carries them as calls passed on to the
    reference libraries (packaging/blas_reference.py)."""
    rows = np.arange(12, dtype=np.float32).reshape(3, 4)
    product = float((rows @ rows.T)[2, 2])                          # CBLAS: 8² + 9² + 10² + 11²
    solved = np.linalg.solve(np.array([[3.0, 1.0], [1.0, 2.0]]), np.array([9.0, 8.0]))  # LAPACK
    if product != 366.0 or not np.allclose(solved, [2.0, 3.0]):
        return "fail", f"numpy computes wrongly: {product} (366), {solved} ([2, 3])"
    return "ok", "numpy's BLAS and LAPACK answer"


def check_audio() -> Result:
    from assistant.audio.devices import DeviceCatalog

    catalog = DeviceCatalog()
    try:
        inputs, outputs = catalog.devices("input"), catalog.devices("output")
    finally:
        catalog.close()
    if not inputs or not outputs:
        return "warn", (f"PortAudio started but found {len(inputs)} microphone(s) and "
                        f"{len(outputs)} speaker(s): is PulseAudio or PipeWire running?")
    return "ok", f"PortAudio lists {len(inputs)} input(s), {len(outputs)} output(s); " \
                 f"default '{inputs[0].name}' / '{outputs[0].name}'"


def check_keyring() -> Result:
    from assistant.app.account import api_key_store

    available, name = api_key_store.keyring_status()
    if not name:
        return "fail", "the keyring's own process (--keyring-helper) did not answer"
    if not available:
        return "warn", f"no usable keyring ({name}): keys can be used for one run only"
    return "ok", f"keys are kept by {name}"
