"""The interface's words, one table per language: the one place UI text lives.

Every page is rendered from one set of templates with the edition's language as a parameter
(`lang`, "zh" or "en"). A template says `{{ t("status.open") }}` and gets the word for the page's
language; `t("funding.fixed", amount=20)` fills `{amount}`. Scripts get the same words: the
generator writes the keys starting with "js." to `assets/javascripts/atlas-strings.js` as
`window.ATLAS_STRINGS` (see `script_strings`), so the browser never holds a second table.

Add a key to every language at once: tests/test_i18n.py fails when a language lacks one.
Conventions:
- `{n}` is a count; a language may add `key.one` for n == 1 (English plurals).
- Keys ending in `.gloss` are a line in the other language under a Chinese heading or intro
  (rendered only when not empty: the English edition leaves them empty).
- Keys ending in `.md` hold Markdown (code spans) and are used with `|safe`: no placeholders.
- t_link() (render.py) takes a text with one [bracketed part] and links that part.
- Keys starting with `theme.` are for overrides/ (Material's templates, which cannot call t()):
  the edition's MkDocs config carries them as `config.extra.atlas` (see `theme_strings`).
- Keys starting with `js.` are for scripts (`window.ATLAS_STRINGS`, without the prefix).
Content (titles, guide text) never comes from here: it is the bureau's text, or its English
name from content/.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import jinja2

LANGUAGES = ("zh", "en")
DEFAULT = "zh"

STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "site.name": "指南图谱",
        "lang.name": "中文",
        # The edition's MkDocs config (generator/edition.py)
        "mkdocs.site_name": "指南图谱 Guide Atlas",
        "mkdocs.site_description": "各地科研项目申报指南与规划，全文照录、跨地区检索。Research-funding guides of Chinese cities and provinces.",
        "mkdocs.copyright": "指南正文版权归发布机关所有；本站照录以便检索。",
        "mkdocs.to_dark": "切换到深色模式",
        "mkdocs.to_light": "切换到浅色模式",
        "nav.home": "首页",
        "nav.explore": "浏览",
        "nav.plans": "规划",
        "nav.search": "搜索",
        "nav.data": "数据",
        "nav.about": "关于",
        # Shared labels (facts tables, table headers, filters)
        "facts.item": "项目",
        "facts.value": "内容",
        "label.region": "地区",
        "label.region_en": "Region",
        "label.year": "年度",
        "label.guide": "指南",
        "label.guides_and_plans": "指南与规划",
        "label.plans": "规划",
        "label.track": "类别",
        "label.topic": "题目",
        "label.topics": "题目",
        "label.tag": "标签",
        "label.tag_en": "Tag",
        "label.funding": "经费",
        "label.duration": "执行期限",
        "label.duration_short": "期限",
        "label.status": "申报状态",
        "label.status_short": "状态",
        "label.kind": "类型",
        "label.number": "编号",
        "label.theme": "专题",
        "label.issuer": "发布单位",
        "label.doc_number": "文号",
        "label.published": "发布日期",
        "label.published_short": "发布",
        "label.window": "申报时间",
        "label.topic_count": "题目数",
        "label.funding_total": "经费合计",
        "label.chapters": "章",
        "label.boxes": "专栏",
        "label.plan_entries": "规划条目",
        "label.plan": "规划",
        "label.total": "合计",
        "label.entries": "条目",
        "label.not_stated": "原文未载明",
        "line.funding": "经费：{value}",
        "line.duration": "执行期限：{value}",
        "line.funding_duration": "；执行期限：{value}",
        "line.funding_amount": "经费额度：{value}",
        "line.source_text": "原文文本：",
        "line.source_url": "原始发布：",
        "line.guide_of": "所属指南：",
        "line.labelled": "{label}：{value}",
        "contact.role": "{role}：",
        "missing.en": "",
        "official.note": "",
        "paren": "（{value}）",
        "beijing_time": "（北京时间）",
        # Formats (see the functions at the end of this module)
        "format.range": "{start} 至 {end}",
        "format.money": "{amount} 万元",
        "format.money_ceiling": "不超过 {amount} 万元",
        "format.total": "{amount} 万元",
        "format.total_ceiling": "不超过 {amount} 万元",
        "format.years": "{n} 年",
        "format.months": "{n} 个月",
        # Status and kinds
        "status.open": "申报中",
        "status.upcoming": "尚未开始",
        "status.closed": "已截止",
        "status.plan": "规划",
        "status.none": "未载申报时间",
        "status.as_of": "（截至 {date}）",
        "status.plan_none": "规划，不设申报时间",
        "status.source_none": "原文未载申报时间",
        "kind.plan": "规划",
        "kind.call": "申报指南",
        "size.chapters": "{n} 章",
        "funding.partial": "（{topics} 个题目中 {stated} 个载明经费）",
        "counts.calls": "{n} 份申报指南",
        "counts.and_plans": "、{n} 份规划",
        "counts.topics": "{n} 个题目",
        "counts.sentence": "共 {calls}{plans}，{topics}。",
        "totals.note": "经费合计：各题目所载经费额度相加，每个题目按资助一项计；原文为“不超过”的按上限计，原文未载明的不计。申报状态按 {date}（北京时间）计算。",
        "year.n": "{year} 年",
        "year.guides_of": "{year} 年各地指南",
        "year.gloss": "Guides and plans of {year}",
        # Navigation
        "nav.breadcrumbs": "位置",
        "nav.regions": "地区",
        "nav.years": "年度",
        "nav.tags": "标签",
        "nav.explorer": "题目浏览",
        "pager.track": "同类别题目",
        "pager.previous_topic": "上一题：{number} {title}",
        "pager.next_topic": "下一题：{number} {title}",
        "pager.topic_position": "{track} 第 {position} / {total} 题",
        "pager.chapters": "章节",
        "pager.years": "相邻年度",
        # Sections of guide, track and topic pages
        "notes.title": "编者说明 · Editorial notes",
        "section.overview": "概述",
        "section.tracks": "类别与题目",
        "section.window": "申报时间",
        "section.contacts": "联系方式",
        "section.context": "政策依据",
        "section.source": "来源",
        "section.rules": "说明",
        "section.topics": "题目",
        "section.summary": "概述",
        "section.funding": "经费与期限",
        "section.related": "相关题目",
        "guide.download_json": "下载数据 JSON",
        "guide.add_calendar": "添加到日历",
        "guide.calendar_title": "申报时间（iCalendar）",
        "guide.subscribe_region": "订阅{region}指南（Atom）",
        "topic.editorial_title": "标题为本站所加，原文此方向无标题 · Title added by the editors; the source gives this direction no title.",
        "topic.editorial_mark": "（标题为本站所加）",
        "related.note": "其他地区在前，按共同标签数排序。",
        "related.line": "（{place}）共同标签：{tags}",
        "list.sep": "、",
        # Plans
        "plan.map_missing": "本专栏为布局图。原文文本不含该图，本站未收录。",
        "plan.map_missing.gloss": "The layout map is an image that the source text does not contain; it is not included here.",
        "plan.indicator_note": "指标说明",
        "plan.see_note": "；见注 {n}",
        "plan.notes": "注：",
        "plan.contents": "目录",
        "plan.boxes": "专栏",
        "plan.box_items": "（{n} 项）",
        "plan.box_indicators": "（{n} 项指标）",
        "plan.box_map": "（布局图，未收录）",
        "plan.cited_by": "依据本规划的指南",
        "plan.see_row": "见[{box}] 第 {number} 项：{label}，{baseline_label} {baseline}，{target_label} {target}。",
        "plan.colon": "{label}：",
        # Page intros
        "home.title": "指南图谱",
        "home.gloss": "Guide Atlas: the research-funding guides that Chinese cities and provinces publish, side by side.",
        "home.intro": "本站收录各地科技主管部门发布的科研项目申报指南及其所依据的规划，全文照录，按地区、年度、类别与题目组织。",
        "home.latest": "最新指南",
        "home.all": "共 {n} 份指南，全部按[地区]和年度列出。",
        "about.title": "关于本站",
        "about.intro": "指南图谱收录各地科技主管部门公开发布的科研项目申报指南与规划。指南正文按发布机关原文照录：只修复提取造成的断行、残留标记等版面问题，不改动措辞。英文标题、简称和“编者说明”为本站所加，并已标明。",
        "about.gloss": "About: Guide Atlas publishes the research-funding guides of Chinese cities and provinces as the bureaus wrote them. Only layout damage from extraction is repaired; English titles, short titles and editorial notes are ours and marked as such.",
        "about.fields": "内容文件的每个字段见[字段说明 · Field reference]。",
        "about.editions": "中文与英文",
        "about.editions_intro": "本站页面有中文和英文两种语言：中文页面在站点根目录，英文页面在 en/ 下，逐页对应；页眉的语言切换直接打开另一种语言的同一页面。英文页面的界面、标签和名称为英文，指南正文仍为中文原文。数据文件、订阅源和日历两者共用。",
        "about.coverage": "英文名称：{total} 个标题中 {named} 个有英文名称（{percent}%）；缺少英文名称的，英文页面显示中文名称并注明。",
        "about.sources": "数据来源",
        "about.sources_intro": "每份指南的原文文本随指南发布，各地区页列出本地区指南的原文文本。",
        "regions.title": "地区",
        "regions.gloss": "Regions",
        "regions.by_year": "按年度",
        "regions.year_count": "（{n} 份）",
        "region.explorer_link": "[在题目浏览中查看本地区全部题目]",
        "region.none": "尚未收录本地区的指南。",
        "region.sources": "原文文本",
        "years.title": "年度",
        "years.gloss": "Years",
        "tags.title": "标签",
        "tags.gloss": "Tags: subjects that cross cities. Each cell counts the topics of a region that carry the tag.",
        "tags.note": "标签按拼音排序；数字为该地区带有此标签的题目数",
        "tags.note_plans": "，“规划条目”为规划中带有此标签的章节与专栏条目数",
        "tags.note_end": "。",
        "tag.guides": "指南与规划",
        "tag.topic_count": "{n} 个题目",
        "tag.entry_count": "、{n} 个规划条目",
        "tag.from_regions": "，来自 {n} 个地区：",
        "tag.explorer_link": "在题目浏览中按此标签筛选",
        "tag.split_note": "条目较多，按地区分页列出。",
        "tag.empty": "暂无题目或规划条目使用此标签。",
        "plans.title": "规划",
        "plans.gloss": "Plans",
        "plans.intro": "各地科技主管部门发布的科技创新规划，按章、节、专栏照录；每一节、每个专栏条目都有固定锚点，可直接引用。申报指南的“政策依据”链接到这里。",
        "plans.none": "尚未收录规划。",
        # Explorer
        "explorer.title": "题目浏览",
        "explorer.title_region": "题目浏览：{region}",
        "explorer.gloss": "Topic explorer: every topic of every guide, filterable and sortable.",
        "explorer.gloss_region": "Topic explorer: {region}",
        "explorer.intro": "按地区、年度、类别、标签筛选，点击表头排序；筛选条件保存在网址中，可直接分享。申报状态按 {date}（北京时间）计算。各地区另有单独的表：",
        "explorer.filters": "筛选题目",
        "explorer.all_regions": "全部地区",
        "explorer.all_years": "全部年度",
        "explorer.all_tracks": "全部类别",
        "explorer.all_tags": "全部标签",
        "explorer.title_contains": "题目含",
        "explorer.keyword": "关键词",
        "explorer.reset": "清除筛选",
        "explorer.csv": "下载当前结果（CSV）",
        "explorer.by_region": "题目较多，请按地区浏览：",
        "explorer.count": "共 {n} 个题目",
        "explorer.empty": "没有符合条件的题目。",
        # Search page
        "search.title": "搜索",
        "search.intro": "在全部指南题目中检索；加引号（如 \"科技金融\"）只找完整短语。可按地区、年度、类别和标签筛选，网址记录检索词与筛选，可直接分享。",
        "search.gloss": "Search every guide and topic; put a phrase in quotes to match it exactly. The address keeps the query and filters, so a search can be shared.",
        "search.form": "搜索页检索",
        "search.query": "检索词",
        "search.submit": "搜索",
        "search.filters": "筛选：",
        "search.filter_gloss.region": "Region",
        "search.filter_gloss.year": "Year",
        "search.filter_gloss.track": "Track",
        "search.filter_gloss.tag": "Tag",
        "search.loading": "正在加载搜索索引…",
        "search.more": "显示更多结果",
        "search.noscript": "搜索需要启用 JavaScript。",
        # Data page
        "data.title": "数据",
        "data.gloss": "Open data: every topic and guide as CSV and JSON, feeds of new guides, application windows as calendars.",
        "data.intro": "本站的全部指南与题目，以开放格式提供，供表格软件、文献管理与日历程序及其他网站使用。数据与页面出自同一份内容，每次构建同时生成。",
        "data.build_date": "构建日期",
        "data.status_basis": "状态依据",
        "data.status_basis_text": "“状态”（尚未开始、正在申报、已截止）按构建日期计算",
        "data.time": "时间",
        "data.time_text": "北京时间（UTC+08:00）",
        "data.funding_text": "原文以万元计；金额字段为万元 × 10000，单位元，币种 CNY",
        "data.links": "链接",
        "data.links_absolute": "绝对地址，以 {base} 开头",
        "data.links_relative": "相对地址：CSV 与 JSON 中相对于站点根目录（data/ 的上一级），订阅源中相对于订阅文件",
        "data.files": "文件",
        "data.file": "文件",
        "data.format": "格式",
        "data.topics_csv": "每个题目一行，共 {n} 行",
        "data.topics_csv_format": "CSV，UTF-8 带 BOM（Excel 可直接打开中文），逗号分隔",
        "data.topics_json": "全部题目，字段与 CSV 相同并更详细",
        "data.guides_json": "全部指南（不含题目正文）",
        "data.schema_json": "上述 JSON 文件的结构说明",
        "data.commongrants": "字段名沿用 CommonGrants 机会模型（id、title、description、status、funding、keyDates、source），其余为本站所定。",
        "data.per_guide": "每份指南",
        "data.data": "数据",
        "data.calendar": "日历",
        "data.no_window": "原文未载明申报时间",
        "data.feeds": "订阅",
        "data.feeds_intro": "Atom 订阅源，按更新日期由新到旧列出指南，每个订阅源只列最新的 {n} 份（更早的指南仍在网站和数据文件中）：",
        "data.feed": "订阅源",
        "data.feed_all": "全部指南 · All guides",
        "data.feed_region": "地区：{name}",
        "data.feed_tag": "标签：{name}",
        "data.calendar_all": "全部申报时间 · All application windows",
        "data.calendar_region": "地区：{name}",
        "data.calendars": "日历",
        "data.calendars_intro": "iCalendar 日历，每份载明申报起止时间的指南一个事件；原文写明钟点时按北京时间（Asia/Shanghai）计时，否则为全天事件。可导入或订阅：",
        "data.fields": "字段说明",
        "data.field": "字段",
        "data.name": "名称",
        "data.type": "类型",
        "data.required": "必有",
        "data.description": "说明",
        "data.yes": "是",
        # Field reference
        "reference.title": "字段说明",
        "reference.intro.md": "本页列出内容文件中的每个字段，由 `generator/schema/` 中的 JSON Schema 自动生成，与 `make check` 使用的规则完全一致。添加指南的步骤见仓库中的 CONTRIBUTING.md。",
        "reference.gloss.md": "Field reference: every field of the content files, generated from the JSON Schemas in `generator/schema/` that `make check` and editors use, so it always matches them. How to add a guide: CONTRIBUTING.md in the repository.",
        "reference.file": "文件 File:",
        "reference.type": "类型 Type:",
        "reference.rules": "规则 Rules:",
        "reference.field": "字段 Field",
        "reference.required": "必填 Required",
        "reference.type_col": "类型 Type",
        "reference.rules_col": "规则 Rules",
        "reference.description_col": "说明 Description",
        "reference.required_mark": "必填 required",
        # Theme (overrides/, through the edition's MkDocs config: config.extra.atlas)
        "theme.feed_all": "指南图谱：全部指南",
        "feed.title": "指南图谱：{name}",
        "theme.search_header": "全站搜索（页眉）",
        "theme.search_key_hint": "（/）",
        "theme.search_all": "在搜索页中查看全部结果并筛选",
        # Scripts (window.ATLAS_STRINGS)
        "js.region": "地区",
        "js.year": "年度",
        "js.guide": "指南",
        "js.track": "类别",
        "js.results_checking": "已找到 {total} 个符合条件的结果，仍在核对",
        "js.results_none": "没有找到符合条件的结果",
        "js.results_one": "找到 1 个符合条件的结果",
        "js.results_many": "{total} 个符合条件的结果",
        "js.type_to_search": "键入以开始搜索",
        "js.explorer_all": "共 {total} 个题目",
        "js.explorer_shown": "显示 {shown} / {total} 个题目",
        "js.csv_link": "链接",
    },
    "en": {
        "site.name": "Guide Atlas",
        "lang.name": "English",
        # The edition's MkDocs config (generator/edition.py)
        "mkdocs.site_name": "Guide Atlas",
        "mkdocs.site_description": "The research-funding guides and plans of Chinese cities and provinces, in full, searchable across regions, with an English interface.",
        "mkdocs.copyright": "The guides' text is the copyright of the bodies that issued them; it is reproduced here to make it searchable.",
        "mkdocs.to_dark": "Switch to dark mode",
        "mkdocs.to_light": "Switch to light mode",
        "nav.home": "Home",
        "nav.explore": "Explorer",
        "nav.plans": "Plans",
        "nav.search": "Search",
        "nav.data": "Data",
        "nav.about": "About",
        # Shared labels (facts tables, table headers, filters)
        "facts.item": "Item",
        "facts.value": "Details",
        "label.region": "Region",
        "label.region_en": "Chinese name",
        "label.year": "Year",
        "label.guide": "Guide",
        "label.guides_and_plans": "Guides and plans",
        "label.plans": "Plans",
        "label.track": "Track",
        "label.topic": "Topic",
        "label.topics": "Topics",
        "label.tag": "Tag",
        "label.tag_en": "Chinese name",
        "label.funding": "Funding",
        "label.duration": "Duration",
        "label.duration_short": "Duration",
        "label.status": "Status",
        "label.status_short": "Status",
        "label.kind": "Type",
        "label.number": "Number",
        "label.theme": "Theme",
        "label.issuer": "Issued by",
        "label.doc_number": "Document number",
        "label.published": "Published",
        "label.published_short": "Published",
        "label.window": "Application window",
        "label.topic_count": "Topics",
        "label.funding_total": "Total funding",
        "label.chapters": "Chapters",
        "label.boxes": "Boxes",
        "label.plan_entries": "Plan entries",
        "label.plan": "Plan",
        "label.total": "Total",
        "label.entries": "Entries",
        "label.not_stated": "Not stated in the source",
        "line.funding": "Funding: {value}",
        "line.duration": "Duration: {value}",
        "line.funding_duration": "; duration: {value}",
        "line.funding_amount": "Funding: {value}",
        "line.source_text": "Source text: ",
        "line.source_url": "Published at: ",
        "line.guide_of": "Part of the guide: ",
        "line.labelled": "{label}: {value}",
        "contact.role": "{role}: ",
        "missing.en": "No English title yet; the Chinese title is shown.",
        "official.note": "The text below is the official Chinese text, as the issuing body published it.",
        "paren": " ({value})",
        "beijing_time": " (Beijing time)",
        # Formats (see the functions at the end of this module)
        "format.range": "{start} to {end}",
        "format.money": "CNY {amount} per unit, fixed",
        "format.money_ceiling": "up to CNY {amount} per unit",
        "format.total": "CNY {amount}",
        "format.total_ceiling": "up to CNY {amount}",
        "format.years": "{n} years",
        "format.years.one": "{n} year",
        "format.months": "{n} months",
        "format.months.one": "{n} month",
        # Status and kinds
        "status.open": "Open",
        "status.upcoming": "Not yet open",
        "status.closed": "Closed",
        "status.plan": "Plan",
        "status.none": "No window stated",
        "status.as_of": " (as of {date})",
        "status.plan_none": "Plan, no application window",
        "status.source_none": "The source gives no application window",
        "kind.plan": "Plan",
        "kind.call": "Call for proposals",
        "size.chapters": "{n} chapters",
        "size.chapters.one": "{n} chapter",
        "funding.partial": " (stated for {stated} of {topics} topics)",
        "counts.calls": "{n} calls for proposals",
        "counts.calls.one": "{n} call for proposals",
        "counts.and_plans": ", {n} plans",
        "counts.and_plans.one": ", {n} plan",
        "counts.topics": "{n} topics",
        "counts.topics.one": "{n} topic",
        "counts.sentence": "{calls}{plans} and {topics} in all.",
        "totals.note": "Total funding: the funding stated for each topic, added up, counting one award per topic; a ceiling (“up to”) counts in full, and topics without a stated amount count nothing. Status as of {date} (Beijing time).",
        "year.n": "{year}",
        "year.guides_of": "All regions' guides of {year}",
        "year.gloss": "",
        # Navigation
        "nav.breadcrumbs": "Breadcrumbs",
        "nav.regions": "Regions",
        "nav.years": "Years",
        "nav.tags": "Tags",
        "nav.explorer": "Topic explorer",
        "pager.track": "Topics of the same track",
        "pager.previous_topic": "Previous: {number} {title}",
        "pager.next_topic": "Next: {number} {title}",
        "pager.topic_position": "{track}, topic {position} of {total}",
        "pager.chapters": "Chapters",
        "pager.years": "Neighbouring years",
        # Sections of guide, track and topic pages
        "notes.title": "Editorial notes",
        "section.overview": "Overview",
        "section.tracks": "Tracks and topics",
        "section.window": "Application window",
        "section.contacts": "Contacts",
        "section.context": "Policy basis",
        "section.source": "Source",
        "section.rules": "Rules",
        "section.topics": "Topics",
        "section.summary": "Summary",
        "section.funding": "Funding and duration",
        "section.related": "Related topics",
        "guide.download_json": "Download data (JSON)",
        "guide.add_calendar": "Add to calendar",
        "guide.calendar_title": "Application window (iCalendar)",
        "guide.subscribe_region": "Subscribe to {region} guides (Atom)",
        "topic.editorial_title": "Title added by the editors; the source gives this direction no title.",
        "topic.editorial_mark": " (title added by the editors)",
        "related.note": "Other regions first, then by the number of tags in common.",
        "related.line": " ({place}), tags in common: {tags}",
        "list.sep": ", ",
        # Plans
        "plan.map_missing": "This box is a layout map. The source text does not contain it, so it is not included here.",
        "plan.map_missing.gloss": "",
        "plan.indicator_note": "Indicator notes",
        "plan.see_note": "; see note {n}",
        "plan.notes": "Notes:",
        "plan.contents": "Contents",
        "plan.boxes": "Boxes",
        "plan.box_items": " ({n} items)",
        "plan.box_items.one": " ({n} item)",
        "plan.box_indicators": " ({n} indicators)",
        "plan.box_indicators.one": " ({n} indicator)",
        "plan.box_map": " (layout map, not included)",
        "plan.cited_by": "Guides based on this plan",
        "plan.see_row": "See [{box}], item {number}: {label}; {baseline_label} {baseline}, {target_label} {target}.",
        "plan.colon": "{label}:",
        # Page intros
        "home.title": "Guide Atlas",
        "home.gloss": "",
        "home.intro": "The research-funding guides (申报指南) that science and technology bureaus of Chinese cities and provinces publish, and the plans behind them: the full official text, organised by region, year, track and topic, with an English interface and English titles.",
        "home.latest": "Latest guides",
        "home.all": "{n} guides in all, every one listed by [region] and year.",
        "about.title": "About this site",
        "about.intro": "Guide Atlas publishes the research-funding guides and plans that science and technology bureaus of Chinese cities and provinces make public. The guides' text is the issuing body's own, in Chinese: only layout damage from extraction (broken lines, stray marks) is repaired, never the wording. English titles, short titles and editorial notes are added by the editors and marked as such.",
        "about.gloss": "",
        "about.fields": "Every field of the content files is described in the [field reference].",
        "about.editions": "Chinese and English editions",
        "about.editions_intro": "The site has a Chinese edition (at its root) and this English one (en/), page for page: the language switch in the header opens the same page in the other edition. The English edition's interface, labels and names are English; the guides' text stays the issuing body's official Chinese. The data files, feeds and calendars are shared by both editions.",
        "about.coverage": "English names: {named} of {total} titles have one ({percent} %); where one is missing, the English edition shows the Chinese title, marked “no English title yet”.",
        "about.sources": "Sources",
        "about.sources_intro": "Each guide's source text is published with it; each region's page lists the source texts of its guides.",
        "regions.title": "Regions",
        "regions.gloss": "",
        "regions.by_year": "By year",
        "regions.year_count": " ({n})",
        "region.explorer_link": " [See all of this region's topics in the explorer]",
        "region.none": "No guides of this region yet.",
        "region.sources": "Source texts",
        "years.title": "Years",
        "years.gloss": "",
        "tags.title": "Tags",
        "tags.gloss": "",
        "tags.note": "Subjects that cross cities, in the order of their Chinese names (pinyin); each cell counts the topics of a region that carry the tag",
        "tags.note_plans": ", and “Plan entries” the chapters, sections and box items of plans that carry it",
        "tags.note_end": ".",
        "tag.guides": "Guides and plans",
        "tag.topic_count": "{n} topics",
        "tag.topic_count.one": "{n} topic",
        "tag.entry_count": " and {n} plan entries",
        "tag.entry_count.one": " and {n} plan entry",
        "tag.from_regions": " from {n} regions:",
        "tag.from_regions.one": " from {n} region:",
        "tag.explorer_link": "Filter the topic explorer by this tag",
        "tag.split_note": "Many entries: listed on a page per region.",
        "tag.empty": "No topic or plan entry carries this tag yet.",
        "plans.title": "Plans",
        "plans.gloss": "",
        "plans.intro": "Science and technology innovation plans published by the bureaus, in full, by chapter, section and box; every section and box item has a fixed anchor to cite. The guides' “policy basis” links here.",
        "plans.none": "No plans yet.",
        # Explorer
        "explorer.title": "Topic explorer",
        "explorer.title_region": "Topic explorer: {region}",
        "explorer.gloss": "",
        "explorer.gloss_region": "",
        "explorer.intro": "Filter by region, year, track and tag; sort by clicking a column heading. The filters are kept in the address, so a view can be shared. Status as of {date} (Beijing time). Each region also has a table of its own: ",
        "explorer.filters": "Filter topics",
        "explorer.all_regions": "All regions",
        "explorer.all_years": "All years",
        "explorer.all_tracks": "All tracks",
        "explorer.all_tags": "All tags",
        "explorer.title_contains": "Title contains",
        "explorer.keyword": "Keywords",
        "explorer.reset": "Clear filters",
        "explorer.csv": "Download these results (CSV)",
        "explorer.by_region": "Too many topics for one table; browse them by region:",
        "explorer.count": "{n} topics",
        "explorer.count.one": "{n} topic",
        "explorer.empty": "No topic matches these filters.",
        # Search page
        "search.title": "Search",
        "search.intro": "Search every guide and topic, in English or Chinese; put a phrase in quotes (such as \"science and technology finance\") to match it exactly. Filter by region, year, track and tag; the address keeps the query and filters, so a search can be shared.",
        "search.gloss": "",
        "search.form": "Search this site",
        "search.query": "Search terms",
        "search.submit": "Search",
        "search.filters": "Filters:",
        "search.filter_gloss.region": "",
        "search.filter_gloss.year": "",
        "search.filter_gloss.track": "",
        "search.filter_gloss.tag": "",
        "search.loading": "Loading the search index…",
        "search.more": "Show more results",
        "search.noscript": "Search needs JavaScript.",
        # Data page
        "data.title": "Open data",
        "data.gloss": "",
        "data.intro": "Every guide and topic of this site in open formats, for spreadsheets, reference managers, calendar programs and other sites. The data and the pages come from the same content and are made by the same build. The files are shared by both editions; their text fields are the official Chinese text, with English names where the editors have added them.",
        "data.build_date": "Build date",
        "data.status_basis": "Status",
        "data.status_basis_text": "“status” (forecasted, open, closed) is as of the build date",
        "data.time": "Times",
        "data.time_text": "Beijing time (UTC+08:00)",
        "data.funding_text": "The source states funding in 万元 (CNY 10,000); money amounts are 万元 × 10000, in yuan (CNY)",
        "data.links": "Links",
        "data.links_absolute": "Absolute, starting with {base}",
        "data.links_relative": "Relative: to the site root (the folder above data/) in the CSV and JSON, to the feed file in the feeds",
        "data.files": "Files",
        "data.file": "File",
        "data.format": "Format",
        "data.topics_csv": "One row per topic, {n} rows",
        "data.topics_csv_format": "CSV, UTF-8 with a BOM (Excel opens the Chinese text as is), comma-separated",
        "data.topics_json": "Every topic, the CSV's fields and more",
        "data.guides_json": "Every guide (without the topics' text)",
        "data.schema_json": "The structure of the JSON files above",
        "data.commongrants": "Field names follow the CommonGrants opportunity model (id, title, description, status, funding, keyDates, source); the others are this site's own.",
        "data.per_guide": "Per guide",
        "data.data": "Data",
        "data.calendar": "Calendar",
        "data.no_window": "The source gives no application window",
        "data.feeds": "Feeds",
        "data.feeds_intro": "Atom feeds listing guides by update date, newest first; each feed holds the {n} newest (older guides stay on the site and in the data files):",
        "data.feed": "Feed",
        "data.feed_all": "All guides",
        "data.feed_region": "Region: {name}",
        "data.feed_tag": "Tag: {name}",
        "data.calendar_all": "All application windows",
        "data.calendar_region": "Region: {name}",
        "data.calendars": "Calendars",
        "data.calendars_intro": "iCalendar calendars with an event per guide that states its application window, timed in Beijing time (Asia/Shanghai) when the source gives hours, otherwise all-day. Import or subscribe:",
        "data.fields": "Fields",
        "data.field": "Field",
        "data.name": "Name",
        "data.type": "Type",
        "data.required": "Always present",
        "data.description": "Description",
        "data.yes": "yes",
        # Field reference
        "reference.title": "Field reference",
        "reference.intro.md": "Every field of the content files, generated from the JSON Schemas in `generator/schema/` that `make check` and editors use, so it always matches them. How to add a guide: CONTRIBUTING.md in the repository.",
        "reference.gloss.md": "",
        "reference.file": "File:",
        "reference.type": "Type:",
        "reference.rules": "Rules:",
        "reference.field": "Field",
        "reference.required": "Required",
        "reference.type_col": "Type",
        "reference.rules_col": "Rules",
        "reference.description_col": "Description",
        "reference.required_mark": "required",
        # Theme (overrides/, through the edition's MkDocs config: config.extra.atlas)
        "theme.feed_all": "Guide Atlas: all guides",
        "feed.title": "Guide Atlas: {name}",
        "theme.search_header": "Search the site (header)",
        "theme.search_key_hint": " (/)",
        "theme.search_all": "See all results on the search page, with filters",
        # Scripts (window.ATLAS_STRINGS)
        "js.region": "Region",
        "js.year": "Year",
        "js.guide": "Guide",
        "js.track": "Track",
        "js.results_checking": "{total} matching results found, still checking",
        "js.results_none": "No matching results",
        "js.results_one": "1 matching result",
        "js.results_many": "{total} matching results",
        "js.type_to_search": "Type to start searching",
        "js.explorer_all": "{total} topics",
        "js.explorer_shown": "Showing {shown} of {total} topics",
        "js.csv_link": "Link",
    },
}


class MissingString(KeyError):
    pass


def text(lang: str, key: str, **values) -> str:
    """The interface text `key` in `lang`, with `{name}` placeholders filled from `values`."""
    table = STRINGS.get(lang, {})
    if values.get("n") == 1 and f"{key}.one" in table:
        key = f"{key}.one"
    try:
        s = table[key]
    except KeyError:
        raise MissingString(f"no {lang!r} text for {key!r}: add it to generator/i18n.py") from None
    return s.format(**values) if values else s


@jinja2.pass_context
def t(ctx, key: str, **values) -> str:
    """Jinja global: the text for the rendered page's language (context `lang`, default zh).
    Returns plain text, so the template's escaping (md_escape or |html) still applies."""
    return text(ctx.get("lang") or DEFAULT, key, **values)


