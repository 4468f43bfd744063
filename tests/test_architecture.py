"""The layers are enforced: import-linter contracts (in pyproject.toml) run as part of the tests. The import
graph's circles, and imports by string (which import-linter cannot see), are the source rules' business
(tests/helpers/rules.py, tests/test_rules.py)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_linter_contracts_hold():
    exe = Path(sys.executable).with_name("lint-imports")
    proc = subprocess.run([str(exe), "--config", str(ROOT / "pyproject.toml")], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_every_image_the_readme_shows_exists_and_the_tests_refresh_it():
    import re

    from tests.helpers.paths import README_SHOTS

    root = Path(__file__).resolve().parent.parent
    linked = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", (root / "README.md").read_text(encoding="utf-8"))
    assert linked
    missing = [p for p in linked if not (root / p).is_file()]
    assert missing == [], missing
    stale = [p for p in linked if p.startswith("docs/screenshots/")
             and p.removeprefix("docs/screenshots/") not in README_SHOTS]  # fr/compose.png: each language's
    assert stale == [], f"README screenshots no test refreshes: {stale}"
