"""LibreOffice, headless: how to start it, with which fonts, and a one-shot DOCX → PDF conversion.

Every LibreOffice process dsreview starts gets its own profile directory
(`-env:UserInstallation=file:///…`), and `FONTCONFIG_FILE` pointing at `templates/fonts.conf`, which
maps the government fonts (휴먼명조, 맑은 고딕, HY헤드라인M …) to Nanum so that Hangul is rendered and
embedded, never boxes. The processes run in their own session, so stopping one stops its children.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from functools import lru_cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path

from dsreview.config import Settings
from dsreview.errors import ConversionError

# PDF export: fonts are embedded as subsets by default; standard-14 fonts too with this option.
PDF_FILTER_OPTIONS = ("EmbedStandardFonts=true",)
_ONE_SHOT_FILTER = 'pdf:writer_pdf_Export:{"EmbedStandardFonts":{"type":"boolean","value":"true"}}'


def fontconfig_file() -> Path:
    """The packaged fonts.conf (a real file: the package is installed unzipped)."""
    return Path(str(resources.files("dsreview.templates").joinpath("fonts.conf")))


def child_env() -> dict[str, str]:
    """The environment of a LibreOffice child: ours, plus the font mapping."""
    env = dict(os.environ)
    env["FONTCONFIG_FILE"] = str(fontconfig_file())
    env.setdefault("SAL_USE_VCLPLUGIN", "svp")
    return env


def soffice_path(settings: Settings) -> str:
    found = shutil.which(settings.soffice_cmd)
    if not found:
        raise ConversionError(
            f"LibreOffice를 찾을 수 없습니다 (soffice not found: {settings.soffice_cmd}); "
            "make install 을 실행하십시오"
        )
    return found


@lru_cache(maxsize=4)
def _same_interpreter(python: str) -> bool:
    return os.path.realpath(python) == os.path.realpath(sys.executable)


# unoserver's own command line (`python -m unoserver.server`), less two fixed pauses: its start()
# sleeps 5 s and then 2 s on the main thread before it serves, while the serving thread already
# waits for LibreOffice (retrying every 2 s). The pauses only delay the start; the retries stay.
_LAUNCHER = """
import sys, threading, time
from unoserver import server
class _Time:
    def __getattr__(self, name):
        return getattr(time, name)
    def sleep(self, seconds):
        main = threading.current_thread() is threading.main_thread()
        time.sleep(min(seconds, 0.2) if main else seconds)
server.time = _Time()
sys.exit(server.main())
"""


def unoserver_command(settings: Settings) -> tuple[list[str], dict[str, str]]:
    """How to run unoserver with a Python that has LibreOffice's bridge (Debian's python3-uno).

    The project's venv is made from Debian's python3 with system site packages, so when
    `uno_python` is that interpreter the venv's own launcher (which also sees unoserver) is used.
    Otherwise `uno_python` runs with unoserver's install location on PYTHONPATH.
    """
    env = child_env()
    if _same_interpreter(settings.uno_python):
        return [sys.executable, "-c", _LAUNCHER], env
    spec = find_spec("unoserver")
    if spec is None or spec.origin is None:
        raise ConversionError("unoserver 패키지가 설치되어 있지 않습니다 (unoserver not installed)")
    site = str(Path(spec.origin).resolve().parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (site, env.get("PYTHONPATH", "")) if p)
    return [settings.uno_python, "-c", _LAUNCHER], env


def kill_groups(processes: list[subprocess.Popen[bytes]], *, grace: float = 1.0) -> None:
    """Stop processes we started in sessions of their own, and everything they started.

    SIGTERM to every group first (unoserver passes it on to LibreOffice), a shared grace period,
    then SIGKILL to every group: LibreOffice's launcher (oosplash) ignores SIGTERM, and unoserver
    takes seconds to leave. Nothing of value is lost: profiles and files are temporary.
    """
    for process in processes:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    for process in processes:
        with contextlib.suppress(subprocess.TimeoutExpired):  # killed below
            process.wait(timeout=max(0.0, deadline - time.monotonic()))
    for process in processes:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def kill_group(process: subprocess.Popen[bytes], *, grace: float = 1.0) -> None:
    """`kill_groups` for one process."""
    kill_groups([process], grace=grace)


def convert_once(docx: bytes, *, settings: Settings, timeout: float | None = None) -> bytes:
    """DOCX → PDF with a LibreOffice started for this one document (about 2 s); no server needed."""
    limit = timeout if timeout is not None else settings.pdf_timeout_seconds
    with tempfile.TemporaryDirectory(prefix="dsreview-soffice-") as tmp:
        work = Path(tmp)
        source = work / "document.docx"
        source.write_bytes(docx)
        command = [
            soffice_path(settings),
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--invisible",
            "--nologo",
            "--nodefault",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            _ONE_SHOT_FILTER,
            "--outdir",
            str(work),
            str(source),
        ]
        process = subprocess.Popen(
            command,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=child_env(),
            start_new_session=True,
        )
        try:
            _, err = process.communicate(timeout=limit)
        except subprocess.TimeoutExpired:
            kill_group(process, grace=2.0)
            raise ConversionError(
                f"PDF 변환 시간이 초과되었습니다 (LibreOffice timed out after {limit:.0f} s)"
            ) from None
        finally:
            kill_group(process, grace=2.0)
        target = work / "document.pdf"
        if process.returncode != 0 or not target.exists():
            reason = " ".join(err.decode("utf-8", "replace").split())[-200:]
            raise ConversionError(
                f"PDF로 변환하지 못했습니다 (LibreOffice exit {process.returncode}): {reason}"
            )
        return target.read_bytes()
