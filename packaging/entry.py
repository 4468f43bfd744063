"""PyInstaller entry point for the packaged Dispatch (all platforms): runs app.cli.main."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless if unused; required if anything ever spawns a process
    from app.cli import main

    sys.exit(main())
