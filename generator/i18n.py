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
import re
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
        "status.plan": "规划",
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
        "source.crumb": "原文文本",
        "source.title": "原文文本：{title}",
        "source.plain": "发布机关原文的全文，按行编号，可链接到某一行（如 #L12）。",
        "source.download": "下载纯文本（.txt，UTF-8）",
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
        "about.corrections": "纠错与参与",
        "about.corrections_intro": "发现错误？每个指南、类别和题目页的标题右侧有两个按钮：「编辑此页」打开该页所依据的内容文件（YAML），「报告错误」在代码仓库中提出问题。",
        "about.contributing": "添加或改正指南的步骤见[参与贡献（CONTRIBUTING.md）]。",
        "about.contributing_file": "添加或改正指南的步骤见代码仓库中的 CONTRIBUTING.md（参与贡献）。",
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
        "explorer.intro": "按地区、年度、类别、标签、申报状态和经费筛选，标题可用中文或英文的几个词查找，点击表头排序；筛选条件保存在网址中，可直接分享。申报状态按当前北京时间计算。各地区另有单独的表：",
        "explorer.filters": "筛选题目",
        "explorer.all_regions": "全部地区",
        "explorer.all_years": "全部年度",
        "explorer.all_tracks": "全部类别",
        "explorer.all_tags": "全部标签",
        "explorer.title_contains": "题目含",
        "explorer.keyword": "中文或英文关键词",
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
        "theme.edit_page": "编辑此页（内容文件）",
        "theme.report_error": "报告错误",
        "theme.report_title": "内容错误：",
        "theme.not_found_title": "找不到这个页面",
        "theme.not_found_text": "这个地址没有页面：它可能已经移动，或者输入有误。可以搜索，或从下面的入口继续。",
        "theme.not_found_search": "搜索全站",
        "theme.not_found_button": "搜索",
        "theme.not_found_home": "首页",
        "theme.not_found_regions": "按地区浏览指南",
        "theme.not_found_explorer": "浏览全部题目",
        # make serve's preview (generator/serve_hooks.py)
        "preview.errors": "内容有 {count} 处错误，没有重新生成：预览显示的是上一次成功生成的页面。改正后保存，页面会自动刷新。",
        # Scripts (window.ATLAS_STRINGS)
        "js.region": "地区",
        "js.year": "年度",
        "js.guide": "指南",
        "js.track": "类别",
        "js.results_checking": "已找到 {total} 个完全符合的结果，还有更多待核对",
        "js.results_none": "没有找到完全符合的结果",
        "js.results_one": "找到 1 个完全符合的结果",
        "js.results_many": "{total} 个完全符合的结果",
        "js.results_partial": "；另有 {total} 个部分符合的结果",
        "js.partial_notice": "以下是部分符合的结果：页面只含检索词中的部分词语，不含完整的检索词。",
        "js.skip_to_results": "跳到搜索结果",
        "js.tables_scroll": "表格较宽，可左右滚动查看全部列",
        "js.type_to_search": "键入以开始搜索",
        "js.explorer_all": "共 {total} 个题目",
        "js.explorer_shown": "显示 {shown} / {total} 个题目",
        "js.csv_link": "链接",
        # issue 16: status, home, deadlines, topic apply block, programmes, comparisons, explorer
        "js.status.forecasted": "尚未开始",
        "js.status.open": "申报中",
        "js.status.closed": "已截止",
        "js.status.custom": "未载申报时间",
        "js.status.live": "（按当前北京时间）",
        "js.status.filter": "申报状态",
        "js.status.filter_all": "全部状态",
        "js.status.filter_shown": "按申报状态筛选已载入的结果：显示 {shown} / {total} 个",
        "js.days.left": "还剩 {n} 天",
        "js.days.today": "今天截止",
        "js.days.until": "{n} 天后开始",
        "js.days.closed": "{n} 天前",
        "home.search.label": "搜索指南与题目",
        "home.search.placeholder": "输入关键词，如 科技金融",
        "home.search.button": "搜索",
        "home.now": "现在可以申报什么",
        "home.closing": "即将截止",
        "home.open": "正在申报",
        "home.upcoming": "即将开始",
        "home.recent": "最近的申报时间",
        "home.none_open": "目前没有正在申报的指南。以下是最近的申报时间。",
        "home.none_at_all": "收录的指南均未载明申报时间。",
        "home.all_deadlines": "全部申报时间",
        "home.closes": "截止 {date}",
        "home.opens": "开始 {date}",
        "home.all_guides": "共 {n} 份指南，全部按地区和年度列出",
        "home.subjects": "学科与主题",
        "home.all_tags": "全部标签",
        "home.regions": "地区",
        "home.region_counts": "{calls} 份申报指南、{plans} 份规划，{topics} 个题目",
        "home.more_regions": "全部 {n} 个地区",
        "col.window": "申报时间",
        "col.days": "剩余",
        "col.funding": "经费（万元）",
        "col.closes": "截止",
        "deadlines.title": "申报时间一览",
        "deadlines.lead": "每份指南的申报时间，按截止月份排列：尚未截止的在前，已截止的在后。状态与剩余天数按北京时间计算。",
        "deadlines.subscribe": "订阅全部申报时间（iCalendar）",
        "deadlines.coming": "尚未截止",
        "deadlines.past": "已截止",
        "deadlines.month": "{year} 年 {month} 月",
        "deadlines.none": "没有载明申报时间的指南。",
        "deadlines.without": "另有 {n} 份指南未载明申报时间。",
        "apply.title": "申报信息",
        "apply.window": "申报时间",
        "apply.window_none": "原文未载明",
        "apply.beijing": "北京时间",
        "apply.funding": "经费",
        "apply.duration": "执行期限",
        "apply.contacts": "联系方式",
        "apply.from_guide": "（指南所载）",
        "apply.howto": "如何申报",
        "apply.read": "申报要求与材料见指南：",
        "apply.guide": "指南全文",
        "apply.notice": "官方通知原文",
        "cite.title": "引用本页",
        "cite.copy": "复制引用",
        "js.cite.copied": "已复制",
        "cite.accessed": "（访问日期：{date}）",
        "cite.topic": "题目 {number}",
        "print.address": "本页地址",
        "print.source": "来源",
        "editions.title": "本项目其他年度",
        "editions.programme": "项目：",
        "editions.compare": "与上一版比较",
        "programmes.title": "历年项目",
        "programmes.lead": "同一地区年年发布的同名申报指南，逐年列出并比较。",
        "programmes.editions": "{n} 个年度",
        "programme.editions": "历年指南",
        "programme.compare": "相邻年度比较",
        "programme.compare_link": "{old} → {new}",
        "compare.title": "{old} 与 {new} 比较",
        "compare.method": "题目按标题与内容的字符二元组相似度（Jaccard）配对，相似度不低于 {threshold} 的视为延续。",
        "compare.facts": "申报要点",
        "compare.fact": "项目",
        "compare.window": "申报时间",
        "compare.funding": "经费（万元）",
        "compare.duration": "执行期限",
        "compare.topics": "题目数",
        "compare.changed": "有变化",
        "compare.same": "未变",
        "compare.added": "新增题目",
        "compare.dropped": "不再征集的题目",
        "compare.continued": "延续的题目",
        "compare.similarity": "相似度",
        "compare.none": "无",
        "compare.sections": "申报要求等各节",
        "compare.section": "节",
        "compare.section_new": "新增",
        "compare.section_dropped": "删去",
        "editions.others": "其他年度：",
        "apply.role": "{role}：",
        "compare.section_line": "{heading}：",
        "compare.section_text": "文字相似度 {pct}%",
        "explorer.status": "状态",
        "explorer.status_all": "全部状态",
        "explorer.funding": "经费",
        "explorer.funding_all": "不限经费",
        "explorer.funding_lt": "{n} 万元以下",
        "explorer.funding_range": "{a}–{b} 万元",
        "explorer.funding_ge": "{n} 万元及以上",
        "explorer.funding_none": "未载明经费",
        # en-render: the editors' translation beside the official text, and the source's own words
        "translation.label": "编者译文（非官方）",
        "translation.official": "官方原文（中文）",
        "translation.note": "以下题目内容先列编者的非官方英文译文，再列发布机关公布的中文原文；以中文原文为准。",
        "translation.none": "这部分尚无英文译文，中文原文见下。",
        "translation.missing": "这一段尚无英文译文，中文原文见下。",
        "translation.missing_item": "这一项尚无英文译文。",
        "term.research_content": "研究内容",
        "term.research_needs": "研究需求",
        "term.research_goals_content": "研究目标与内容",
        "term.research_direction": "研究方向",
        "term.research_goals": "研究目标",
        "term.deliverables": "考核指标",
        "term.expected_results": "预期成果",
        "term.application_requirements": "申报要求",
        "term.application_materials": "申报材料",
        "number.direction": "方向{n}",
        "number.project": "项目{n}",
        "number.topic": "课题{n}",
        "number.subject": "题目{n}",
        "number.theme": "专题{n}",
        "number.task": "任务{n}",
        "number.box": "专栏{n}",
        "number.key_area": "重点领域{n}",
        "number.key_project": "重点工程{n}",
        "number.chapter": "第{n}章",
        "number.section": "第{n}节",
        "number.article": "第{n}条",
        "number.part": "第{n}部分",
        "number.batch": "第{n}批",
        "number.item": "第{n}项",
        "number.bracketed": "（{n}）",
        "number.listed": "{n}、",
        "number.heading": "{number} {title}",
        "number.titled": "{number} {title}",
        "about.coverage_text": "题目正文的英文译文：{total} 段（含列表项）中 {english} 段已译（{percent}%）；未译的段落在英文页面中注明。",
        "coverage.kind.regions": "地区",
        "coverage.kind.tags": "标签",
        "coverage.kind.guides": "指南标题",
        "coverage.kind.tracks": "类别",
        "coverage.kind.themes": "专题",
        "coverage.kind.topics": "题目标题",
        "coverage.kind.summary": "题目概述段落",
        "coverage.kind.content": "研究内容段落",
        "coverage.kind.deliverables": "考核指标段落",
        "coverage.kind.headings": "章节标题",
        "coverage.kind.chapters": "规划章",
        "coverage.kind.plan_sections": "规划节",
        "coverage.kind.boxes": "专栏",
        "coverage.kind.box_items": "专栏条目",
        "coverage.kind.offices": "联系处室与事由",
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
        "status.plan": "Plan",
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
        "source.crumb": "Source text",
        "source.title": "Source text: {title}",
        "source.plain": "The issuing body's full text, with numbered lines that can be linked to (e.g. #L12).",
        "source.download": "Download as plain text (.txt, UTF-8)",
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
        "about.corrections": "Corrections and contributing",
        "about.corrections_intro": "Found a mistake? Every guide, track and topic page has two buttons beside its title: \"Edit this page\" opens the content file (YAML) the page is made from, and \"Report an error\" opens an issue in the repository.",
        "about.contributing": "How to add or correct a guide, step by step: [CONTRIBUTING.md].",
        "about.contributing_file": "How to add or correct a guide, step by step: CONTRIBUTING.md in the repository.",
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
        "explorer.intro": "Filter by region, year, track, tag, status and funding, find titles by several Chinese or English words, and sort by clicking a column heading. The filters are kept in the address, so a view can be shared. Status is computed in current Beijing time. Each region also has a table of its own:",
        "explorer.filters": "Filter topics",
        "explorer.all_regions": "All regions",
        "explorer.all_years": "All years",
        "explorer.all_tracks": "All tracks",
        "explorer.all_tags": "All tags",
        "explorer.title_contains": "Title contains",
        "explorer.keyword": "Chinese or English words",
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
        "theme.edit_page": "Edit this page (its content file)",
        "theme.report_error": "Report an error",
        "theme.report_title": "Content error: ",
        "theme.not_found_title": "Page not found",
        "theme.not_found_text": "There is no page at this address: it may have moved, or the address may be mistyped. Search, or go on from here.",
        "theme.not_found_search": "Search the site",
        "theme.not_found_button": "Search",
        "theme.not_found_home": "Home",
        "theme.not_found_regions": "Guides by region",
        "theme.not_found_explorer": "Browse all topics",
        # make serve's preview (generator/serve_hooks.py)
        "preview.errors": "{count} error(s) in the content, so nothing was regenerated: this preview shows the last good build. Fix and save; the page reloads by itself.",
        # Scripts (window.ATLAS_STRINGS)
        "js.region": "Region",
        "js.year": "Year",
        "js.guide": "Guide",
        "js.track": "Track",
        "js.results_checking": "{total} exact results so far; more to check",
        "js.results_none": "No exact results",
        "js.results_one": "1 exact result",
        "js.results_many": "{total} exact results",
        "js.results_partial": "; {total} partial matches",
        "js.partial_notice": "Partial matches below: these pages hold some of the query's words, not the whole query.",
        "js.skip_to_results": "Skip to the results",
        "js.tables_scroll": "Wide table: scroll sideways to see every column",
        "js.type_to_search": "Type to start searching",
        "js.explorer_all": "{total} topics",
        "js.explorer_shown": "Showing {shown} of {total} topics",
        "js.csv_link": "Link",
        # issue 16: status, home, deadlines, topic apply block, programmes, comparisons, explorer
        "js.status.forecasted": "Not yet open",
        "js.status.open": "Open",
        "js.status.closed": "Closed",
        "js.status.custom": "No window stated",
        "js.status.live": "(now, Beijing time)",
        "js.status.filter": "Status",
        "js.status.filter_all": "Any status",
        "js.status.filter_shown": "Results loaded so far, filtered by status: {shown} of {total}",
        "js.days.left": "{n} days left",
        "js.days.today": "Closes today",
        "js.days.until": "Opens in {n} days",
        "js.days.closed": "{n} days ago",
        "home.search.label": "Search guides and topics",
        "home.search.placeholder": "Keywords, e.g. 科技金融 or finance",
        "home.search.button": "Search",
        "home.now": "What is open now",
        "home.closing": "Closing soon",
        "home.open": "Open now",
        "home.upcoming": "Opening soon",
        "home.recent": "Most recent windows",
        "home.none_open": "No guide is open for applications now. These are the most recent windows.",
        "home.none_at_all": "None of the guides gives an application window.",
        "home.all_deadlines": "All application windows",
        "home.closes": "closes {date}",
        "home.opens": "opens {date}",
        "home.all_guides": "All {n} guides, by region and year",
        "home.subjects": "Subjects",
        "home.all_tags": "All tags",
        "home.regions": "Regions",
        "home.region_counts": "{calls} calls, {plans} plans, {topics} topics",
        "home.more_regions": "All {n} regions",
        "col.window": "Application window",
        "col.days": "Days left",
        "col.funding": "Funding (10k yuan)",
        "col.closes": "Closes",
        "deadlines.title": "Application deadlines",
        "deadlines.lead": "Every guide's application window by closing month: those still to close first, closed ones after. Status and days left are in Beijing time.",
        "deadlines.subscribe": "Subscribe to all windows (iCalendar)",
        "deadlines.coming": "Still to close",
        "deadlines.past": "Closed",
        "deadlines.month": "{month} {year}",
        "deadlines.none": "No guide gives an application window.",
        "deadlines.without": "{n} more guides give no application window.",
        "apply.title": "Applying",
        "apply.window": "Application window",
        "apply.window_none": "Not stated in the source",
        "apply.beijing": "Beijing time",
        "apply.funding": "Funding",
        "apply.duration": "Duration",
        "apply.contacts": "Contacts",
        "apply.from_guide": "(from the guide)",
        "apply.howto": "How to apply",
        "apply.read": "Requirements and materials, in the guide:",
        "apply.guide": "The whole guide",
        "apply.notice": "The official notice",
        "cite.title": "Cite this page",
        "cite.copy": "Copy citation",
        "js.cite.copied": "Copied",
        "cite.accessed": " (accessed {date})",
        "cite.topic": "topic {number}",
        "print.address": "Address of this page",
        "print.source": "Source",
        "editions.title": "Other editions of this programme",
        "editions.programme": "Programme:",
        "editions.compare": "Compare with the previous edition",
        "programmes.title": "Programmes by year",
        "programmes.lead": "Calls a region publishes year after year, edition by edition, with what changed.",
        "programmes.editions": "{n} editions",
        "programme.editions": "Editions",
        "programme.compare": "Year-on-year comparisons",
        "programme.compare_link": "{old} → {new}",
        "compare.title": "{old} compared with {new}",
        "compare.method": "Topics are paired by the similarity (Jaccard index) of the character bigrams of their titles and content; pairs at {threshold} or above count as continued.",
        "compare.facts": "Key facts",
        "compare.fact": "Fact",
        "compare.window": "Application window",
        "compare.funding": "Funding (10k yuan)",
        "compare.duration": "Duration",
        "compare.topics": "Topics",
        "compare.changed": "changed",
        "compare.same": "unchanged",
        "compare.added": "New topics",
        "compare.dropped": "Topics no longer called for",
        "compare.continued": "Continued topics",
        "compare.similarity": "Similarity",
        "compare.none": "None",
        "compare.sections": "Requirements and other sections",
        "compare.section": "Section",
        "compare.section_new": "new",
        "compare.section_dropped": "removed",
        "editions.others": "Other editions:",
        "apply.role": "{role}: ",
        "compare.section_line": "{heading}:",
        "compare.section_text": "text similarity {pct}%",
        "explorer.status": "Status",
        "explorer.status_all": "Any status",
        "explorer.funding": "Funding",
        "explorer.funding_all": "Any funding",
        "explorer.funding_lt": "under {n} (10k yuan)",
        "explorer.funding_range": "{a}–{b} (10k yuan)",
        "explorer.funding_ge": "{n} (10k yuan) or more",
        "explorer.funding_none": "Funding not stated",
        # en-render: the editors' translation beside the official text, and the source's own words
        "translation.label": "Unofficial translation by the editors",
        "translation.official": "Official text (Chinese)",
        "translation.note": "The topic's text is given twice below: first the editors' unofficial English translation, then the official Chinese text as the issuing body published it. Only the Chinese text is authoritative.",
        "translation.none": "No English translation of this part yet: the official Chinese text follows.",
        "translation.missing": "No English translation of this paragraph yet: see the official Chinese text below.",
        "translation.missing_item": "No English translation of this item yet.",
        "term.research_content": "Research content",
        "term.research_needs": "Research needs",
        "term.research_goals_content": "Research objectives and content",
        "term.research_direction": "Research direction",
        "term.research_goals": "Research objectives",
        "term.deliverables": "Deliverables",
        "term.expected_results": "Expected results",
        "term.application_requirements": "Application requirements",
        "term.application_materials": "Application materials",
        "number.direction": "Direction {n}",
        "number.project": "Project {n}",
        "number.topic": "Topic {n}",
        "number.subject": "Topic {n}",
        "number.theme": "Theme {n}",
        "number.task": "Task {n}",
        "number.box": "Box {n}",
        "number.key_area": "Key area {n}",
        "number.key_project": "Key project {n}",
        "number.chapter": "Chapter {n}",
        "number.section": "Section {n}",
        "number.article": "Article {n}",
        "number.part": "Part {n}",
        "number.batch": "Batch {n}",
        "number.item": "Item {n}",
        "number.bracketed": "({n})",
        "number.listed": "{n}.",
        "number.heading": "{number} {title}",
        "number.titled": "{number}: {title}",
        "about.coverage_text": "The topics' text in English: the editors have translated {english} of its {total} paragraphs and list items ({percent} %); the English pages say where a paragraph has no translation yet.",
        "coverage.kind.regions": "Regions",
        "coverage.kind.tags": "Tags",
        "coverage.kind.guides": "Guide titles",
        "coverage.kind.tracks": "Tracks",
        "coverage.kind.themes": "Themes",
        "coverage.kind.topics": "Topic titles",
        "coverage.kind.summary": "Topic summary paragraphs",
        "coverage.kind.content": "Topic content paragraphs",
        "coverage.kind.deliverables": "Deliverables paragraphs",
        "coverage.kind.headings": "Section headings",
        "coverage.kind.chapters": "Plan chapters",
        "coverage.kind.plan_sections": "Plan sections",
        "coverage.kind.boxes": "Boxes",
        "coverage.kind.box_items": "Box items",
        "coverage.kind.offices": "Contact offices and roles",
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
    the English where the content gives it, else the source's word by meaning (TERMS: a section
    label such as 研究内容), else the Chinese."""
    if value is None:
        return ""
    zh = getattr(value, "zh", None) or str(value)
    if lang != DEFAULT:
        return getattr(value, "en", None) or term(zh, lang) or zh
    return zh


def english(value) -> bool:
    """Whether a name reads in English in the English edition: its own English, or a TERMS word."""
    return bool(getattr(value, "en", None) or term(getattr(value, "zh", None) or str(value), "en"))


# en-render: the source's recurring words, by meaning. A name the content gives in Chinese only is
# shown in the other edition in its words when it is one of these (the importer's drafts write
# section labels such as 研究内容 in Chinese only).
TERMS = {
    "研究内容": "term.research_content",
    "研究需求": "term.research_needs",
    "研究目标与内容": "term.research_goals_content",
    "研究目标和内容": "term.research_goals_content",
    "研究方向": "term.research_direction",
    "研究目标": "term.research_goals",
    "考核指标": "term.deliverables",
    "预期成果": "term.expected_results",
    "申报要求": "term.application_requirements",
    "申报材料": "term.application_materials",
}


def term(zh: str, lang: str) -> str | None:
    """A TERMS word in `lang`, or None."""
    key = TERMS.get(zh.strip().rstrip("：:"))
    return text(lang, key) if key else None


# Numbers as sources write them: the numeral (Arabic or Chinese) with the word before it
# (方向2, 项目8, 课题二), or 第…章-style ordinals, or alone in brackets or before 、: (（四）, 一、).
NUMBER_WORDS = {
    "方向": "number.direction", "研究方向": "number.direction", "项目": "number.project",
    "课题": "number.topic", "题目": "number.subject", "专题": "number.theme", "任务": "number.task",
    "专栏": "number.box", "重点领域": "number.key_area", "重点工程": "number.key_project",
}
ORDINAL_UNITS = {"章": "number.chapter", "节": "number.section", "条": "number.article",
                 "部分": "number.part", "批": "number.batch", "项": "number.item"}
_NUMBER = re.compile(r"^(?P<open>[（(])?(?P<ordinal>第)?(?P<word>[^\d（()）零〇一二两三四五六七八九十百千]*?)\s*"
                     r"(?P<n>\d+|[零〇一二两三四五六七八九十百千]+)(?P<unit>部分|[章节条批项])?(?P<close>[）)])?"
                     r"(?P<sep>[、.．])?$")
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_numeral(value: str) -> int | None:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105; None if not a Chinese numeral."""
    total, digit = 0, None
    for ch in value:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[ch]
            digit = None
        else:
            return None
    return total + (digit or 0)


