"""Entry of the windowed `督查台账` program in the PyInstaller build (see build.spec)."""

from ui.app import main

main()
