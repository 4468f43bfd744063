"""Big texts without page faults under the GIL (issue 16).

A 10 MB body is copied whole a few times on its way to the server (Compose's mirror joined for a
validation, the journal's read, the request's pieces joined). glibc serves each such allocation with a
fresh ``mmap`` and returns it to the system when freed, so every copy first faults in 2,560 zeroed pages:
~6 ms for 10 MB, with the GIL held, while the UI thread waits to paint the next keystroke (the same join
costs 0.5 ms in memory that was used before: ``bench/bench_typing_stall.py``). Here glibc is told to
serve allocations up to 32 MiB from its heaps and to keep up to 64 MiB of freed memory for the next
ones, instead of its adaptive thresholds that start at 128 KiB. The cost: up to 64 MiB of freed memory
stays with the process after a big message (measured in ``bench/bench_list_10k.py``'s RSS row).
Other C libraries and systems are left as they are.

While a big body is put into the editor a piece per turn (app/ui/body_loader.py), :func:`mapping_big`
lowers the first threshold to 1 MiB: Qt's document buffers grow by doubling, and one that grew past 32 MiB
was copied whole (16 MiB) into a fresh mapping in one append: 27-53 ms of the UI thread, most of it the
kernel zeroing the new pages (``perf``). Mapped from 1 MiB on, a buffer grows by ``mremap``: the kernel
moves its pages, nothing is copied.
"""

from __future__ import annotations

import functools
import sys

M_TRIM_THRESHOLD = -1  # <malloc.h>
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 * 1024 * 1024  # glibc's largest allowed value on 64-bit (HEAP_MAX_SIZE / 2)
TRIM_THRESHOLD = 64 * 1024 * 1024
MMAP_THRESHOLD_LOADING = 1024 * 1024  # while a big body goes into an editor (mapping_big)

_loading = 0  # bodies being loaded (mapping_big)


def _mallopt():
    """glibc's ``mallopt``, or None (not Linux, not glibc: e.g. musl has none)."""
    if not sys.platform.startswith("linux"):
        return None
    return _glibc_mallopt()


@functools.cache
def _glibc_mallopt():
    """Looked up once: ``ctypes.CDLL`` builds a class of its own at each call (~1 ms in Compose's
    ``load()`` of a long body, issue 16)."""
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return None
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return mallopt


def keep_freed_memory() -> bool:
    """Set glibc's thresholds (see above). True when they were set."""
    mallopt = _mallopt()
    if mallopt is None:
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))


def mapping_big(on: bool) -> bool:
    """A big body starts (``on``) or stops going into an editor: allocations from 1 MiB on get mappings of
    their own while any is loading (see above), and the usual thresholds are back after the last. True
    when glibc took the setting."""
    global _loading
    _loading = _loading + 1 if on else max(0, _loading - 1)
    mallopt = _mallopt()
    if mallopt is None:
        return False
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_LOADING if _loading else MMAP_THRESHOLD))
