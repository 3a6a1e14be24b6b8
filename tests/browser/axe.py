"""axe-core, the accessibility checker, for the browser tests: installed from npm, injected into pages.

It is pinned here, installed on first use into the git-ignored node_modules/ at the repository
root (`npm install --no-save`), and never part of the site: tests inject it into the page.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

AXE_CORE_VERSION = "4.14.1"
ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "node_modules" / "axe-core"
SERIOUS = ("serious", "critical")


def ensure_axe() -> Path:
    """The path of axe.min.js at the pinned version, installing it with npm if needed."""
    manifest = PACKAGE / "package.json"
    if not manifest.exists() or json.loads(manifest.read_text())["version"] != AXE_CORE_VERSION:
        npm = shutil.which("npm")
        if not npm:
            raise RuntimeError("the accessibility tests need npm (tests/ensure-browser.sh installs it)")
        subprocess.run([npm, "install", "--no-save", "--no-package-lock", "--no-audit", "--no-fund",
                        "--loglevel=error", f"axe-core@{AXE_CORE_VERSION}"], cwd=ROOT, check=True)
    return PACKAGE / "axe.min.js"


def serious_violations(page, axe_js: Path) -> list[str]:
    """Run axe on the page as it is now; describe each serious or critical violation."""
    page.add_script_tag(content=axe_js.read_text(encoding="utf-8"))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        f"{v['impact']} {v['id']}: {v['help']} — " + "; ".join(n["target"][0] for n in v["nodes"][:5])
        for v in found if v["impact"] in SERIOUS
    ]
