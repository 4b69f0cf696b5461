"""Subcommands of `tracker`: one module each, every one with `register(subparsers)`."""
