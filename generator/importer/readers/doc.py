"""Old Word .doc → a Part through Debian's antiword (else catdoc); else a message to save it as .docx.

antiword prints tables as `| cell | cell |` lines: they become tab-separated rows, then a table node.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..document import Part
from .base import ImportFailure, lines
from .text import part_from_lines


def read(path: Path, data: bytes, name: str) -> Part:
    if not data.startswith(b"\xd0\xcf\x11\xe0"):
        if data.startswith(b"PK"):
            raise ImportFailure("this is a .docx named .doc; rename it to .docx")
        raise ImportFailure("not a Word .doc file; open it in Word and save it as .docx")
    for tool, args in (("antiword", ["-m", "UTF-8.txt", "-w", "0"]), ("catdoc", ["-d", "utf-8", "-w"])):
        exe = shutil.which(tool)
        if not exe:
            continue
        try:
            done = subprocess.run([exe, *args, str(path)], capture_output=True, timeout=60, check=False)
        except subprocess.TimeoutExpired:
            raise ImportFailure(f"{tool} took more than 60 s; open it in Word and save it as .docx") from None
        if done.returncode == 0 and done.stdout.strip():
            text = done.stdout.decode("utf-8", errors="replace")
            rows = [("\t".join(c.strip() for c in l.strip().strip("|").split("|")) if l.lstrip().startswith("|") else l)
                    for l in lines(text).split("\n")]
            part = part_from_lines("\n".join(rows), name, "doc")
            part.notes.append(f"read with {tool}")
            return part
        message = done.stderr.decode("utf-8", errors="replace").strip().splitlines()
        if message and "encrypt" in message[0].lower():
            raise ImportFailure("the .doc is password-protected; remove the password and save it as .docx")
    raise ImportFailure("old Word .doc needs antiword or catdoc (apt-get install antiword), "
                        "or open it in Word/LibreOffice and save it as .docx")
