"""Debian's dovecot-imapd, started by the test as a non-root process with a private
configuration on a free port; mail is put in with IMAP APPEND.

Install it with `bash scripts/ensure-apt.sh dovecot dovecot-imapd`; without it the IMAP
tests are skipped and say so. Run as root, the server drops to `nobody`.
"""

import grp
import imaplib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.server import free_port

USER, PASSWORD = "inbox@city.example", "mailbox-secret"
CONFIG = """\
base_dir = {home}/run
state_dir = {home}/state
log_path = {home}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = yes
ssl_cert = <{home}/cert.pem
ssl_key = <{home}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain
default_login_user = {user}
default_internal_user = {user}
default_internal_group = {group}
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {home}/passwd
}}
userdb {{
  driver = static
  args = uid={user} gid={group} home={home}/mail/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
  chroot =
  inet_listener imap {{
    port = {port}
  }}
  inet_listener imaps {{
    port = {tls_port}
  }}
}}
service anvil {{
  chroot =
}}
"""


@dataclass(frozen=True)
class Dovecot:
    port: int
    tls_port: int  # IMAPS with a self-signed certificate, which no client should trust
    user: str = USER
    password: str = PASSWORD

    def connect(self) -> imaplib.IMAP4:
        imap = imaplib.IMAP4("127.0.0.1", self.port, timeout=10)
        imap.login(self.user, self.password)
        imap.select("INBOX")
        return imap

    def append(self, raw: bytes) -> None:
        imap = self.connect()
        try:
            imap.append("INBOX", None, None, raw)
        finally:
            imap.logout()

    def empty(self) -> None:
        imap = self.connect()
        try:
            _, data = imap.search(None, "ALL")
            for number in (data[0] or b"").split():
                imap.store(number.decode(), "+FLAGS", "(\\Deleted)")
            imap.expunge()
        finally:
            imap.logout()

    def unseen(self) -> int:
        imap = self.connect()
        try:
            _, data = imap.uid("SEARCH", None, "UNSEEN")  # type: ignore[arg-type]
            return len((data[0] or b"").split())
        finally:
            imap.logout()


def _binary() -> str:
    found = shutil.which("dovecot") or (
        "/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None
    )
    if found is None:
        missing = (
            "dovecot-imapd is not installed (bash scripts/ensure-apt.sh dovecot dovecot-imapd)"
        )
        if os.environ.get("CI"):  # make test-all installs it: in CI its absence is a failure
            pytest.fail(missing)
        pytest.skip(missing)
    return found


def _self_signed(home: Path) -> None:
    key, cert = str(home / "key.pem"), str(home / "cert.pem")
    subprocess.run(  # noqa: S603 (fixed arguments)
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",  # noqa: S607
         "-subj", "/CN=localhost", "-keyout", key, "-out", cert],
        check=True,
        capture_output=True,
    )  # fmt: skip


def _wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and process.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("dovecot did not start listening")


@contextmanager
def dovecot() -> Iterator[Dovecot]:
    binary = _binary()
    as_root = os.geteuid() == 0
    account = pwd.getpwnam("nobody") if as_root else pwd.getpwuid(os.geteuid())
    group = grp.getgrgid(account.pw_gid).gr_name
    home = Path(tempfile.mkdtemp(prefix="frontdoor-dovecot-"))
    port, tls_port = free_port(), free_port()
    try:
        for folder in ("run", "state", "mail"):
            (home / folder).mkdir()
        _self_signed(home)
        values = {"home": home, "user": account.pw_name, "group": group}
        config = CONFIG.format(**values, port=port, tls_port=tls_port)
        (home / "dovecot.conf").write_text(config)
        (home / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
        if as_root:
            home.chmod(0o755)
            for path in [home, *home.rglob("*")]:
                os.chown(path, account.pw_uid, account.pw_gid)
        process = subprocess.Popen(  # noqa: S603 (our own binary and arguments)
            [binary, "-F", "-c", str(home / "dovecot.conf")],
            user=account.pw_uid if as_root else None,
            group=account.pw_gid if as_root else None,
        )
        try:
            _wait_for(port, process)
            _wait_for(tls_port, process)
            yield Dovecot(port, tls_port)
        finally:
            process.terminate()
            process.wait(timeout=15)
    finally:
        shutil.rmtree(home, ignore_errors=True)
