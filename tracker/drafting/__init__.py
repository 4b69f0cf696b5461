"""Drafting a plan from a policy document's text: header, numbered tasks, units, targets.

The result is a validated plan file for the officer to review, with every uncertain
guess listed as a warning; nothing here writes to the ledger.
"""

from tracker.drafting.draft import Draft, draft_file, draft_text

__all__ = ["Draft", "draft_file", "draft_text"]
