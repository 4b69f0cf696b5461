"""Rules: pure functions, one rule each, no database and no Qt; thresholds are settings objects."""
