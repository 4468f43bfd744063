"""PyInstaller entry point for the packaged Dispatch (all platforms): runs app.cli.main.

The app's one process of its own, the HTML helper (``dispatch-mail --qt-html``, app/ui/compose/body/html_helper.py), is
this same executable started with ``subprocess``; multiprocessing is left out of the bundle (the spec
excludes it): its import alone costs ~15 ms before the first frame.
"""

import sys

if __name__ == "__main__":
    from app.cli import main

    sys.exit(main())
