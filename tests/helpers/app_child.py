"""The real app in a child process, driven from inside: the shared ``main`` of the child scripts that the
reliability tests start (tests/reliability/*_app_child.py). The app signs in to the test's sandbox with the
command line a user would type; ``driver_cls(log)`` is started 50 ms into the event loop and finds the
window itself."""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication


def run_real_app(driver_cls, log_env: str) -> int:
    graph = os.environ.get("KILL_BACKEND", "ews") == "graph"
    if graph:  # a Microsoft 365 account on the sandbox's Graph, signed in as a user has (tests/reliability/kill_child.py)
        from tests.reliability.kill_child import sign_in_to_graph

        sign_in_to_graph("alice@example.com", os.environ["KILL_PW"])
    app = QApplication.instance() or QApplication(sys.argv[:1])  # app_main.run reuses it
    driver = driver_cls(open(os.environ[log_env], "a", buffering=1, encoding="utf-8"))
    QTimer.singleShot(50, driver.start)
    from app.cli import main as app_main

    _ = app
    if graph:
        return app_main([])  # the account from the settings file
    return app_main(["--ews-url", os.environ["KILL_URL"], "--email", "alice@example.com",
                     "--username", os.environ["KILL_USER"], "--password-env", "KILL_PW"])
