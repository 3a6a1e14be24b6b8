"""OFD (GB/T 33190, the national e-document format) → a clear message: save it as PDF.

An OFD is a zip of XML pages. The one Python reader published for it, easyofd (tried 2026-12-04),
reads a minimal OFD offline but needs PyMuPDF (AGPL, 116 MB), reportlab and Pillow, puts the working
directory on sys.path when imported, logs font warnings on stderr and unpacks the zip without limits:
not fit for a command that reads files downloaded from anywhere. So the container is checked under
safezip's caps (is it really an OFD?) and the message says what to do: open it in an OFD reader and
save it as PDF, then import the PDF.
"""

from __future__ import annotations

from ..document import Part
from .base import ImportFailure, parse_xml
from .safezip import open_zip

FIX = "open it in an OFD reader (数科阅读器, 福昕OFD) and save it as PDF"


def read(data: bytes, name: str) -> Part:
    if not data.startswith(b"PK"):
        raise ImportFailure(f"not an OFD file (not a zip container); {FIX}, or export the guide again")
    parts = open_zip(data, ".ofd", FIX, lambda n: n == "OFD.xml")
    if "OFD.xml" not in parts:
        raise ImportFailure(f"not an OFD file (no OFD.xml inside); {FIX}, or export the guide again")
    parse_xml(parts["OFD.xml"], "OFD.xml")
    raise ImportFailure(f"OFD files are not read directly; {FIX} (文件→另存为/打印为 PDF) and import the PDF")
