"""Small files of every format the importer reads, built in code for the reader tests: a .docx written
part by part (numbering, styles, merged cells, content controls, header and footer), an .xlsx, an OFD,
and zips whose headers lie about their size."""

from __future__ import annotations

import struct
import zipfile
import zlib
from pathlib import Path

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def p(text: str = "", style: str = "", num: tuple[int, int] | None = None, extra: str = "") -> str:
    ppr = ""
    if style or num:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + (
            f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>' if num else "") + "</w:pPr>"
    return f"<w:p>{ppr}<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>{extra}</w:p>"


def tc(text: str, span: int = 1, vmerge: str | None = None) -> str:
    pr = ""
    if span > 1 or vmerge is not None:
        pr = "<w:tcPr>" + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "") + (
            ("<w:vMerge/>" if vmerge == "continue" else f'<w:vMerge w:val="{vmerge}"/>') if vmerge else "") + "</w:tcPr>"
    paras = "".join(p(t) for t in text.split("|")) if text else "<w:p/>"
    return f"<w:tc>{pr}{paras}</w:tc>"


def tr(*cells: str, header: bool = False, before: int = 0) -> str:
    pr = ""
    if header or before:
        pr = "<w:trPr>" + (f'<w:gridBefore w:val="{before}"/>' if before else "") + ("<w:tblHeader/>" if header else "") + "</w:trPr>"
    return f"<w:tr>{pr}{''.join(cells)}</w:tr>"


def lvl(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def docx(path: Path, body: str, *, numbering: str = "", styles: str = "", header: str = "", footer: str = "",
         title: str = "") -> Path:
    """A .docx from its parts' XML (body: the w:body content)."""
    rels = ['<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>']
    files = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                               '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                               '<Default Extension="xml" ContentType="application/xml"/>'
                               '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
                       '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
        "word/document.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>',
        "word/styles.xml": f'<?xml version="1.0" encoding="UTF-8"?><w:styles {W}>'
                           '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>'
                           '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
                           '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
                           f'{styles}</w:styles>',
    }
    if numbering:
        files["word/numbering.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><w:numbering {W}>{numbering}</w:numbering>'
        rels.append('<Relationship Id="rN" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>')
    for kind, xml in (("header", header), ("footer", footer)):
        if xml:
            files[f"word/{kind}1.xml"] = f'<?xml version="1.0" encoding="UTF-8"?><w:{kind[:3]} {W}>{xml}</w:{kind[:3]}>'
            rels.append(f'<Relationship Id="r{kind}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" Target="{kind}1.xml"/>')
    files["word/_rels/document.xml.rels"] = ('<?xml version="1.0" encoding="UTF-8"?><Relationships '
                                             'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                                             + "".join(rels) + "</Relationships>")
    if title:
        files["docProps/core.xml"] = ('<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/'
                                      'package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
                                      f"<dc:title>{title}</dc:title></cp:coreProperties>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in files.items():
            z.writestr(name, xml)
    return path


OFD_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


def ofd(path: Path) -> Path:
    """A minimal valid OFD (GB/T 33190): OFD.xml → Doc_0/Document.xml → one page with two text objects."""
    files = {
        "OFD.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD {OFD_NS} Version="1.1" DocType="OFD"><ofd:DocBody>'
                   '<ofd:DocInfo><ofd:DocID>a1</ofd:DocID><ofd:Title>指南</ofd:Title></ofd:DocInfo>'
                   '<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>',
        "Doc_0/Document.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document {OFD_NS}><ofd:CommonData>'
                              '<ofd:MaxUnitID>10</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>'
                              '</ofd:PageArea></ofd:CommonData><ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>'
                              '</ofd:Pages></ofd:Document>',
        "Doc_0/Pages/Page_0/Content.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page {OFD_NS}><ofd:Content>'
                                          '<ofd:Layer ID="3"><ofd:TextObject ID="4" Boundary="20 20 170 10" Font="2" Size="5">'
                                          '<ofd:TextCode X="0" Y="5">2025年宜昌市软科学研究项目申报指南</ofd:TextCode>'
                                          '</ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>',
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, xml in files.items():
            z.writestr(name, xml)
    return path


def _zeros_deflated(mb: int) -> tuple[bytes, int]:
    """Raw deflate data of `mb` MB of zeros, and its CRC-32, without compressing them all: one MB is
    compressed up to a full flush (which resets the compressor), and that block repeated."""
    mega = b"\0" * (1 << 20)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = c.compress(mega) + c.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(mb):
        crc = zlib.crc32(mega, crc)
    return block * mb + c.flush(), crc


def _zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip from (name, deflated data, crc, size) members, written by hand (the data is deflated already)."""
    out, central = bytearray(), bytearray()
    for name, data, crc, size in members:
        raw = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, 8, 0, 0x21, crc, len(data), size, len(raw), 0) + raw + data
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, 8, 0, 0x21, crc, len(data), size,
                               len(raw), 0, 0, 0, 0, 0, offset) + raw
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0)
    return bytes(out + central + end)


def _member(name: str, text: str) -> tuple[str, bytes, int, int]:
    data = text.encode()
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return name, c.compress(data) + c.flush(), zlib.crc32(data), len(data)


def bomb(kind: str, how: str) -> bytes:
    """A .docx / .xlsx / .ofd holding a member that inflates far beyond the caps.

    how: "big" (one 256 MB member, headers honest), "many" (four 60 MB members, 240 MB in all), "kept" (the part
    the reader parses, 100 MB), "understated" (the parsed part's headers patched to claim 1000 bytes)."""
    main = {"docx": "word/document.xml", "xlsx": "xl/worksheets/sheet1.xml", "ofd": "OFD.xml"}[kind]
    members = [_member("[Content_Types].xml", "<Types/>")]
    if kind == "xlsx":
        members.append(_member("xl/workbook.xml", "<workbook/>"))
    if how == "big":
        members += [_member(main, "<x/>"), ("media/big.bin", *_zeros(256))]
    elif how == "many":
        members += [_member(main, "<x/>")] + [(f"media/m{i}.bin", *_zeros(60)) for i in range(4)]
    else:
        members.append((main, *_zeros(100)))
    data = bytearray(_zip(members))
    if how == "understated":
        _understate(data, main.encode(), 1000)
    return bytes(data)


def _zeros(mb: int) -> tuple[bytes, int, int]:
    data, crc = _zeros_deflated(mb)
    return data, crc, mb << 20


def _understate(data: bytearray, name: bytes, size: int) -> None:
    """Patch the uncompressed size of member `name` in its local header and in the central directory."""
    at = 0
    while True:
        at = data.find(b"PK\x03\x04", at)
        if at < 0:
            break
        n, extra = struct.unpack("<HH", data[at + 26:at + 30])
        if bytes(data[at + 30:at + 30 + n]) == name:
            data[at + 22:at + 26] = struct.pack("<I", size)
        at += 4
    at = 0
    while True:
        at = data.find(b"PK\x01\x02", at)
        if at < 0:
            break
        n = struct.unpack("<H", data[at + 28:at + 30])[0]
        if bytes(data[at + 46:at + 46 + n]) == name:
            data[at + 24:at + 28] = struct.pack("<I", size)
        at += 4
