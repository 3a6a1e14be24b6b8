"""What a contributor's tools rely on points at real things: editor schemas, modelines, CI, docs."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import yaml

from conftest import CONTENT, ROOT, copy_content


def test_editor_settings_map_every_content_file_to_an_existing_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped: dict = {}
    for schema_path, globs in settings["yaml.schemas"].items():
        assert (ROOT / schema_path).is_file(), schema_path
        for pattern in globs:
            files = list(ROOT.glob(pattern))
            assert files, f"{pattern} matches nothing"
            for f in files:
                mapped[f] = schema_path
    for f in [CONTENT / "regions.yml", CONTENT / "tags.yml", *CONTENT.glob("guides/*/*.yml")]:
        assert f in mapped, f
    assert all(mapped[g].endswith("guide.schema.json") for g in CONTENT.glob("guides/*/*.yml"))


def test_every_modeline_names_an_existing_schema():
    files = [CONTENT / "regions.yml", CONTENT / "tags.yml", *CONTENT.glob("guides/*/*.yml"),
             ROOT / "generator" / "templates" / "new-guide.yml.j2"]
    for f in files:
        lines = f.read_text(encoding="utf-8").splitlines()[:5]
        modeline = [l for l in lines if l.startswith("# yaml-language-server: $schema=")]
        assert modeline, f"{f}: no yaml-language-server modeline"
        target = modeline[0].split("=", 1)[1]
        # The template is written to content/guides/<region>/, so resolve it from there.
        base = CONTENT / "guides" / "hubei" if f.suffix == ".j2" else f.parent
        assert (base / target).resolve().is_file(), f"{f}: {target}"


def _workflow(name: str) -> dict:
    data = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def _runs(workflow: dict) -> list[str]:
    return [step.get("run", "") for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _uses(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", []) if "uses" in step]


def test_ci_tests_every_pull_request():
    ci = _workflow("ci.yml")
    assert "pull_request" in ci["on"]
    assert "make check" in _runs(ci) and "make test" in _runs(ci)


def test_deploy_publishes_the_built_site():
    """In shards (issue 22): the plan's list is the build job's matrix, each builds one shard,
    assemble puts them together and checks the host's limits before the upload."""
    deploy = _workflow("deploy.yml")
    assert deploy["on"]["push"]["branches"] == ["main"]
    runs = "\n".join(_runs(deploy))
    assert "python -m generator shards --plan --json" in runs
    assert deploy["jobs"]["build"]["strategy"]["matrix"]["shard"] == "${{ fromJSON(needs.plan.outputs.shards) }}"
    assert 'python -m generator build --shard "${{ matrix.shard }}"' in runs
    assert "python -m generator assemble" in runs
    assert "python -m generator.hosting site --host github-pages" in runs
    upload = next(s for s in _uses(deploy) if s["uses"].startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    assert any(s["uses"].startswith("actions/deploy-pages@") for s in _uses(deploy))


def test_problem_matcher_reads_real_check_output(tmp_path):
    """CI annotates pull requests with the errors `make check` prints: the pattern must match them."""
    matcher = json.loads((ROOT / ".github" / "content-matcher.json").read_text(encoding="utf-8"))
    pattern = re.compile(matcher["problemMatcher"][0]["pattern"][0]["regexp"])
    content = copy_content(tmp_path)
    guide = content / "guides" / "hubei" / "2023-ruankexue-zhongdian.yml"
    guide.write_text(guide.read_text(encoding="utf-8").replace("kind: call", "knid: call"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "generator", "--content", str(content), "check"],
                            cwd=ROOT, capture_output=True, text=True)
    errors = [l for l in result.stderr.splitlines() if "error(s)" not in l]
    assert errors
    for line in errors:
        m = pattern.match(line)
        assert m, line
        assert (ROOT / m[1]).is_file() and int(m[2]) > 0 and int(m[3]) > 0


def test_contributing_is_chinese_first_and_its_example_works():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    zh, en = text.index("## 添加一份指南"), text.index("## Adding a guide")
    assert zh < en
    for part in (text[zh:en], text[en:]):
        for command in ("make new REGION=", "make check", "make serve", "git push"):
            assert command in part, command
    example = re.search(r"make new REGION=(\S+) YEAR=(\d{4}) SLUG=(\S+)", text)
    regions = {r["slug"] for r in yaml.safe_load((CONTENT / "regions.yml").read_text(encoding="utf-8"))}
    assert example[1] in regions
    assert not (CONTENT / "guides" / example[1] / f"{example[2]}-{example[3]}.yml").exists()
