"""The docs stay true (issue 48): their generated parts are what the code gives now, every figure in
docs/performance.md is in a committed bench output, and every link and image resolves.

The generated parts come from ``scripts/gen_docs.py`` (the submission table from app.core.outbox.submission, the
key tables from the F1 sheet of a real window built offscreen, the contracts from pyproject.toml, the
performance page from bench/results/*.json). When one of these tests fails, run
``python scripts/gen_docs.py`` and commit what it wrote."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "docs").rglob("*.md"))  # docs/fr, docs/de: the getting-started pages
PAGES = [ROOT / "README.md", ROOT / "CHANGELOG.md", *DOCS]


def _gen_docs():
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def gen():
    return _gen_docs()


def _diff_hint(path: Path, want: str) -> str:
    have = path.read_text(encoding="utf-8").splitlines()
    new = want.splitlines()
    first = next((i for i, (a, b) in enumerate(zip(have, new)) if a != b), min(len(have), len(new)))
    was = have[first] if first < len(have) else "<end>"
    now = new[first] if first < len(new) else "<end>"
    return (f"{path.relative_to(ROOT)} is stale (run: python scripts/gen_docs.py); first difference at line "
            f"{first + 1}: {was!r} vs {now!r}")


def test_the_submission_state_table_and_the_contracts_are_generated_from_the_code(gen):
    want = gen.expected(gen.ARCHITECTURE)
    assert gen.ARCHITECTURE.read_text(encoding="utf-8") == want, _diff_hint(gen.ARCHITECTURE, want)
    from app.core.outbox.submission import TRANSITIONS

    for (state, event), new in TRANSITIONS.items():
        assert f"| `{state.value}` | `{event.value}` | `{new.value}` |" in want


def test_the_key_tables_are_generated_from_the_windows_actions(qapp, gen):
    for path in (gen.USER_GUIDE, gen.README, *gen.GETTING_STARTED.values()):  # French and German: their windows
        want = gen.expected(path)
        assert path.read_text(encoding="utf-8") == want, _diff_hint(path, want)
    sheet = [row for _group, rows in gen._groups() for row in rows]
    assert len(sheet) > 40  # the window's actions and the context keys, not an empty window
    guide = gen.USER_GUIDE.read_text(encoding="utf-8")
    missing = [(text, keys) for text, keys in sheet if f"| {gen._cell(text)} | {gen._cell(keys)} |" not in guide]
    assert missing == [], f"keys on the F1 sheet but not in docs/user-guide.md: {missing}"


def test_the_eml_fuzz_counts_in_the_security_page_are_generated_from_the_committed_run(gen):
    want = gen.expected(gen.SECURITY)
    assert gen.SECURITY.read_text(encoding="utf-8") == want, _diff_hint(gen.SECURITY, want)
    assert _committed([gen.EML_FUZZ]) == [gen.EML_FUZZ], "bench/results/fuzz/eml_fuzz.json is not committed"
    run = json.loads(gen.EML_FUZZ.read_text(encoding="utf-8"))
    assert run["soak"] and run["classes"]["total"]["broke"] == 0  # the published run is a clean soak run


def test_the_performance_page_is_generated_from_the_committed_bench_results(gen):
    want = gen.expected(gen.PERFORMANCE)
    assert gen.PERFORMANCE.read_text(encoding="utf-8") == want, _diff_hint(gen.PERFORMANCE, want)


# ---- every figure in docs/performance.md comes from bench/results/*.json ----

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def _forms(value) -> set[str]:
    """The ways a number from a bench output may be printed."""
    if isinstance(value, bool):
        return set()
    if isinstance(value, int):
        return {str(value), f"{value:,}"}
    out = {repr(value), f"{value:,.0f}"}
    out |= {f"{value:.{n}f}" for n in range(4)} | {f"{value:,.{n}f}" for n in range(4)}
    return out


def _figures_in(data) -> set[str]:
    """Every number a JSON document holds: its numeric values in their printed forms, and the numbers
    written inside its strings (a row's label, the date)."""
    out: set[str] = set()
    if isinstance(data, dict):
        for k, v in data.items():
            out |= _figures_in(k) | _figures_in(v)
    elif isinstance(data, list):
        for v in data:
            out |= _figures_in(v)
    elif isinstance(data, str):
        out |= set(NUMBER.findall(data))
    elif isinstance(data, (int, float)):
        out |= _forms(data)
    return out


def _prose(text: str) -> str:
    """The text without inline code and links' targets (file names such as `bench_list_10k.py` are not
    figures)."""
    text = re.sub(r"`[^`\n]*`", "", text)
    return re.sub(r"\]\([^)]*\)", "]", text)


def _committed(paths: list[Path]) -> list[Path]:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: cannot tell what is committed")
    proc = subprocess.run(["git", "ls-files", "--", *[str(p.relative_to(ROOT)) for p in paths]], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    tracked = set(proc.stdout.split())
    return [p for p in paths if str(p.relative_to(ROOT)) in tracked]


def test_every_figure_in_the_performance_page_is_in_a_committed_bench_output():
    results = sorted((ROOT / "bench" / "results").glob("*.json"))
    assert results, "bench/results/ holds no bench output"
    untracked = sorted(set(results) - set(_committed(results)))
    assert untracked == [], f"bench outputs not committed: {[str(p.relative_to(ROOT)) for p in untracked]}"
    known: set[str] = set()
    for path in results:
        known |= _figures_in(json.loads(path.read_text(encoding="utf-8")))
    page = (ROOT / "docs" / "performance.md").read_text(encoding="utf-8")
    stray = sorted({n for n in NUMBER.findall(_prose(page)) if n not in known})
    assert stray == [], f"figures in docs/performance.md that no bench/results/*.json holds: {stray}"


# ---- every relative link and image resolves ----

LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")


def _without_code(text: str) -> str:
    text = re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)
    return re.sub(r"`[^`\n]*`", "", text)


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    text = re.sub(r"`", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    seen: dict[str, int] = {}
    out = set()
    for line in _without_code_blocks(path.read_text(encoding="utf-8")).splitlines():
        m = re.match(r"#{1,6}\s+(.*)", line)
        if m:
            slug = _slug(m.group(1))
            n = seen.get(slug, 0)
            seen[slug] = n + 1
            out.add(slug if n == 0 else f"{slug}-{n}")
    return out


def _without_code_blocks(text: str) -> str:
    return re.sub(r"^```.*?^```", "", text, flags=re.S | re.M)


def _broken_links(page: Path, text: str | None = None) -> list[str]:
    """The links and images of ``page`` (its ``text``, default: its file) that do not resolve."""
    text = page.read_text(encoding="utf-8") if text is None else text
    bad = []
    for target in LINK.findall(_without_code(text)):
        if re.match(r"[a-z][a-z0-9+.-]*:", target):  # https:, mailto: — not a file of the repo
            continue
        file, _, anchor = target.partition("#")
        dest = (page.parent / file).resolve() if file else page
        if not dest.exists():
            bad.append(f"{page.relative_to(ROOT)}: {target} (no such file)")
        elif ROOT not in dest.parents and dest != ROOT:
            bad.append(f"{page.relative_to(ROOT)}: {target} (outside the repository)")
        elif anchor and dest.suffix == ".md" and anchor not in _anchors(dest):
            bad.append(f"{page.relative_to(ROOT)}: {target} (no heading #{anchor})")
    return bad


def test_every_link_and_image_in_the_readme_and_the_docs_resolves():
    assert DOCS, "docs/*.md is empty"
    bad = [b for page in PAGES for b in _broken_links(page)]
    assert bad == [], "\n".join(bad)


def test_the_link_check_finds_a_broken_link_an_image_and_an_anchor():
    page = ROOT / "docs" / "user-guide.md"
    text = ("[gone](nowhere.md) ![gone](screenshots/nothing.png) [bad anchor](../README.md#no-such-heading) "
            "[fine](../README.md#documentation) [web](https://example.com/x) `[code](not-checked.md)`")
    bad = _broken_links(page, text)
    assert [b.split(": ", 1)[1] for b in bad] == [
        "nowhere.md (no such file)", "screenshots/nothing.png (no such file)",
        "../README.md#no-such-heading (no heading #no-such-heading)"]


def test_every_screenshot_the_docs_show_is_refreshed_by_the_tests():
    from tests.helpers.paths import README_SHOTS

    shown = {t.split("screenshots/", 1)[1] for page in PAGES  # fr/compose.png: each language's own folder
             for t in LINK.findall(_without_code(page.read_text(encoding="utf-8"))) if "screenshots/" in t}
    assert shown, "no screenshot shown anywhere"
    assert sorted(shown - set(README_SHOTS)) == [], "screenshots in the docs that no test refreshes"


_NUMBERS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}


def test_the_readme_and_the_testing_page_name_the_number_of_workers_the_test_command_uses():
    """Issue 59 (7): the README said two workers while the command ran three."""
    script = (ROOT / "scripts" / "run-tests.sh").read_text(encoding="utf-8")
    workers = int(re.search(r"DISPATCH_TEST_WORKERS:-(\d+)", script).group(1))
    word = _NUMBERS[workers]
    for page in ("README.md", "docs/testing.md"):
        text = " ".join((ROOT / page).read_text(encoding="utf-8").split())
        said = re.findall(r"\b(\w+) parallel workers\b", text)
        assert said and all(w in (word, str(workers)) for w in said), (page, said, workers)
