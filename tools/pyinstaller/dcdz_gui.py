"""Entry of the windowed `督查台账` program in the PyInstaller build (see build.spec)."""

from tracker.commands.gui import begin_quick_check

begin_quick_check(None)  # the ledger's quick check runs while the window's modules import

from ui.app import main  # noqa: E402

main()
