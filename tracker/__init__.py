"""督查台账 (task-accountability ledger): the program without a screen.

Nothing under `tracker/` imports Qt: the command line, the reports and every rule live
here and are tested without a display; `ui/` only adapts them to widgets.
"""

__version__ = "0.1.0"
APP_NAME = "督查台账"
APP_ID = "dcdz-tracker"
