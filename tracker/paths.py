"""Where the program's own files and the user's data live, frozen or not."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from tracker import APP_ID


def app_root() -> Path:
    """The folder holding `tracker/`, `seed/`, `migrations/`, `resources/`.

    In a PyInstaller build that is the bundle's folder; otherwise the parent of this package
    (the checkout for an editable install, site-packages for a wheel).
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def seed_dir() -> Path:
    return app_root() / "seed"


def migrations_dir() -> Path:
    return app_root() / "migrations"


def resources_dir() -> Path:
    return app_root() / "resources"


def user_data_dir() -> Path:
    """Per-user data folder (Windows: %LOCALAPPDATA%\\dcdz-tracker), never the program folder."""
    override = os.environ.get("TRACKER_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return user_data_dir() / "ledger.sqlite3"


def log_dir() -> Path:
    path = user_data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir() -> Path:
    path = user_data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def evidence_cache_dir() -> Path:
    """Where 打开 puts copies of evidence for the system viewer: the per-user cache folder.

    Under `TRACKER_HOME` when that is set (tests, a portable install), else platformdirs'
    cache folder (Windows: %LOCALAPPDATA%\\dcdz-tracker\\Cache), never the program folder.
    """
    override = os.environ.get("TRACKER_HOME")
    if override:
        path = Path(override) / "cache" / "evidence"
    else:
        path = Path(platformdirs.user_cache_dir(APP_ID, appauthor=False)) / "evidence"
    path.mkdir(parents=True, exist_ok=True)
    return path
