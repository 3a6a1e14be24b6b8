"""What a topic page tells an applicant: its window, funding, duration, contacts and where to read how to apply.

A topic inherits what it does not state: funding and duration from its track, contacts from its
guide. The guide's sections about applying (requirements, conditions, materials, procedure) are
found by their headings, so the topic page can link them; the official notice is the guide's
source address where it gives one.
"""

from __future__ import annotations

import posixpath

from . import export

# Words in a section heading that mark it as about applying (申报要求, 申报条件, 申报材料, 申报方式 …).
APPLY_WORDS = ("申报", "申请", "要求", "条件", "材料", "方式", "程序", "流程", "受理")


def sections(guide) -> list:
    """The guide's top-level sections about applying, in page order."""
    return [s for s in guide.sections if any(w in s.heading.zh for w in APPLY_WORDS)]


def contacts(topic) -> tuple[list, bool]:
    """The topic's contacts, or the guide's; and whether they come from the guide."""
    if topic.contacts:
        return topic.contacts, False
    return topic.guide.contacts, bool(topic.guide.contacts)


def address(url: str) -> str | None:
    """The page's absolute address when SITE_URL is set (else the script fills it in)."""
    base = export.site_base()
    return posixpath.join(base, url) if base else None
