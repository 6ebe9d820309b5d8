"""The converters' sandbox: LibreOffice in a box it cannot see out of, and nobody can reach into.

Each converter runs under bubblewrap (`bwrap`) with its own network, process, IPC and mount
namespaces: its UNO socket lives on a loopback of its own, so no other local user can connect to
it; it sees only the system's read-only files (/usr, /etc), the Python environment that runs it
and a scratch folder of its own, never the data directory or the signing key; and when the service
runs as root it runs as the unprivileged `converter_user` as well. Documents go in and PDFs come
out as bytes over its standard input and output (`HOST` below), never as paths. bwrap dies with
the thread that started it, and its process namespace takes LibreOffice and oosplash with it.
"""

from __future__ import annotations

import logging
import os
import pwd
import shutil
import struct
import sys
from importlib.util import find_spec
from pathlib import Path

from dsreview.config import Settings
from dsreview.errors import ConversionError
from dsreview.templates.soffice import fontconfig_file, soffice_path

log = logging.getLogger("dsreview.templates")

UNO_PORT = 2002  # inside the converter's own network namespace: every converter may use it
FRAME = struct.Struct(">cQ")  # kind (R ready, P pdf, E error) and payload length
REQUEST = struct.Struct(">Q")

# Runs inside the sandbox with Debian's python3 (python3-uno) and unoserver's converter class.
# Standard output is the reply channel, so LibreOffice's own output goes to standard error.
HOST = """
import os, struct, subprocess, sys, time
reply = os.fdopen(os.dup(1), "wb", buffering=0)
source = os.fdopen(os.dup(0), "rb", buffering=0)
os.dup2(2, 1)
os.dup2(os.open(os.devnull, os.O_RDONLY), 0)
soffice, profile, port, options = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
office = subprocess.Popen([soffice, "--headless", "--invisible", "--nocrashreport", "--nodefault",
    "--nologo", "--nofirststartwizard", "--norestore", "-env:UserInstallation=" + profile,
    "--accept=socket,host=127.0.0.1,port=%s,tcpNoDelay=1;urp;StarOffice.ComponentContext" % port])
from unoserver.converter import UnoConverter
def send(kind, payload):
    reply.write(struct.pack(">cQ", kind, len(payload)) + payload)
def read(size):
    data = b""
    while len(data) < size:
        chunk = source.read(size - len(data))
        if not chunk:
            sys.exit(0)
        data += chunk
    return data
deadline = time.monotonic() + 85
while True:
    try:
        converter = UnoConverter(interface="127.0.0.1", port=port)
        break
    except Exception:
        if office.poll() is not None or time.monotonic() > deadline:
            sys.exit(3)
        time.sleep(0.2)
send(b"R", b"")
while True:
    (size,) = struct.unpack(">Q", read(8))
    document = read(size)
    try:
        pdf = converter.convert(indata=document, convert_to="pdf", filter_options=options)
    except Exception as exc:
        if office.poll() is not None:
            sys.exit(4)
        send(b"E", ("%s: %s" % (type(exc).__name__, exc)).encode("utf-8", "replace")[-500:])
    else:
        send(b"P", pdf)
"""


def bwrap_path() -> str:
    found = shutil.which("bwrap")
    if not found:
        raise ConversionError(
            "PDF 변환기의 격리 환경(bubblewrap)을 찾을 수 없습니다 (bwrap not found); "
            "make install 을 실행하십시오"
        )
    return found


def converter_ids(settings: Settings) -> tuple[int, int] | None:
    """The uid and gid the converters run as: `converter_user` when the service runs as root (or
    nobody if that account is missing), else None (the service's own user, inside the sandbox)."""
    if os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(settings.converter_user)
    except KeyError:
        log.warning("converter user %r not found; converters run as nobody", settings.converter_user)
        entry = pwd.getpwnam("nobody")
    if entry.pw_uid == 0:
        raise ConversionError("PDF 변환기를 root 권한으로 실행할 수 없습니다 (converter_user is root)")
    return entry.pw_uid, entry.pw_gid


def prepare_scratch(path: Path, settings: Settings) -> None:
    """The converter's only writable folder: made fresh, owned by the converter's user."""
    path.mkdir(mode=0o700)
    ids = converter_ids(settings)
    if ids is not None:
        os.chown(path, *ids)


def _unoserver_site() -> str:
    spec = find_spec("unoserver")
    if spec is None or spec.origin is None:
        raise ConversionError("unoserver 패키지가 설치되어 있지 않습니다 (unoserver not installed)")
    return str(Path(spec.origin).resolve().parent.parent)


def _python_roots() -> list[str]:
    """What the host script's interpreter needs beside /usr: the venv and unoserver's packages."""
    roots = {os.path.realpath(sys.prefix), _unoserver_site()}
    return sorted(r for r in roots if not r.startswith(("/usr/", "/etc/")) and r != "/usr")


def command(settings: Settings, *, scratch: Path, argv: list[str]) -> tuple[list[str], dict[str, str]]:
    """`argv` run in a converter's sandbox with `scratch` as its one writable folder."""
    binds = ["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"]
    for link in ("bin", "sbin", "lib", "lib64", "lib32"):
        if Path(f"/{link}").is_symlink():
            binds += ["--symlink", os.readlink(f"/{link}"), f"/{link}"]
        elif Path(f"/{link}").is_dir():
            binds += ["--ro-bind", f"/{link}", f"/{link}"]
    for root in _python_roots():
        binds += ["--ro-bind", root, root]
    fonts = fontconfig_file()
    binds += ["--ro-bind", str(fonts), str(fonts)]
    if Path("/var/cache/fontconfig").is_dir():
        binds += ["--ro-bind", "/var/cache/fontconfig", "/var/cache/fontconfig"]
    data = os.path.realpath(settings.data_dir)
    visible = ["/usr", "/etc", *_python_roots()]
    if any(data == v or data.startswith(v.rstrip("/") + "/") for v in visible):
        raise ConversionError(f"데이터 폴더가 변환기에 보이는 위치에 있습니다 (data_dir inside {data})")
    prefix: list[str] = []
    ids = converter_ids(settings)
    if ids is not None:
        uid, gid = ids
        prefix = ["setpriv", f"--reuid={uid}", f"--regid={gid}", "--clear-groups", "--"]
    box = [
        bwrap_path(),
        "--unshare-all",  # network, processes, IPC, UTS, cgroups and (unprivileged) users
        "--die-with-parent",
        "--new-session",
        *binds,
        "--proc",
        "/proc",
        "--dev",
        "/dev",
        "--tmpfs",
        "/tmp",
        "--bind",
        str(scratch),
        str(scratch),
        "--chdir",
        str(scratch),
        "--",
    ]
    # A clean environment: nothing of the service's (its secret key may be in it) goes in.
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(scratch),
        "TMPDIR": "/tmp",
        "LANG": "C.UTF-8",
        "FONTCONFIG_FILE": str(fonts),
        "SAL_USE_VCLPLUGIN": "svp",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    if not _same_python(settings):
        env["PYTHONPATH"] = _unoserver_site()
    return [*prefix, *box, *argv], env


def host_argv(settings: Settings, *, profile: Path, filter_options: tuple[str, ...]) -> list[str]:
    """The converter's own program: the host script with LibreOffice's path and options."""
    return [
        sys.executable if _same_python(settings) else settings.uno_python,
        "-c",
        HOST,
        soffice_path(settings),
        profile.as_uri(),
        str(UNO_PORT),
        *filter_options,
    ]


def _same_python(settings: Settings) -> bool:
    return os.path.realpath(settings.uno_python) == os.path.realpath(sys.executable)
