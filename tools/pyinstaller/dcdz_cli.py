"""Entry of the console `tracker-cli` program in the PyInstaller build (see build.spec).

The same command line as `tracker`: `tracker-cli init`, `tracker-cli export json --out F`,
`tracker-cli --self-test`; what Windows Task Scheduler runs for unattended jobs.
"""

from tracker.cli import run

run()
