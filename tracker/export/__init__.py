"""Exports: JSON (the contract), and the report renderers."""
