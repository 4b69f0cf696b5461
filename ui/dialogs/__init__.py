"""Dialogs for files that come and go: unit forms out and back, plans in.

Each is opened by a function taking the main window (`.database`, and `reload()` when it
has one); the lead wires them into the menu.
"""
