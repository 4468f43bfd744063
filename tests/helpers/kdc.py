"""A real MIT Kerberos KDC for the tests (Debian's ``krb5-kdc``, installed by scripts/bootstrap.sh test): a
temporary realm in a temporary folder, its own krb5.conf and kdc.conf (``KRB5_CONFIG``, ``KRB5_KDC_PROFILE``), a
``krb5kdc`` on a free loopback port, the test user's principal with a password, the sandbox's ``HTTP/localhost``
service principal in a keytab, and the user's ticket in a ccache of its own (``KRB5CCNAME``, got with ``kinit``,
the password on its standard input). Nothing is written outside the folder; the KDC is stopped at the end.

The service is named after ``localhost`` (a name the sandbox's certificate carries, app/sandbox/tlscert.py): a
Kerberos service name is a host name, never an address. The client resolves nothing (``rdns = false``,
``dns_canonicalize_hostname = false``): ``HTTP@localhost`` is ``HTTP/localhost@DISPATCH.TEST`` as written.

Where the KDC's programs are missing (no apt on the machine), ``skip_reason()`` says which, and the
``kdc_realm`` fixture (tests/conftest.py: one realm per test process) skips with that reason."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

REALM = "DISPATCH.TEST"
USER = "alice"
PASSWORD = "alice-kerberos-pw"
SERVICE_HOST = "localhost"
#: where Debian puts the KDC's programs (sbin: not always on a user's PATH)
_DIRS = ("/usr/sbin", "/usr/bin", "/sbin", "/bin")
_TOOLS = ("krb5kdc", "kdb5_util", "kadmin.local", "kinit", "klist", "kvno")


def _tool(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    return next((str(Path(d, name)) for d in _DIRS if Path(d, name).is_file()), None)


def kdc_tools_missing() -> list[str]:
    """The KDC programs that are not installed (empty when a realm can be made here)."""
    return [t for t in _TOOLS if _tool(t) is None]


def gssapi_missing() -> str | None:
    """Why the Python GSSAPI bindings cannot be used here, or None."""
    try:
        import gssapi  # noqa: F401
        import requests_gssapi  # noqa: F401
    except ImportError as e:
        return f"the Python GSSAPI bindings are not installed ({e})"
    return None


@dataclass
class Realm:
    folder: Path
    realm: str
    port: int
    krb5_conf: Path
    kdc_conf: Path
    keytab: Path  # the sandbox's HTTP/localhost key
    ccache: Path  # alice's ticket-granting ticket
    user: str
    password: str
    service: str  # HTTP/localhost@REALM
    process: subprocess.Popen

    @property
    def env(self) -> dict[str, str]:
        """The variables every Kerberos library call of the test reads: this realm's configuration and
        the user's ccache."""
        return {"KRB5_CONFIG": str(self.krb5_conf), "KRB5_KDC_PROFILE": str(self.kdc_conf),
                "KRB5CCNAME": f"FILE:{self.ccache}"}

    def principal(self, name: str) -> str:
        return f"{name}@{self.realm}"

    def run(self, *args: str, input: str | None = None) -> subprocess.CompletedProcess:
        """A Kerberos program with this realm's configuration (its output captured; an error raised)."""
        env = {**os.environ, **self.env}
        return subprocess.run([_tool(args[0]) or args[0], *args[1:]], input=input, env=env, text=True,
                              capture_output=True, check=True, timeout=60)

    def kinit(self, ccache: Path | None = None) -> None:
        """A ticket for the user, with the password on kinit's standard input."""
        self.run("kinit", "-c", f"FILE:{ccache or self.ccache}", self.principal(self.user),
                 input=self.password + "\n")

    def add_service(self, host: str) -> str:
        """The sandbox's key for ``HTTP/host`` too (added to its keytab once): another name it answers by, as
        Autodiscover's ``autodiscover.example.com``. -> the service principal."""
        service = f"HTTP/{host}@{self.realm}"
        listed = self.run("kadmin.local", "-r", self.realm, "-q", f"getprinc {service}")
        if "Principal:" not in listed.stdout:
            self.run("kadmin.local", "-r", self.realm, "-q", f"addprinc -randkey {service}")
            self.run("kadmin.local", "-r", self.realm, "-q", f"ktadd -k {self.keytab} {service}")
        return service

    def expired_ticket(self, ccache: Path, timeout: float = 20.0) -> Path:
        """A ticket for the user that has expired: got for one second (``kinit -l 1s``), then waited out on the
        event itself (``klist -s`` says no valid ticket), not on a fixed sleep. The KDC's clock decides, so this is
        the one way to age a real ticket; it costs about a second."""
        import time

        self.run("kinit", "-l", "1s", "-c", f"FILE:{ccache}", self.principal(self.user), input=self.password + "\n")
        env = {**os.environ, **self.env, "KRB5CCNAME": f"FILE:{ccache}"}
        deadline = time.monotonic() + timeout
        while subprocess.run([_tool("klist") or "klist", "-s"], env=env, timeout=30).returncode == 0:
            if time.monotonic() > deadline:
                raise RuntimeError(f"the one-second ticket in {ccache} was still valid after {timeout} s")
            time.sleep(0.05)
        return ccache

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _write_config(folder: Path, realm: str, port: int) -> tuple[Path, Path]:
    krb5_conf, kdc_conf = folder / "krb5.conf", folder / "kdc.conf"
    krb5_conf.write_text(f"""[libdefaults]
    default_realm = {realm}
    dns_lookup_kdc = false
    dns_lookup_realm = false
    rdns = false
    dns_canonicalize_hostname = false
    udp_preference_limit = 1
    ticket_lifetime = 1h
[realms]
    {realm} = {{
        kdc = 127.0.0.1:{port}
    }}
[domain_realm]
    {SERVICE_HOST} = {realm}
    example.com = {realm}
    .example.com = {realm}
""")
    kdc_conf.write_text(f"""[kdcdefaults]
    kdc_listen = 127.0.0.1:{port}
    kdc_tcp_listen = 127.0.0.1:{port}
[realms]
    {realm} = {{
        database_name = {folder}/principal
        key_stash_file = {folder}/stash
        acl_file = {folder}/kadm5.acl
        kdc_listen = 127.0.0.1:{port}
        kdc_tcp_listen = 127.0.0.1:{port}
        max_life = 1h
        supported_enctypes = aes256-cts-hmac-sha1-96:normal aes128-cts-hmac-sha1-96:normal
    }}
[logging]
    kdc = FILE:{folder}/kdc.log
    default = FILE:{folder}/krb5lib.log
""")
    (folder / "kadm5.acl").write_text("")
    return krb5_conf, kdc_conf


