"""Edit a DOCX in LibreOffice as a clerk would: open it, replace a sentence, save it as Word.

Real LibreOffice over its UNO bridge (python3-uno, importable from the venv); its own profile and
port; the process group is stopped at the end.
"""

from __future__ import annotations

import contextlib
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

from dsreview.config import Settings
from dsreview.templates.soffice import child_env, kill_group, soffice_path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _connect(port: int, deadline: float) -> Any:
    import uno  # type: ignore[import-not-found]

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    while True:
        try:
            return resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def _property(name: str, value: Any) -> Any:
    import uno

    prop = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    prop.Name, prop.Value = name, value
    return prop


def replace_in_libreoffice(
    source: Path, target: Path, old: str, new: str, *, settings: Settings, work: Path
) -> int:
    """Open `source` in LibreOffice, replace every `old` by `new`, save as DOCX to `target`.

    Returns how many were replaced.
    """
    port = _free_port()
    command = [
        soffice_path(settings),
        f"-env:UserInstallation={(work / 'lo-profile').as_uri()}",
        "--headless",
        "--invisible",
        "--nologo",
        "--nodefault",
        "--norestore",
        "--nolockcheck",
        f"--accept=socket,host=127.0.0.1,port={port};urp;",
    ]
    process = subprocess.Popen(command, env=child_env(), start_new_session=True)
    try:
        context = _connect(port, time.monotonic() + 60)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(
            source.resolve().as_uri(), "_blank", 0, (_property("Hidden", True),)
        )
        try:
            search = document.createReplaceDescriptor()
            search.SearchString = old
            search.ReplaceString = new
            count: int = document.replaceAll(search)
            document.storeToURL(target.resolve().as_uri(), (_property("FilterName", "MS Word 2007 XML"),))
        finally:
            document.close(True)
        with contextlib.suppress(Exception):  # the bridge goes down with the office: that is the point
            desktop.terminate()
        return count
    finally:
        kill_group(process, grace=3.0)
