"""The desktop window (PySide6): adapts `tracker` to widgets; no rules live here."""