def number(value, lang: str) -> str:
    """A topic's, theme's or part's number in the edition's language: 方向2 → Direction 2,
    课题二 → Topic 2, （四） → (4), 第三章 → Chapter 3, 一、 → 1.; as written in Chinese, and when
    its word is not known (then the English edition shows, and marks, the Chinese)."""
    value = "" if value is None else str(value).strip()
    if lang == DEFAULT or not value:
        return value
    return number_in(value, lang) or value


def number_in(value: str, lang: str) -> str | None:
    """`number` when the value is a number this module knows, else None."""
    m = _NUMBER.match(value)
    if not m:
        return None
    n = m["n"] if m["n"].isdigit() else chinese_numeral(m["n"])
    if n is None:
        return None
    n = int(n)
    bracketed = bool(m["open"]) and bool(m["close"])
    if bool(m["open"]) != bool(m["close"]):
        return None
    if m["ordinal"]:
        key = ORDINAL_UNITS.get(m["unit"] or "")
        if not key or m["word"] or bracketed:
            return None
        return text(lang, key, n=n)
    if m["unit"]:
        return None
    if m["word"]:
        key = NUMBER_WORDS.get(m["word"].strip())
        if not key:
            return None
        label = text(lang, key, n=n)
        return text(lang, "number.bracketed", n=label) if bracketed else label
    if bracketed:
        return text(lang, "number.bracketed", n=n)
    if m["sep"] == "、":
        return text(lang, "number.listed", n=n)
    return str(n) + (m["sep"] or "").replace("．", ".")
