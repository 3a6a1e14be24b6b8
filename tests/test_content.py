"""The content as a whole: vocabularies, English titles, tags in use, every topic tagged."""

from __future__ import annotations

from generator.slugs import slugify


def test_tag_vocabulary_is_complete(site_model):
    assert len(site_model.tags) >= 25
    for tag in site_model.tags:
        assert tag.zh and tag.en and tag.description, tag.slug
        assert tag.slug == slugify(tag.zh), f"{tag.zh}: slug {tag.slug} is not its pinyin"


def test_every_tag_is_in_use(site_model):
    used = {tag.slug for topic in site_model.topics for tag in topic.tags}
    used |= {tag.slug for entry in site_model.plan_entries for tag in entry.tags}
    unused = [t.slug for t in site_model.tags if t.slug not in used]
    assert not unused, f"tags no topic uses (remove them or tag topics): {unused}"


def test_every_topic_has_one_to_five_tags(site_model):
    for topic in site_model.topics:
        assert 1 <= len(topic.tags) <= 5, topic.key


def test_cross_city_tags_gather_several_guides(site_model):
    for slug in ("ke-ji-jin-rong", "ke-xue-pu-ji"):
        regions = {t.guide.region.slug for t in site_model.topics_by_tag[slug]}
        assert len(regions) >= 2, (slug, regions)


def test_everything_has_an_english_title(site_model):
    for region in site_model.regions:
        assert region.en
    for guide in site_model.guides:
        assert guide.title.en, guide.key
        for theme in guide.themes:
            assert theme.name.en, (guide.key, theme.id)
        for track in guide.tracks:
            assert track.name.en, (guide.key, track.id)
            for topic in track.topics:
                assert topic.title.en, topic.key


def test_the_four_call_guides_are_complete(site_model):
    calls = {g.key: len(g.topics) for g in site_model.guides if g.kind == "call"}
    assert calls == {
        "chengdu/2023-ruankexue": 20,
        "hubei/2023-ruankexue-zhongdian": 10,
        "shanghai/2020-ruankexue-zhongdian-2": 18,
        "tianjin/2021-zhiku-ruankexue": 36,
    }


def test_untitled_directions_have_editorial_titles(site_model):
    chengdu = next(g for g in site_model.guides if g.key == "chengdu/2023-ruankexue")
    yiban = next(t for t in chengdu.tracks if t.id == "yiban")
    assert all(t.title_editorial for t in yiban.topics)
    assert not any(t.title_editorial for t in site_model.topics if t.track is not yiban)
    # The full direction text is the body, verbatim (checked against the source by test_fidelity).
    assert all(t.content for t in yiban.topics)


def test_shanghai_topics_keep_their_own_funding_and_dates(site_model):
    shanghai = next(g for g in site_model.guides if g.region.slug == "shanghai")
    assert shanghai.doc_number == "沪科指南〔2020〕31号"
    assert shanghai.published.isoformat() == "2020-11-09"
    assert shanghai.window.label() == "2020-11-17 09:00 至 2020-12-04 16:30"
    for topic in shanghai.topics:
        assert topic.own_funding and topic.own_funding.amount and topic.own_funding.kind in ("fixed", "ceiling")
        assert str(int(topic.own_funding.amount)) in topic.own_funding.text.zh
        assert ("不超过" in topic.own_funding.text.zh) == (topic.own_funding.kind == "ceiling")
        assert topic.own_duration.start and topic.own_duration.end
        for day in (topic.own_duration.start, topic.own_duration.end):
            assert f"{day.year}年{day.month}月{day.day}日" in topic.own_duration.text.zh


def test_structured_funding_agrees_with_its_text(site_model):
    fundings = [t.funding for g in site_model.guides for t in g.tracks if t.funding]
    fundings += [t.own_funding for t in site_model.topics if t.own_funding]
    assert fundings
    for f in fundings:
        if f.amount is not None:
            assert f"{f.amount:g}" in f.text.zh.replace(" ", ""), f.text.zh
        assert ("不超过" in f.text.zh) == (f.kind == "ceiling"), f.text.zh
