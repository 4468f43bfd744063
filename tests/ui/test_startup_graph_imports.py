"""Issue 14: a Microsoft Graph account starts as fast as an EWS one - httpx, msal and the Graph backend load
after the first paint (in the backend's worker thread), never before it. bench/startup_imports.py measures
it for three starts; this runs its Graph-account start once, until the Graph backend has been built."""

from __future__ import annotations

from bench.startup_imports import graph_account, is_graph_module, start


def test_graph_modules_load_after_the_first_paint(sandbox_factory, tmp_path):
    sb = sandbox_factory(graph=True)
    home = str(tmp_path)
    env = graph_account(home, sb)
    loaded = start([], home, seconds=60, extra_env=env, end_after="msal")
    assert {"app.mail.graph.service", "httpx", "msal"} <= set(loaded), f"the Graph backend was never built: {loaded}"
    early = {m: v for m, v in loaded.items() if is_graph_module(m) and v["ms_after_paint"] < 0}
    assert early == {}, f"imported before the first paint: {early}"
    heavy = {m: v for m, v in loaded.items() if m.split(".")[0] in ("httpx", "msal") and v["thread"] == "MainThread"}
    assert heavy == {}, f"imported on the UI thread: {heavy}"
