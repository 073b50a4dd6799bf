"""What assistive technology sees: every control named and described, state told in words and
announced, every action reachable by keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QKeySequenceEdit,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.ui.test_desktop import connected

INTERACTIVE = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QPlainTextEdit,
               QTextEdit, QAbstractItemView, QSlider, QKeySequenceEdit, QTabBar)


def unnamed(root: QWidget) -> list[str]:
    """Interactive widgets whose accessible name or description is empty (as a screen reader
    reads them: Qt fills in a button's text, a form label's buddy, a tooltip)."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or _inner_part(widget):
            continue
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name).strip() if face else ""
        description = face.text(QAccessible.Text.Description).strip() if face else ""
        if not name or not description:
            what = "name" if not name else "description"
            missing.append(f"{type(widget).__name__} {widget.objectName() or name!r}: no {what}")
    return missing


def _inner_part(widget: QWidget) -> bool:
    """A widget's own parts speak through it: a spin box's line edit, a combo's list, a line
    edit's clear button, a table's headers and corner, a tab bar's scroll arrows."""
    if isinstance(widget, QHeaderView) or widget.objectName().startswith(("qt_", "Scroll")):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QKeySequenceEdit, QLineEdit)):
            return True
        parent = parent.parentWidget()
    return False


async def test_every_control_of_the_window_and_dialogs_is_named_and_described(make_shell):
    shell = await make_shell("--offline")
    await connected(shell)
    window = shell.window
    window.history_button.toggle()
    window.inspector_button.toggle()
    shell.open_settings()
    shell.open_key_dialog("")
    missing = sorted({*unnamed(window), *unnamed(shell.settings_dialog),
                      *unnamed(shell.key_dialog)})
    shell.key_dialog.reject()
    shell.settings_dialog.reject()
    assert missing == [], "\n".join(missing)


async def test_every_control_of_the_window_can_be_reached_with_tab(make_shell):
    shell = await make_shell("--offline")
    await connected(shell)
    window = shell.window
    window.show()
    window.history_button.toggle()
    window.inspector_button.toggle()
    chain, widget = [], window.nextInFocusChain()
    while widget is not window and len(chain) < 500:
        chain.append(widget)
        widget = widget.nextInFocusChain()
    unreachable = [w for w in window.findChildren(QWidget)
                   if isinstance(w, INTERACTIVE) and not _inner_part(w) and w.isVisible()
                   and w.isEnabled()
                   and (w not in chain or not w.focusPolicy() & Qt.FocusPolicy.TabFocus)]
    assert [f"{type(w).__name__} {w.accessibleName()}" for w in unreachable] == []


async def test_state_changes_are_told_in_words_and_announced(make_shell, monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(QAccessible, "isActive", staticmethod(lambda: True))
    monkeypatch.setattr(QAccessible, "updateAccessibility",
                        staticmethod(lambda event: said.append(event.message())))
    shell = await make_shell("--offline")
    await connected(shell)
    window = shell.window
    assert window.state_label.text().startswith("Ready")
    assert any(text.startswith("Ready") for text in said)
    assert window.state_dot.accessibleName() == "Ready"        # the icon says it in words
