"""Read models: plain dataclasses the window, the reports and the CLI display."""
