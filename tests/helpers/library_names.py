"""The few private names of libraries the app still uses, each with its reason: tests/test_runtime_untouched.py
fails on any other (and when one listed is gone), and tests/test_no_poking.py leaves these to it."""

NOT_YET_REMOVED = {
    "app/mail/ews/service.py uses exchangelib.services.FindItem's private _get_paging_values":
        "listing's page total (TotalItemsInView): exchangelib has no public way to read it",
    "app/mail/ews/connection.py swaps an object's class (r.__class__)":
        "exchangelib parses a reply with iter_content() at requests' 1-byte chunks (up to ~9 ms GIL holds): "
        "requests' adapter builds a plain Response, and there is no public way to have it build another",
    "app/mail/ews/connection.py getattrs another object's private _content_consumed":
        "whether a reply is already in memory (then 64 KB chunks, and a fault's body may be read): requests "
        "has no public flag for it, and reading content to find out would read a streamed reply whole",
}
