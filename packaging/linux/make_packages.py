"""Turn the PyInstaller onedir bundle into dist/*.deb and dist/*.tar.gz (called by packaging/build-linux).

    python packaging/linux/make_packages.py BUNDLE_DIR OUT_DIR

Tree (same in both packages; the tarball just has it under one top-level folder):
    opt/dispatch-mail/                          the bundle (executable dispatch-mail + _internal/)
    usr/bin/dispatch-mail                       -> /opt/dispatch-mail/dispatch-mail (in the tarball:
                                                   -> ../../opt/dispatch-mail/dispatch-mail, relocatable)
    usr/share/applications/dispatch-mail.desktop
    usr/share/icons/hicolor/{scalable,NxN}/apps/dispatch-mail.{svg,png}
    usr/share/metainfo/dispatch-mail.metainfo.xml
    usr/share/doc/dispatch-mail/{copyright,changelog.gz}
    usr/share/man/man1/dispatch-mail.1.gz       the man page (also man/fr/man1, man/de/man1: French and
                                                German), and the bash and zsh completions:
    usr/share/bash-completion/completions/dispatch-mail   written at build time from the options' data
    usr/share/zsh/vendor-completions/_dispatch-mail        (app/command/manpage.py, completion.py)
No maintainer scripts: the icon cache and desktop database are refreshed by dpkg triggers of
hicolor-icon-theme / desktop-file-utils. Nothing is ever written to a user's home: removing the
package leaves every user's config and data (~/.config/Dispatch, ~/.local/share/Dispatch).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE))
import elfdeps  # noqa: E402

NAME = "dispatch-mail"
MAINTAINER = "Dispatch team <dispatch@example.com>"
SUMMARY = "keyboard-driven mail composer for Microsoft Exchange"
DESCRIPTION = """\
 Dispatch composes, saves and sends mail through Microsoft Exchange Web
 Services (EWS). Drafts are saved to the server, many drafts can be sent at
 once and every item shows its own result in plain words. A built-in sandbox
 mailbox lets you try it without an account; "dispatch-mail --self-test"
 checks an installation."""


def version() -> str:
    text = (ROOT / "app" / "__init__.py").read_text()
    return re.search(r'__version__\s*=\s*"([^"]+)"', text).group(1)


def deb_arch() -> str:
    try:
        return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                              check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return {"x86_64": "amd64", "aarch64": "arm64"}.get(platform.machine(), platform.machine())


def glibc_version() -> str:
    return os.confstr("CS_GNU_LIBC_VERSION").split()[-1]  # e.g. "glibc 2.36" -> "2.36"


def stage(bundle: Path, root: Path) -> None:
    if root.exists():
        shutil.rmtree(root)
    opt = root / "opt" / NAME
    shutil.copytree(bundle, opt, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    os.symlink(f"/opt/{NAME}/{NAME}", root / "usr" / "bin" / NAME)  # Debian policy: absolute across top dirs
    share = root / "usr" / "share"
    res = ROOT / "resources"
    for src, dst in [(res / f"{NAME}.desktop", share / "applications" / f"{NAME}.desktop"),
                     (res / f"{NAME}.metainfo.xml", share / "metainfo" / f"{NAME}.metainfo.xml"),
                     (res / f"{NAME}.svg", share / "icons" / "hicolor" / "scalable" / "apps" / f"{NAME}.svg")]:
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
    # PNG sizes rendered from the SVG by Qt (packaging/icons.py) into a scratch dir, then placed.
    scratch = root.parent / "icons"
    subprocess.run([sys.executable, str(ROOT / "packaging" / "icons.py"), str(scratch)], check=True)
    for d in sorted(scratch.iterdir()):
        if d.is_dir():
            target = share / "icons" / "hicolor" / d.name / "apps"
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(d / f"{NAME}.png", target / f"{NAME}.png")
    doc = share / "doc" / NAME
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {NAME}\n\nFiles: *\nCopyright: 2026 the Dispatch authors\nLicense: MIT\n\n"
        "Files: opt/dispatch-mail/_internal/*\nCopyright: their respective authors\n"
        "License: various (Python: PSF-2.0; Qt for Python and Qt: LGPL-3.0; exchangelib: BSD-2-Clause;\n"
        " lxml: BSD-3-Clause; keyring, qasync, platformdirs: MIT)\n")
    changelog = (f"{NAME} ({version()}) unstable; urgency=medium\n\n  * Release {version()}.\n\n"
                 f" -- {MAINTAINER}  {time.strftime('%a, %d %b %Y %H:%M:%S +0000', time.gmtime())}\n")
    with gzip.GzipFile(doc / "changelog.gz", "wb", compresslevel=9, mtime=0) as gz:
        gz.write(changelog.encode())
    write_command_docs(share)
    normalise_modes(root)


#: where each file of :func:`command_docs` goes, under usr/share
MAN_PAGE = f"man/man1/{NAME}.1.gz"
#: the man page in the other languages the window speaks: man(1) picks it by the user's LANG / LANGUAGE
MAN_PAGES = {lang: f"man/{lang}/man1/{NAME}.1.gz" for lang in ("fr", "de")}
BASH_COMPLETION = f"bash-completion/completions/{NAME}"
ZSH_COMPLETION = f"zsh/vendor-completions/_{NAME}"


def command_docs() -> dict[str, bytes]:
    """The man page (gzip) and the bash and zsh completions, written now from the options' data (app.command.spec's
    WINDOW_OPTIONS and COMMANDS): path under usr/share -> bytes."""
    sys.path.insert(0, str(ROOT))
    from app.command import window_args as cli
    from app.command.completion import bash_completion, zsh_completion
    from app.command.manpage import man_page
    from app.command.spec import COMMANDS, WINDOW_OPTIONS

    def page(tr=None) -> bytes:
        text = man_page(COMMANDS, WINDOW_OPTIONS, version=version(), description=cli.DESCRIPTION,
                        epilog=cli.EPILOG, tr=tr)
        return gzip.compress(text.encode("ascii"), compresslevel=9, mtime=0)

    docs = {MAN_PAGE: page(),
            BASH_COMPLETION: bash_completion(COMMANDS, WINDOW_OPTIONS).encode(),
            ZSH_COMPLETION: zsh_completion(COMMANDS, WINDOW_OPTIONS).encode()}
    for lang, rel in MAN_PAGES.items():
        docs[rel] = page(catalogue_lookup(lang))
    return docs


def catalogue_lookup(lang: str):
    """The catalogue's lookup for ``lang`` (context, English -> translation or ""), from translations/ built
    now (scripts/translations.py) into a QTranslator."""
    import tempfile

    sys.path.insert(0, str(ROOT / "scripts"))
    import translations
    from PySide6.QtCore import QTranslator

    with tempfile.TemporaryDirectory() as tmp:
        (qm,) = translations.build(qm_dir=Path(tmp), langs=(lang,))
        translator = QTranslator()
        if not translator.load(str(qm)):
            raise RuntimeError(f"cannot read the {lang} catalogue {qm}")
    return lambda context, text: translator.translate(context, text)


def write_command_docs(share: Path) -> None:
    for rel, data in command_docs().items():
        (share / rel).parent.mkdir(parents=True, exist_ok=True)
        (share / rel).write_bytes(data)


def normalise_modes(root: Path) -> None:
    """0755 for dirs and executables (ELF or #!), 0644 for everything else."""
    for dirpath, dirnames, filenames in os.walk(root):
        os.chmod(dirpath, 0o755)
        for f in filenames:
            p = Path(dirpath) / f
            if p.is_symlink():
                continue
            with open(p, "rb") as fh:
                head = fh.read(4)
            exe = head == b"\x7fELF" or head[:2] == b"#!"
            os.chmod(p, 0o755 if exe else 0o644)


def installed_size_kib(root: Path) -> int:
    total = 0
    for dirpath, dirnames, filenames in os.walk(root):
        total += 1  # each dir/file/link counts at least 1 KiB (dpkg-gencontrol's rule of thumb)
        for f in filenames:
            p = Path(dirpath) / f
            total += 1 if p.is_symlink() else (p.stat().st_size + 1023) // 1024
    return total


def write_control(root: Path, ver: str, arch: str) -> list[str]:
    deps, unknown = elfdeps.depends_for(root / "opt" / NAME, glibc_version())
    if unknown:
        raise SystemExit("make_packages: the bundle links libraries neither shipped nor mapped to a "
                         "Debian package; add them to packaging/linux/system-libs.txt: "
                         + ", ".join(unknown))
    deps += ["fonts-dejavu-core | fonts-liberation2 | fonts-freefont-ttf"]  # Qt needs at least one font
    # spell check: pyenchant loads libenchant-2 with ctypes at run time (no ELF link to compute it from),
    # and enchant needs a Hunspell dictionary (app/core/compose/spelling.py; without them spell check is off)
    deps += ["libenchant-2-2", "hunspell-en-us | hunspell-dictionary"]
    debian = root / "DEBIAN"
    debian.mkdir()
    size = installed_size_kib(root)
    (debian / "control").write_text(
        f"Package: {NAME}\nVersion: {ver}\nArchitecture: {arch}\nMaintainer: {MAINTAINER}\n"
        f"Installed-Size: {size}\nDepends: {', '.join(deps)}\n"
        "Recommends: gnome-keyring | kwalletmanager | keepassxc\n"
        "Section: mail\nPriority: optional\n"
        f"Description: {SUMMARY}\n{DESCRIPTION}\n")
    lines = []
    for dirpath, dirnames, filenames in os.walk(root):
        if Path(dirpath) == debian:
            continue
        for f in sorted(filenames):
            p = Path(dirpath) / f
            if not p.is_symlink():
                lines.append(f"{hashlib.md5(p.read_bytes()).hexdigest()}  {p.relative_to(root)}\n")
    (debian / "md5sums").write_text("".join(sorted(lines, key=lambda s: s[34:])))
    os.chmod(debian / "md5sums", 0o644)
    os.chmod(debian / "control", 0o644)
    return deps


def zstd_level() -> str:
    """The .deb's zstd level: 19 for a release (the smallest download); DISPATCH_DEB_ZSTD_LEVEL overrides it
    (the test suite's build takes 9: the same files, ~17 % larger, in ~5 s of CPU instead of ~100 s)."""
    return os.environ.get("DISPATCH_DEB_ZSTD_LEVEL", "19")


def build_deb(root: Path, out: Path) -> None:
    level = zstd_level()
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zzstd", f"-z{level}", "--build", str(root),
                    str(out)], check=True, stdout=subprocess.DEVNULL)


