"""Which shared libraries the Linux bundle links, and which Debian packages provide the ones it does not ship.

Used by packaging/dispatch.spec (to leave the desktop/X11/GL stack to the system instead of copying
the build machine's copies), by packaging/linux/make_packages.py (to write the .deb's Depends:) and by
tests/test_packaging.py (to prove every library the bundle needs is either shipped or depended on).

Pure Python (reads ELF dynamic sections itself): no ldd/objdump needed, and libraries need not be
installed on the build machine.
"""

from __future__ import annotations

import posixpath
import struct
from pathlib import Path

HERE = Path(__file__).resolve().parent
SYSTEM_LIBS = HERE / "system-libs.txt"

# glibc's own libraries: always present (libc6 is essential); versioned in Depends from the build host.
GLIBC = {"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libutil.so.1",
         "libresolv.so.2", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1", "libanl.so.1",
         "libnsl.so.1", "libcrypt.so.1"}


def needed(path: str | Path) -> list[str]:
    """DT_NEEDED sonames of an ELF file ([] if it is not a 64/32-bit little-endian ELF)."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF" or data[5] != 1:  # little-endian only (x86_64, aarch64)
        return []
    is64 = data[4] == 2
    if is64:
        e_phoff, = struct.unpack_from("<Q", data, 0x20)
        e_phentsize, e_phnum = struct.unpack_from("<HH", data, 0x36)
    else:
        e_phoff, = struct.unpack_from("<I", data, 0x1C)
        e_phentsize, e_phnum = struct.unpack_from("<HH", data, 0x2A)
    loads, dynamic = [], None
    for i in range(e_phnum):
        off = e_phoff + i * e_phentsize
        if is64:
            p_type, _, p_offset, p_vaddr, _, p_filesz = struct.unpack_from("<IIQQQQ", data, off)
        else:
            p_type, p_offset, p_vaddr, _, p_filesz = struct.unpack_from("<IIIII", data, off)
        if p_type == 1:
            loads.append((p_vaddr, p_offset, p_filesz))
        elif p_type == 2:
            dynamic = (p_offset, p_filesz)
    if dynamic is None:
        return []
    ent = 16 if is64 else 8
    fmt = "<qQ" if is64 else "<iI"
    strtab, names = None, []
    for off in range(dynamic[0], dynamic[0] + dynamic[1], ent):
        tag, val = struct.unpack_from(fmt, data, off)
        if tag == 0:
            break
        if tag == 1:
            names.append(val)
        elif tag == 5:
            strtab = val
    if strtab is None:
        return []
    for vaddr, offset, size in loads:  # DT_STRTAB is a virtual address: map it to a file offset
        if vaddr <= strtab < vaddr + size:
            base = strtab - vaddr + offset
            break
    else:
        return []
    return [data[base + n: data.index(b"\0", base + n)].decode() for n in names]


def is_elf(path: str | Path) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def load_system_libs() -> dict[str, str]:
    """soname -> Debian dependency (may hold alternatives, e.g. 'libglib2.0-0t64 | libglib2.0-0')."""
    table = {}
    for line in SYSTEM_LIBS.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            soname, pkg = line.split(None, 1)
            table[soname] = pkg.strip()
    return table


def _is_root(dest: str) -> bool:
    """Binaries Python or Qt load by path (extensions, plugins, libpython): the closure's roots."""
    name = dest.rsplit("/", 1)[-1]
    return (".cpython-" in name or name.endswith(".abi3.so") or "/plugins/" in "/" + dest
            or name.startswith("libpython") or ("/" in dest and name.endswith(".so")))


def prune(binaries: list[tuple], system: dict[str, str]) -> tuple[list[tuple], list[str]]:
    """Filter a PyInstaller binaries TOC (dest, src, typecode).

    Drops libraries the system provides (``system``: they become Depends) and libraries nothing that
    is kept links to (e.g. GTK pulled in by a Qt plugin we dropped). Returns (kept, dropped_names).
    """
    by_name = {}
    for entry in binaries:
        by_name.setdefault(entry[0].rsplit("/", 1)[-1], entry)
    keep, todo = set(), []
    for entry in binaries:
        name = entry[0].rsplit("/", 1)[-1]
        if _is_root(entry[0]) and name not in system:
            keep.add(entry[0])
            todo.append(entry)
    while todo:
        entry = todo.pop()
        for so in needed(entry[1]) if is_elf(entry[1]) else []:
            dep = by_name.get(so)
            if dep is not None and so not in system and dep[0] not in keep:
                keep.add(dep[0])
                todo.append(dep)
    kept = [e for e in binaries if e[0] in keep or (len(e) < 3 or e[2] != "SYMLINK") and not is_elf(e[1])]
    # PyInstaller also lists symlinks (dest, target, "SYMLINK"): keep those whose target stays.
    kept += [e for e in binaries if len(e) > 2 and e[2] == "SYMLINK"
             and posixpath.normpath(posixpath.join(posixpath.dirname(e[0]), e[1])) in keep]
    dropped = sorted({e[0] for e in binaries} - {e[0] for e in kept})
    return kept, dropped


def external_needs(tree: str | Path) -> dict[str, list[str]]:
    """soname -> [files needing it] for every soname an ELF under ``tree`` needs but ``tree`` lacks."""
    tree = Path(tree)
    files = [p for p in tree.rglob("*") if p.is_file() and not p.is_symlink() and is_elf(p)]
    present = {p.name for p in tree.rglob("*")}
    out: dict[str, list[str]] = {}
    for p in files:
        for so in needed(p):
            if so not in present:
                out.setdefault(so, []).append(str(p.relative_to(tree)))
    return out


def depends_for(tree: str | Path, glibc_min: str) -> tuple[list[str], list[str]]:
    """(Depends entries, unknown sonames) for the bundle under ``tree``."""
    system = load_system_libs()
    deps, unknown = {f"libc6 (>= {glibc_min})"}, []
    for so in sorted(external_needs(tree)):
        if so in GLIBC:
            continue
        if so in system:
            deps.add(system[so])
        else:
            unknown.append(so)
    return sorted(deps), unknown
