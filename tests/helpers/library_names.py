"""The few private names of libraries the app still uses, each with its reason: tests/test_runtime_untouched.py
fails on any other (and when one listed is gone), and tests/test_no_poking.py leaves these to it."""

NOT_YET_REMOVED = {
    "app/mail/ews/service.py uses exchangelib.services.FindItem's private _get_paging_values":
        "listing's page total (TotalItemsInView): exchangelib has no public way to read it",
}
