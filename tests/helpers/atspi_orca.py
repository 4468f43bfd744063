"""Orca itself on the AT-SPI session of tests/helpers/atspi_session.py, its speech written to a file: the words a
user hears.

Speech Dispatcher runs with a private configuration whose only output module is sd_generic running a command per
utterance: the words go, one line each, to ``spoken.txt``, and espeak-ng synthesises them to a WAV file each. There
is no sound card here: the module's audio goes to libao's ``null`` driver (``~/.libao``). Orca (its preferences
in a private folder, ``--debug-file``; never ``--replace``, which kills every Orca of the user) talks to that Speech Dispatcher through
``$XDG_RUNTIME_DIR/speech-dispatcher/speechd.sock``, the session's private runtime folder.

Optional: the tests skip, saying why, where Orca, Speech Dispatcher or espeak-ng is not installed (apt:
``orca speech-dispatcher espeak-ng``), or where the user's own Orca runs (Orca starts once per user). One Orca at a
time: the workers of a parallel run take turns (:func:`one_orca_at_a_time`).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from tests.helpers.atspi_session import SYSTEM_PYTHON, AtspiSession

SPEECHD_CONF = """\
LogLevel 3
LogDir "{log}"
DefaultLanguage "en"
AudioOutputMethod "libao"
AddModule "tofile" "sd_generic" "tofile.conf"
DefaultModule tofile
"""
# sd_generic puts the utterance in $DATA, quoted for the shell (as Debian's own generic modules use it)
MODULE_CONF = """\
Debug 0
GenericExecuteSynth "printf '%s\\\\n' \\'$DATA\\' >> {spoken}; printf %s \\'$DATA\\' | espeak-ng -v en-us --stdin -w {wavs}/$(date +%s%N).wav"
GenericCmdDependency "espeak-ng"
GenericLanguage "en" "en-us" "utf-8"
AddVoice "en" "MALE1" "en-us"
"""


#: one Orca at a time on this machine: Orca refuses to start beside another of the same user (``pgrep -u UID -x
#: orca``), so the workers of a parallel run take turns, holding this lock while theirs runs
LOCK = Path(tempfile.gettempdir()) / "dispatch-tests-orca.lock"


def missing_parts() -> list[str]:
    return [tool for tool in ("orca", "speech-dispatcher", "espeak-ng", "spd-say") if shutil.which(tool) is None]


def other_orca() -> bool:
    """Whether an Orca of this user already runs (the user's own screen reader, or another test's)."""
    return subprocess.run(["pgrep", "-u", str(os.getuid()), "-x", "orca"], capture_output=True).returncode == 0


@contextmanager
def one_orca_at_a_time():
    with open(LOCK, "a") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def orca_version() -> str:
    out = subprocess.run(["orca", "--version"], capture_output=True, text=True, timeout=30)
    return out.stdout.strip() or out.stderr.strip()


def orca_listens_for_announcements() -> bool:
    """Whether the installed Orca registers a listener for ``object:announcement`` (its default script does in
    newer releases; Orca 43 has none)."""
    code = ("import orca, pathlib; d = pathlib.Path(orca.__file__).parent; "
            "print(any('object:announcement' in p.read_text(errors='replace') for p in d.rglob('*.py')))")
    out = subprocess.run([SYSTEM_PYTHON, "-c", code], capture_output=True, text=True, timeout=60)
    return out.stdout.strip() == "True"


class OrcaSpeech:
    """Speech Dispatcher and Orca started in ``session``; :meth:`wait_for` a spoken line."""

    def __init__(self, session: AtspiSession):
        self.session = session
        self.dir = session.dir / "orca"
        self.spoken_path = self.dir / "spoken.txt"
        self.wavs = self.dir / "wav"  # one file per utterance
        home = self.dir / "home"
        home.mkdir(parents=True, exist_ok=True)
        (home / ".libao").write_text("default_driver=null\n")
        self.env = dict(session.env, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
                        XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CACHE_HOME=str(home / ".cache"))
        self.env.pop("SPEECHD_ADDRESS", None)
        # a client that finds no server starts one of its own (``speech-dispatcher --spawn``), which outlives the
        # test: the user configuration it reads says not to; the one this session starts is given its own
        user_conf = home / ".config" / "speech-dispatcher"
        user_conf.mkdir(parents=True, exist_ok=True)
        (user_conf / "speechd.conf").write_text("DisableAutoSpawn\n")

    def start(self, timeout: float = 60.0) -> "OrcaSpeech":
        conf = self.dir / "speechd"
        (conf / "modules").mkdir(parents=True, exist_ok=True)
        (self.dir / "log").mkdir(exist_ok=True)
        (conf / "speechd.conf").write_text(SPEECHD_CONF.format(log=self.dir / "log"))
        self.wavs.mkdir(exist_ok=True)
        (conf / "modules" / "tofile.conf").write_text(MODULE_CONF.format(spoken=self.spoken_path, wavs=self.wavs))
        self.spoken_path.touch()
        self.session._spawn(["speech-dispatcher", "--run-single", "--timeout", "0", "--config-dir", str(conf),
                             "--pid-file", str(self.dir / "speechd.pid")], "speech-dispatcher", env=self.env,
                            stdout=subprocess.DEVNULL)
        socket = Path(self.env["XDG_RUNTIME_DIR"]) / "speech-dispatcher" / "speechd.sock"
        deadline = time.monotonic() + timeout
        while not socket.exists():  # a client that comes sooner would try to start a Speech Dispatcher of its own
            if time.monotonic() > deadline:
                raise TimeoutError(f"Speech Dispatcher made no socket in {timeout} s: "
                                   f"{self.session._stderr('speech-dispatcher')}")
            time.sleep(0.05)
        # spd-say -w returns once its words are spoken: Speech Dispatcher is up and its module writes the file
        subprocess.run(["spd-say", "--wait", "speech check"], env=self.env, timeout=timeout, check=True,
                       capture_output=True)
        self.wait_for(lambda line: line == "speech check", timeout)
        # never --replace: it SIGKILLs every Orca of this user, a user's own screen reader too
        orca = self._orca()
        try:
            self.wait_for(lambda line: line.startswith("Screen reader on"), timeout)
        except TimeoutError:
            # Orca 43 has been seen to stop for a minute after loading its settings on a loaded machine (its debug
            # log ends at "Runtime settings set."): ours, this session's only one, is started once more
            orca.kill()
            orca.wait(10)
            self._orca(attempt=2)
            self.wait_for(lambda line: line.startswith("Screen reader on"), timeout)
        return self

    def _orca(self, attempt: int = 1) -> subprocess.Popen:
        suffix = "" if attempt == 1 else f"-{attempt}"
        return self.session._spawn(["orca", "--user-prefs", str(self.dir / "prefs"), "--debug-file",
                                    str(self.dir / f"orca-debug{suffix}.txt")], f"orca{suffix}", env=self.env,
                                   stdout=subprocess.DEVNULL)

    def lines(self) -> list[str]:
        return self.spoken_path.read_text(encoding="utf-8", errors="replace").splitlines()

    def mark(self) -> int:
        return len(self.lines())

    def wait_for(self, match, timeout: float = 30.0, since: int = 0) -> str:
        """The first line spoken after ``since`` that ``match`` accepts; the file is read again every 50 ms until
        the deadline (the module appends a line per utterance as it speaks it)."""
        deadline = time.monotonic() + timeout
        while True:
            found = next((line for line in self.lines()[since:] if match(line)), None)
            if found is not None:
                return found
            if time.monotonic() > deadline:
                raise TimeoutError(f"not spoken within {timeout} s; spoken: {self.lines()[since:]}\n--- Orca's stderr:\n"
                                   f"{self.session._stderr('orca')[-2000:]}")
            time.sleep(0.05)
