"""schema.org JSON-LD for guide and topic pages, mapped from the open-data records.

Each topic is a `MonetaryGrant`: `identifier` is the record's id, `name` its Chinese and
English titles, `url` its page, `funder` the issuing bureau as a `GovernmentOrganization`
serving the region, and `amount` a `MonetaryAmount` in CNY where the source gives an
amount: the record's money (万元 × 10000), as `value` for fixed funding and `maxValue`
for a ceiling, with the source's wording as its description. A guide page carries the
guide's grant and one per topic as a graph. The pages emit it through
overrides/partials/atlas-head.html (page.meta.jsonld, escaped with |tojson).
"""

from __future__ import annotations

from decimal import Decimal

from . import export

CONTEXT = "https://schema.org"


def topic_ld(topic, build_date, links: export.Links) -> dict:
    """JSON-LD for a topic's page; links start at that page."""
    record = export.topic_record(topic, build_date, links.at(topic.url))
    return {"@context": CONTEXT, **grant(record, funder(record["guide"], record["region"]))}


def guide_ld(guide, build_date, links: export.Links) -> dict:
    """JSON-LD for a guide's page: the guide's grant, then its topics' (the funder named once)."""
    here = links.at(guide.url)
    record = export.guide_record(guide, build_date, here)
    topics = [export.topic_record(t, build_date, here) for t in guide.topics]
    this = grant(record, funder(record, record["region"]))
    if "docNumber" in record:
        this["identifier"] = [record["id"], {"@type": "PropertyValue", "propertyID": "文号", "value": record["docNumber"]}]
    return {"@context": CONTEXT, "@graph": [this] + [grant(t) for t in topics]}


def grant(record: dict, funder_node: dict | None = None) -> dict:
    node = {"@type": "MonetaryGrant", "identifier": record["id"], "name": names(record["title"], record.get("titleEn")),
            "url": record["url"]}
    if funder_node:
        node["funder"] = funder_node
    money = amount(record.get("funding"))
    if money:
        node["amount"] = money
    return node


def funder(issuer: dict, region: dict) -> dict:
    """The issuing bureau: `issuer`/`issuerEn` of a guide record or a topic's guide reference."""
    return {
        "@type": "GovernmentOrganization",
        "name": names(issuer["issuer"], issuer.get("issuerEn")),
        "areaServed": {"@type": "AdministrativeArea", "name": names(region["name"], region["nameEn"])},
    }


def names(zh: str, en: str | None):
    if en:
        return [{"@language": "zh-CN", "@value": zh}, {"@language": "en", "@value": en}]
    return zh


def amount(funding: dict | None) -> dict | None:
    if not funding or "maxAwardAmount" not in funding:
        return None
    value = Decimal(funding["maxAwardAmount"]["amount"])
    number = int(value) if value == value.to_integral_value() else float(value)
    return {
        "@type": "MonetaryAmount",
        "currency": funding["maxAwardAmount"]["currency"],
        "value" if funding["kind"] == "fixed" else "maxValue": number,
        "description": funding["details"],
    }
