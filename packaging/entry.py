"""PyInstaller entry point for the packaged Dispatch (all platforms): runs app.cli.main.

The app never starts processes of its own, so multiprocessing is left out of the bundle (the spec
excludes it): its import alone costs ~15 ms before the first frame.
"""

import sys

if __name__ == "__main__":
    from app.cli import main

    sys.exit(main())
