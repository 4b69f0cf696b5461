"""Pure rules, one per module, no database and no Qt: what the program judges and why.

Each rule's docstring states it in one sentence, the same sentence the user guide prints.
Thresholds and weights are plain settings objects, so the officer can read and adjust them.
"""