def theme_strings(lang: str) -> dict[str, str]:
    """The words overrides/ shows, for the edition's MkDocs config (config.extra.atlas.<key>)."""
    return {k[6:]: v for k, v in STRINGS[lang].items() if k.startswith("theme.")}


def script_strings(lang: str) -> str:
    """The body of assets/javascripts/atlas-strings.js for one edition."""
    table = {k[3:]: v for k, v in STRINGS[lang].items() if k.startswith("js.")}
    body = json.dumps(table, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f"window.ATLAS_LANG = {json.dumps(lang)};\nwindow.ATLAS_STRINGS = {body};\n"


# Formatting: dates, money and durations in an edition's language. The model's labels
# (Funding.label, Duration.label, Window.label, groups.FundingTotal.label) call these.

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WAN = Decimal(10000)


def date_text(day: dt.date, lang: str) -> str:
    """2020-12-04 (zh) or 4 Dec 2020 (en)."""
    if lang == "en":
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return day.isoformat()


def datetime_text(moment: dt.datetime, timed: bool, lang: str) -> str:
    """2020-12-04 16:30 (zh) or 4 Dec 2020, 16:30 (en); the date alone when not `timed`."""
    day = date_text(moment.date(), lang)
    if not timed:
        return day
    return f"{day}, {moment:%H:%M}" if lang == "en" else f"{day} {moment:%H:%M}"


def date_range(start: str, end: str, lang: str) -> str:
    return text(lang, "format.range", start=start, end=end)


def money(amount: float, ceiling: bool, lang: str, kind: str = "money") -> str:
    """An amount in 万元: "20 万元" / "不超过 20 万元", "CNY 200,000 per unit, fixed" / "up to CNY 200,000
    per unit"; `kind` "total" for a sum over topics ("CNY 2,000,000")."""
    if lang == "en":
        yuan = Decimal(repr(amount)) * _WAN
        shown = f"{yuan:,.0f}" if yuan == yuan.to_integral_value() else f"{yuan:,.2f}"
    else:
        shown = f"{amount:g}"
    return text(lang, f"format.{kind}_ceiling" if ceiling else f"format.{kind}", amount=shown)


def total(amount: float, ceiling: bool, lang: str) -> str:
    return money(amount, ceiling, lang, "total")


def months(count: int, lang: str) -> str:
    """A duration in months: whole years as years."""
    if count % 12 == 0:
        return text(lang, "format.years", n=count // 12)
    return text(lang, "format.months", n=count)


def name(value, lang: str) -> str:
    """A content name (model.Text, or a region or tag with .zh/.en) in the edition's language:
    the English where the content gives it, else the Chinese."""
    if value is None:
        return ""
    if lang == "en":
        return getattr(value, "en", None) or getattr(value, "zh", None) or str(value)
    return getattr(value, "zh", None) or str(value)
