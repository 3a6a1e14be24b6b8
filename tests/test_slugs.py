from generator.slugs import SlugRegistry, slugify


def test_pinyin_slug_is_ascii_and_hyphenated():
    assert slugify("科技金融") == "ke-ji-jin-rong"
    assert slugify("绿色低碳") == "lv-se-di-tan"


def test_slug_keeps_ascii_words_and_digits():
    assert slugify("2022浦江创新论坛") == "2022-pu-jiang-chuang-xin-lun-tan"
    assert slugify("R&D 经费") == "r-d-jing-fei"


def test_slug_is_cut_at_a_hyphen():
    slug = slugify("以创新为引领、以产业为支撑 打造世界级创新型产业集群研究", 20)
    assert len(slug) <= 20 and not slug.endswith("-")
    assert slugify("！！！") == "x"


def test_collisions_resolve_in_order():
    reg = SlugRegistry(reserved=("overview",))
    assert [reg.claim("a"), reg.claim("a"), reg.claim("a"), reg.claim("overview")] == ["a", "a-2", "a-3", "overview-2"]
