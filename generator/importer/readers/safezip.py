"""Zip containers (.docx, .xlsx, .ofd) opened without trusting their headers.

Before any library touches a container, every member is inflated as a stream and its bytes counted
whatever the headers say: past MEMBER_CAP for one member, TOTAL_CAP for all, or KEEP_CAP for a part
the reader keeps (its XML), it stops with a clear message. The central directory itself is bounded
first (its size and entry count from the end record), so a zip of a million empty members is refused
before zipfile builds a million records. What the reader asked for is returned as bytes; nothing else
is kept in memory.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from typing import Callable

from .base import ImportFailure

MEMBER_CAP = 64 * 1024 * 1024  # one member, inflated
TOTAL_CAP = 200 * 1024 * 1024  # all members together, inflated
KEEP_CAP = 32 * 1024 * 1024  # a part the reader keeps and parses (document.xml, a sheet's XML)
MAX_MEMBERS = 5000
MAX_DIRECTORY = 4 * 1024 * 1024  # bytes of central directory
CHUNK = 1 << 20


def _directory_bounded(data: bytes, kind: str, fix: str) -> None:
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65557))
    if end < 0 or len(data) < end + 22:
        raise ImportFailure(f"not a valid {kind} (the zip container is broken); {fix}")
    entries, size = struct.unpack("<HI", data[end + 10:end + 16])
    if entries > MAX_MEMBERS or (size > MAX_DIRECTORY and size != 0xFFFFFFFF):
        raise ImportFailure(f"the {kind} holds too many parts ({entries}, a zip bomb?); {fix}")


def open_zip(data: bytes, kind: str, fix: str, keep: Callable[[str], bool],
             parsed: Callable[[str], bool] | None = None) -> dict[str, bytes]:
    """Stream every member of the zip `data` under the caps; return {name: bytes} for the names `keep` wants.

    `kind` names the format in messages (".docx"), `fix` says what to do ("open it in Word and save it again");
    members `parsed` names (default: those kept) are held to KEEP_CAP, being what a parser will build a tree of.
    """
    parsed = parsed or keep
    _directory_bounded(data, kind, fix)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise ImportFailure(f"not a valid {kind} (the zip container is broken); {fix}") from None
    if len(members) > MAX_MEMBERS:
        raise ImportFailure(f"the {kind} holds too many parts ({len(members)}, a zip bomb?); {fix}")
    total = 0
    kept: dict[str, bytes] = {}
    for m in members:
        if m.is_dir():
            continue
        if m.flag_bits & 0x1:
            raise ImportFailure(f"the {kind} is password-protected; remove the password and save it again")
        want = keep(m.filename)
        cap = KEEP_CAP if want or parsed(m.filename) else MEMBER_CAP
        size = 0
        chunks: list[bytes] = []
        try:
            with archive.open(m) as stream:
                while True:
                    chunk = stream.read(CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    total += len(chunk)
                    if size > cap or total > TOTAL_CAP:
                        raise ImportFailure(f"{m.filename} in the {kind} unpacks to more than "
                                            f"{(cap if size > cap else TOTAL_CAP) // 1048576} MB (a zip bomb?); {fix}")
                    if want:
                        chunks.append(chunk)
        except ImportFailure:
            raise
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
            # a CRC or length that disagrees with the data (headers understating a member), an unknown method
            raise ImportFailure(f"the {kind} is damaged ({m.filename} does not unpack as its header says); {fix}") from None
        if want:
            kept[m.filename] = b"".join(chunks)
    return kept
