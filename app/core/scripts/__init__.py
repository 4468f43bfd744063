"""The door to an account's queue and what answers it. A ``dispatch-mail`` command parses its own command line
(app/command/), reads its files and builds its message, then knocks at the account's door (:mod:`.doors`: the
lock that gives one process the queue, the socket, the wire) with a typed, versioned request
(:mod:`.door_protocol`: ``Submit``, ``ListQueue``, ``Retry``, ``Cancel``); the process holding the queue serves it
(:mod:`.door_server`) and its desk (:mod:`.desk`) answers through Sending and the Outbox, never reading a command
line or a file of the command's. Exit codes in :mod:`.exits`.
"""
