"""`python -m tracker` is the same as the `tracker` command."""

from tracker.cli import run

run()