def build_tar(root: Path, out: Path, top: str) -> None:
    def owner(ti: tarfile.TarInfo) -> tarfile.TarInfo:
        ti.uid = ti.gid = 0
        ti.uname = ti.gname = "root"
        if ti.issym() and ti.name == f"{top}/usr/bin/{NAME}":
            ti.linkname = f"../../opt/{NAME}/{NAME}"  # relative here: the folder works wherever it is
        return ti

    with tarfile.open(out, "w:gz", compresslevel=6) as tar:
        for entry in sorted(p for p in root.iterdir() if p.name != "DEBIAN"):
            tar.add(entry, arcname=f"{top}/{entry.name}", filter=owner)
        # a top-level launcher link so "./dispatch-mail-*/dispatch-mail" works after extracting
        ti = tarfile.TarInfo(f"{top}/{NAME}")
        ti.type = tarfile.SYMTYPE
        ti.linkname = f"opt/{NAME}/{NAME}"
        tar.addfile(owner(ti))


def main(argv: list[str]) -> int:
    bundle, out_dir = Path(argv[0]).resolve(), Path(argv[1]).resolve()
    if not (bundle / NAME).is_file():
        raise SystemExit(f"make_packages: no bundle at {bundle}")
    ver, arch = version(), deb_arch()
    work = ROOT / "build" / "deb"
    root = work / "root"
    t0 = time.monotonic()
    stage(bundle, root)
    deps = write_control(root, ver, arch)
    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"{NAME}_{ver}_{arch}.deb"
    tgz = out_dir / f"{NAME}-{ver}-linux-{platform.machine()}.tar.gz"
    build_deb(root, deb)
    build_tar(root, tgz, f"{NAME}-{ver}-linux-{platform.machine()}")
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True,
                            text=True).stdout.strip()
    info = {"version": ver, "arch": arch, "deb": deb.name, "tarball": tgz.name, "commit": commit,
            "deb_bytes": deb.stat().st_size, "deb_zstd_level": int(zstd_level()), "tar_bytes": tgz.stat().st_size,
            "installed_kib": installed_size_kib(root) - installed_size_kib(root / "DEBIAN"),
            "depends": deps, "packaging_seconds": round(time.monotonic() - t0, 1)}
    (out_dir / "build-info.json").write_text(json.dumps(info, indent=2) + "\n")
    print(f"make_packages: {deb} ({deb.stat().st_size / 1e6:.1f} MB), {tgz} "
          f"({tgz.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
