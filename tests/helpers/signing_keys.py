"""Token-signing keys for the sandboxes' sign-in authorities, made once per worker and handed out again.

Making a 2048-bit RSA key costs 0.05-0.5 s of CPU, and every sandbox that serves Graph made one: about a
minute of a full run. ``KeyRing.take(avoid)`` hands out a key none of ``avoid`` is (the keys already given to
this test's authorities, so two authorities of one test never share a key and a token of one is never
another's), cycling through at most :data:`SIZE` keys, so a key comes back only after other sandboxes had the
others. A test that needs a key never used before (``tests/authority/test_tokens.py``: another run signs with
another key) builds its Authority without one."""

from __future__ import annotations

import itertools

from app.sandbox.authority.jws import SigningKey

SIZE = 4


class KeyRing:
    def __init__(self, size: int = SIZE):
        self.size = size
        self.keys: list[SigningKey] = []
        self._turn = itertools.count()

    def take(self, avoid=()) -> SigningKey:
        taken = {id(k) for k in avoid}
        if len(self.keys) < self.size:
            key = SigningKey()
            self.keys.append(key)
            return key
        start = next(self._turn)
        for i in range(self.size):
            key = self.keys[(start + i) % self.size]
            if id(key) not in taken:
                return key
        return SigningKey()  # this test already holds every key of the ring: a fresh one, never shared


#: one ring per worker process
RING = KeyRing()
