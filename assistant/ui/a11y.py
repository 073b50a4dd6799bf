"""Accessibility in one place: what a control is called and does, and spoken announcements.

A description doubles as the tooltip, so what a screen reader says, a mouse user sees.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QFormLayout, QWidget


def describe(widget: QWidget, description: str, name: str = "") -> QWidget:
    if name:
        widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)
    if not widget.toolTip():
        widget.setToolTip(description)
    return widget


def add_row(form: QFormLayout, label: str, widget: QWidget, description: str) -> None:
    """A form row whose field is named by its label (a combo box would otherwise be read out
    by its current value alone)."""
    form.addRow(label, describe(widget, description, label.replace("&", "")))


def announce(widget: QWidget, text: str) -> None:
    """Have assistive technology say `text` (a state change the user did not cause by focus)."""
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))
