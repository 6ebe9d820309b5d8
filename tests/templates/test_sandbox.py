"""The converters are no way in: another local user cannot reach one, and none can read the key.

The attack this guards against: a local user asked a converter listening on 127.0.0.1 to convert
`data/secret_key`, got the key back and signed a staff token. Here a second, unprivileged user
(a uid of its own, through `setpriv`) tries every socket a converter listens on, and the key.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from dsreview.config import Settings
from dsreview.services.users import signing_key
from dsreview.templates import sandbox
from dsreview.templates.pdf import ConverterPool
from dsreview.templates.render import render_docx
from tests.templates.conftest import sample

ATTACKER_UID = 4242  # a local user who is neither the service nor the converters

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="switching to another user needs root")

# Run as the attacker: connect to each port, and where one answers, ask it over XML-RPC (the
# protocol unoserver spoke) to convert the key; then read the key directly.
_ATTACK = r"""
import json, socket, sys, xmlrpc.client
key, ports = sys.argv[1], [int(p) for p in sys.argv[2:]]
result = {"reached": [], "refused": [], "key": None}
for port in ports:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    except OSError:
        result["refused"].append(port)
        continue
    result["reached"].append(port)
    try:
        xmlrpc.client.ServerProxy(f"http://127.0.0.1:{port}").convert(key, None, "/tmp/k.txt", "txt")
    except Exception:
        pass
try:
    result["key"] = open(key).read()
except OSError as exc:
    result["key_error"] = type(exc).__name__
print(json.dumps(result))
"""


def _tree(root: int) -> list[int]:
    """`root` and every process below it."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _listening(net: Path) -> dict[str, int]:
    """Socket inode → port of the TCP sockets listening in the namespace whose /proc/…/net this is."""
    found = {}
    for name in ("tcp", "tcp6"):
        for line in (net / name).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A":  # LISTEN
                found[fields[9]] = int(fields[1].rsplit(":", 1)[1], 16)
    return found


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


@pytest.fixture
def converters(render_settings: Settings) -> list[int]:
    with ConverterPool(render_settings, size=1) as pool:
        pool.wait_ready()
        docx = render_docx("selection_notice", sample("selection_notice"), settings=render_settings)
        assert pool.convert(docx).startswith(b"%PDF")
        yield [pid for root in pool.pids() for pid in _tree(root)]


def test_another_user_can_neither_reach_a_converter_nor_read_the_key(
    converters: list[int], render_settings: Settings
) -> None:
    key_path = render_settings.data_dir / "secret_key"
    key = signing_key(render_settings)
    inodes = set().union(*(_socket_inodes(pid) for pid in converters))
    # What the converters listen on, as they see it: LibreOffice's UNO socket at least.
    own = {
        port
        for pid in converters
        for inode, port in _listening(Path(f"/proc/{pid}/net")).items()
        if inode in inodes
    }
    assert own, "the test must find the converters' sockets to try them"
    # None of it is on the machine's loopback …
    assert not inodes & set(_listening(Path("/proc/self/net")))
    # … and another user who tries every one of those ports, and the key itself, gets nothing.
    attack = subprocess.run(
        [
            "setpriv",
            f"--reuid={ATTACKER_UID}",
            f"--regid={ATTACKER_UID}",
            "--clear-groups",
            "--",
            sys.executable,
            "-c",
            _ATTACK,
            str(key_path),
            *map(str, sorted(own)),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd="/",
    )
    result = json.loads(attack.stdout)
    assert result["reached"] == []
    assert result["key"] is None
    assert result["key_error"] == "PermissionError"
    assert key not in attack.stdout + attack.stderr


def test_a_converter_sees_neither_the_data_directory_nor_the_key(
    converters: list[int], render_settings: Settings
) -> None:
    key_path = (render_settings.data_dir / "secret_key").resolve()
    signing_key(render_settings)
    office = [pid for pid in converters if os.readlink(f"/proc/{pid}/exe").endswith("soffice.bin")]
    assert office
    for pid in office:
        root = Path(f"/proc/{pid}/root")
        assert (root / "usr/lib/libreoffice").is_dir()  # its own view of the file system …
        assert not (root / str(key_path).lstrip("/")).exists()  # … holds no key
        assert not (root / str(render_settings.data_dir.resolve()).lstrip("/")).exists()
        status = Path(f"/proc/{pid}/status").read_text()
        uid = next(line.split()[1] for line in status.splitlines() if line.startswith("Uid:"))
        assert int(uid) not in (0, os.getuid())  # not the service's user either
        assert b"DSREVIEW_" not in Path(f"/proc/{pid}/environ").read_bytes()


def test_the_sandbox_refuses_to_read_the_key(render_settings: Settings) -> None:
    """The same box, asked straight out: `cat` the key from inside it."""
    key = signing_key(render_settings)
    base = Path(tempfile.mkdtemp(prefix="dsreview-test-"))
    base.chmod(0o711)  # as the pool's folder: the converters' user passes through it
    scratch = base / "scratch"
    sandbox.prepare_scratch(scratch, render_settings)
    key_path = str((render_settings.data_dir / "secret_key").resolve())
    command, env = sandbox.command(render_settings, scratch=scratch, argv=["cat", key_path])
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert key not in done.stdout
    assert "No such file" in done.stderr
    shutil.rmtree(base)