def _wait_listening(port: int, process: subprocess.Popen, log: Path, timeout: float = 20.0) -> None:
    """Until the KDC accepts a TCP connection (it binds, then serves; nothing announces it)."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"krb5kdc exited with {process.returncode}: {log.read_text() if log.exists() else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"krb5kdc did not listen on 127.0.0.1:{port} within {timeout} s")


def start_realm(folder: Path | None = None, realm: str = REALM) -> Realm:
    """Make the realm, start its KDC, add the user and the HTTP service, and get the user's ticket."""
    folder = Path(folder or tempfile.mkdtemp(prefix="dispatch-kdc-"))
    port = _free_port()
    krb5_conf, kdc_conf = _write_config(folder, realm, port)
    env = {**os.environ, "KRB5_CONFIG": str(krb5_conf), "KRB5_KDC_PROFILE": str(kdc_conf)}

    def run(*args: str, input: str | None = None):
        subprocess.run([_tool(args[0]) or args[0], *args[1:]], input=input, env=env, text=True,
                       capture_output=True, check=True, timeout=60)

    run("kdb5_util", "create", "-s", "-r", realm, "-P", "dispatch-kdc-master-key")
    # -n: stay in the foreground (a child the fixture stops); -P: its pid file inside the folder
    process = subprocess.Popen([_tool("krb5kdc"), "-n", "-r", realm, "-P", str(folder / "kdc.pid")], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_listening(port, process, folder / "kdc.log")
        service = f"HTTP/{SERVICE_HOST}@{realm}"
        keytab = folder / "http.keytab"
        run("kadmin.local", "-r", realm, "-q", f"addprinc -pw {PASSWORD} {USER}@{realm}")
        run("kadmin.local", "-r", realm, "-q", f"addprinc -randkey {service}")
        run("kadmin.local", "-r", realm, "-q", f"ktadd -k {keytab} {service}")
        r = Realm(folder=folder, realm=realm, port=port, krb5_conf=krb5_conf, kdc_conf=kdc_conf, keytab=keytab,
                  ccache=folder / "alice.ccache", user=USER, password=PASSWORD, service=service, process=process)
        r.kinit()
        return r
    except BaseException:
        process.terminate()
        process.wait(timeout=10)
        raise


def skip_reason() -> str | None:
    """Why no realm can be made here (the KDC's programs or the Python bindings missing), or None."""
    missing = kdc_tools_missing()
    if missing:
        return (f"MIT Kerberos is not installed here ({', '.join(missing)} missing): scripts/bootstrap.sh test "
                "installs krb5-kdc, krb5-admin-server and krb5-user where apt-get works")
    return gssapi_missing()

