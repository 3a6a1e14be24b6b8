"""Made-up guides beside the curated ones: other words, other counts, so a variant is not always one of
the five texts the importer's authors know by heart.

`guide(n, regions)` draws guide n (seeded by n alone, so `--synthetic 2` is always the same two): a
region of regions.yml, one to three tracks named as bureaus name them (重点项目, 一般项目, 青年项目 …),
three to twelve topics a track whose titles end in other ways than 研究 (对策, 路径, 评估, 体系构建 …),
research content of one to three paragraphs and sometimes a numbered list, deliverables for some.
Funding, duration, contacts and the window come from the layouts, as for every guide.
"""

from __future__ import annotations

import random

from .truth import Spec, Topic, Track

SUBJECTS = ["绿色低碳技术创新", "科技成果转移转化", "新型研发机构建设", "科技型中小企业成长", "区域协同创新",
            "数字经济与实体经济融合", "基础研究多元投入", "科技人才评价改革", "知识产权运营服务", "创新联合体组建",
            "科技金融深度融合", "县域科技创新", "未来产业前瞻布局", "科研诚信建设", "科学普及能力提升",
            "高新区高质量发展", "企业研发投入激励", "重大科技基础设施开放共享", "农业科技社会化服务", "医工交叉创新"]
ENDINGS = ["对策研究", "路径研究", "机制研究", "政策评估", "发展战略", "评价体系构建", "典型案例分析与启示",
           "现状调查及对策建议", "模式创新", "实施效果评价"]
TRACKS = ["重点项目", "一般项目", "青年项目", "重大项目", "定向委托项目", "自由探索项目"]
PROGRAMMES = ["软科学研究计划项目", "科技创新战略研究专项", "科技智库项目", "创新发展研究项目"]
OPENINGS = ["围绕{x}，系统梳理国内外典型做法和经验，分析本地区在体制机制、资源配置和政策协同等方面存在的主要问题，",
            "聚焦{x}的现实需求，开展实地调研和数据分析，研判发展趋势和关键制约因素，",
            "立足{x}的基础条件，对标先进地区，剖析存在的短板弱项及其成因，"]
CLOSINGS = ["提出具有针对性和可操作性的政策建议。", "形成可复制可推广的工作举措。", "为相关决策提供参考依据。"]
ITEMS = ["梳理{x}的发展现状和主要特征。", "开展{x}的比较研究和案例分析。", "构建{x}的评价指标体系。",
         "提出推进{x}的重点任务和保障措施。"]


def guide(n: int, regions: list[dict]) -> Spec:
    rng = random.Random(f"synthetic:{n}")
    region = rng.choice(regions)
    year = rng.randint(2019, 2026)
    province = region.get("kind") == "province"
    issuer = region["zh"] + ("省科学技术厅" if province else "市科学技术局")
    title = f"{year}年度{region['zh']}{'省' if province else '市'}{rng.choice(PROGRAMMES)}申报指南"
    subjects = rng.sample(SUBJECTS, len(SUBJECTS))
    tracks, used = [], 0
    for name in rng.sample(TRACKS, rng.randint(1, 3)):
        topics = []
        for _ in range(rng.randint(3, 12)):
            x = subjects[used % len(subjects)]
            used += 1
            content = [("p", rng.choice(OPENINGS).format(x=x) + rng.choice(CLOSINGS))]
            if rng.random() < 0.4:
                content += [("li", item.format(x=x)) for item in rng.sample(ITEMS, rng.randint(2, 4))]
            if rng.random() < 0.3:
                content.append(("p", f"重点关注{x}过程中的新情况新问题。"))
            deliverables = [("p", f"提交研究报告1份，字数不少于{rng.choice([2, 3, 5])}万字。")] if rng.random() < 0.5 else []
            topics.append(Topic(number="", title=f"{x}{rng.choice(ENDINGS)}", content=content, deliverables=deliverables))
        tracks.append(Track(name=name, topics=topics))
    return Spec(key=f"synthetic-{n}", title=title, year=year, region=region["slug"], region_zh=region["zh"],
                province=province, issuer=issuer, doc_number=None, window=None, published=None,
                intro=[f"为深入实施创新驱动发展战略，现发布{title.removesuffix('申报指南')}申报指南。"],
                sections=[("申报要求", [("li", "申报单位应为在本地区注册的独立法人单位。"),
                                         ("li", "项目负责人同年度限报1项。")])],
                contacts=[], tracks=tracks)
