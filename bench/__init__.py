"""Benchmarks: synthetic ledgers (make_ledger), named measurements (measurements), the runner (run)."""
