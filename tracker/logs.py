"""Logging into a rotating file in the user data folder, one logger per area."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from tracker.paths import log_dir

LOG_FILE_NAME = "tracker.log"


def setup_logging(level: int = logging.INFO) -> Path:
    """Send every logger to `logs/tracker.log` (1 MB × 5); return the file's path."""
    path = log_dir() / LOG_FILE_NAME
    root = logging.getLogger()
    if not any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(level)
    return path
