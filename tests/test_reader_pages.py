"""Issue 18: what readers met on the built pages, read from the real HTML of one build."""

from __future__ import annotations

import re

from html_page import read_page


def shanghai_guide(site_model):
    return next(g for g in site_model.guides if g.region.slug == "shanghai")


def test_addresses_in_guide_text_are_links(built, site_model):
    """Item 5: Shanghai's 申报方式 names two web addresses; they are links, not `<http://…>` text."""
    html = (built / shanghai_guide(site_model).url / "index.html").read_text(encoding="utf-8")
    assert '<a href="http://www.sh.gov.cn">http://www.sh.gov.cn</a>' in html
    assert '<a href="http://czkj.sheic.org.cn/">http://czkj.sheic.org.cn/</a>' in html
    article = read_page(built, shanghai_guide(site_model).url).article
    assert "<http" not in article
