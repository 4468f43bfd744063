"""The few private names of libraries the app still uses, each with its reason: the no-internals rule
(tests/helpers/rules.py, run by tests/test_rules.py) fails on any other, and when one listed is gone."""

#: none left (issue 76): exchangelib's paging total and requests' reply are read through their public API, so
#: neither library is pinned any more; a new entry needs its reason and a version pin in pyproject.toml
NOT_YET_REMOVED: dict[str, str] = {}

#: what the benches still do to the app's or a library's insides to measure it, each with its reason (issue 60:
#: bench/ and scripts/ are read by the same rules; these are to go, not to grow)
MEASURED = {
    "bench/bench_reap.py reads r._step": "steps the reaper's timer by hand, one turn at a time",
    "bench/bench_requests_graph.py reads svc._http": "watches the Graph service's one httpx.Client",
    "bench/bench_typing_stall.py reads c._rich_pieces": "times the compose view's rich-text read",
    "bench/bench_typing_stall.py sets c._rich_pieces": "the same timer, put in",
    "bench/bench_typing_stall.py deletes c._rich_pieces": "the same timer, taken out",
    "bench/bench_typing_stall.py reads super()._tick": "a heartbeat that also measures the gaps it ticks in",
    "bench/bench_spell_stall.py setattr on enchant": "counts the threads enchant.Dict.check/suggest run on",
    "bench/bench_startup_stall.py uses gc.unfreeze": "measures a full collection without start-up's freeze",
    "scripts/send_path.py uses setprofile": "records every app call of the two send paths with its thread (issue 76, "
                                            "item 8): a measurement that tunes nothing, off when it is done",
}
