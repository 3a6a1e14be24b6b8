"""python -m generator.hosting SITE [--host NAME …]: does the built site fit its host?

Measures the site (bytes, files, the folder with the most files, the largest file) and compares it
with each host's published limits (HOSTS). Prints one line per host; with --host, exits non-zero
when the site is past that host's limits, saying which limit and what to do, so a deploy stops
with a clear message instead of an upload failing obscurely.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

GB, MB = 1024 ** 3, 1024 ** 2


@dataclass(frozen=True)
class Host:
    name: str
    site_bytes: int | None = None  # the whole site
    files: int | None = None  # files per deploy
    folder_files: int | None = None  # files in one folder
    file_bytes: int | None = None  # one file
    note: str = ""


HOSTS = {
    "github-pages": Host("GitHub Pages", site_bytes=1 * GB, note="published sites may be no larger than 1 GB"),
    "cloudflare-pages": Host("Cloudflare Pages", files=20_000, file_bytes=25 * MB,
                             note="20,000 files per deploy (Free plan), 25 MiB per file"),
    "netlify": Host("Netlify", folder_files=54_000, note="about 54,000 files in one folder"),
    "object-storage": Host("Object storage + CDN (OSS, COS, S3)", note="no practical limit on size or files"),
}
FOLDER_LIMIT = 10_000  # the site's own rule: no folder holds more (issue 22)


@dataclass
class Measure:
    bytes: int = 0
    files: int = 0
    folder_files: int = 0
    folder: str = ""
    file_bytes: int = 0
    file: str = ""


def measure(site: Path) -> Measure:
    m = Measure()
    for dirpath, _, names in os.walk(site):
        m.files += len(names)
        if len(names) > m.folder_files:
            m.folder_files, m.folder = len(names), os.path.relpath(dirpath, site)
        for name in names:
            size = os.path.getsize(os.path.join(dirpath, name))
            m.bytes += size
            if size > m.file_bytes:
                m.file_bytes, m.file = size, os.path.relpath(os.path.join(dirpath, name), site)
    return m


def problems(m: Measure, host: Host) -> list[str]:
    out = []
    if host.site_bytes and m.bytes > host.site_bytes:
        out.append(f"the site is {m.bytes / GB:.2f} GB; {host.name} takes at most {host.site_bytes / GB:.0f} GB")
    if host.files and m.files > host.files:
        out.append(f"the site has {m.files:,} files; {host.name} takes at most {host.files:,} per deploy")
    if host.folder_files and m.folder_files > host.folder_files:
        out.append(f"{m.folder}/ holds {m.folder_files:,} files; {host.name} takes at most {host.folder_files:,} in one folder")
    if host.file_bytes and m.file_bytes > host.file_bytes:
        out.append(f"{m.file} is {m.file_bytes / MB:.1f} MB; {host.name} takes at most {host.file_bytes / MB:.0f} MB a file")
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.hosting", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--host", action="append", choices=sorted(HOSTS), help="fail when past this host's limits")
    args = parser.parse_args(argv)
    m = measure(args.site)
    print(f"{args.site}: {m.bytes / MB:,.1f} MB in {m.files:,} files; most in one folder: {m.folder_files:,} "
          f"({m.folder}/); largest file {m.file_bytes / MB:.1f} MB ({m.file})")
    failed = False
    if m.folder_files > FOLDER_LIMIT:
        print(f"error: {m.folder}/ holds {m.folder_files:,} files, more than the site's limit of {FOLDER_LIMIT:,} a folder",
              file=sys.stderr)
        failed = True
    for key, host in HOSTS.items():
        found = problems(m, host)
        print(f"  {host.name}: " + ("; ".join(found) if found else f"fits ({host.note})"))
        if found and key in (args.host or ()):
            print(f"error: the site does not fit {host.name}: {'; '.join(found)}. Publish it to object storage "
                  "with a CDN instead (README, Hosting: each shard's files go straight from its CI job)", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
