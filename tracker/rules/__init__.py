"""Pure rules, one a module: no database, no Qt; thresholds are settings objects."""
