"""The rule book builds in strict mode, has a page per obligation, and a broken link fails it.

The build needs the ``docs`` extra (MkDocs, Material, mkdocstrings). Without it
these tests are skipped with a reason, so a developer without it still has a
green suite; in CI (``CI`` set) they fail instead: CI must prove the book builds.
The developer pages' Python examples need nothing extra and always run.
"""

from __future__ import annotations

import contextlib
import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date, datetime
from importlib.util import find_spec
from pathlib import Path

import pytest

import frister
from rule_helpers import configured_catalog

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DEVELOPER_PAGES = sorted((DOCS / "udviklere").glob("*.md"))
BUILD_TIMEOUT = 300
EXAMPLE_MARKER = re.compile(r"<!--\s*example\s+(.*?)\s*-->", re.DOTALL)
MARKER_KEY = re.compile(r"\s*(\w+)=")


def in_ci() -> bool:
    """CI=true (as .ci/run sets it): a missing tool is a failure, not a skip."""
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def require(available: bool, reason: str) -> None:
    """Skip without the tool on a developer's machine; fail without it in CI."""
    if available:
        return
    if in_ci():
        pytest.fail(f"{reason} (CI is set, so the rule book tests must run)")
    pytest.skip(reason)


def require_mkdocs() -> None:
    missing = [m for m in ("mkdocs", "material", "mkdocstrings_handlers") if find_spec(m) is None]
    require(
        not missing,
        f"the rule book needs the docs extra (pip install -e '.[docs]'); missing: {missing}",
    )


def mkdocs_build(config: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """``mkdocs build --strict`` with this interpreter, from the config's folder."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [
            sys.executable,
            *("-m", "mkdocs", "build", "--strict"),
            *("--config-file", str(config), "--site-dir", str(site_dir)),
        ],
        cwd=config.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )


_BUILT: dict[str, Path] = {}


def built_site(factory: pytest.TempPathFactory) -> Path:
    """The real rule book, built once per test session (the browser test reuses it)."""
    if "site" not in _BUILT:
        require_mkdocs()
        site = factory.mktemp("rule-book") / "site"
        result = mkdocs_build(ROOT / "mkdocs.yml", site)
        output = result.stderr + result.stdout
        assert result.returncode == 0, f"mkdocs build --strict failed:\n{output}"
        _BUILT["site"] = site
    return _BUILT["site"]


def rule_page(site: Path, rule_id: str) -> Path:
    return site / "generated" / "regler" / f"{rule_id}.html"


def page_text(markup: str) -> str:
    """The visible text of an HTML page, whitespace collapsed."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", markup, flags=re.DOTALL | re.IGNORECASE)
    body = re.sub(r"<!--.*?-->", " ", body, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def example_markers(markup: str) -> list[dict[str, str]]:
    """The generator's example markers: ``key=value`` pairs; a JSON value kept as its text."""
    decoder = json.JSONDecoder()
    markers = []
    for body in EXAMPLE_MARKER.findall(markup):
        fields: dict[str, str] = {}
        position = 0
        while match := MARKER_KEY.match(body, position):
            key, position = match.group(1), match.end()
            if body[position : position + 1] in {"{", "["}:
                _, end = decoder.raw_decode(body, position)
            else:
                end = position
                while end < len(body) and not body[end].isspace():
                    end += 1
            fields[key], position = body[position:end], end
        markers.append(fields)
    return markers


# -- the developer pages' examples ------------------------------------------------------


def _python_blocks(page: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.DOTALL)


@pytest.mark.parametrize("page", DEVELOPER_PAGES, ids=[p.stem for p in DEVELOPER_PAGES])
def test_developer_page_examples_run(page: Path) -> None:
    blocks = _python_blocks(page)
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    with contextlib.redirect_stdout(io.StringIO()):
        for block in blocks:
            exec(compile(block, str(page), "exec"), namespace)
    # The property tests a page shows are run, not only defined.
    for name, value in list(namespace.items()):
        if name.startswith("test_") and callable(value):
            value()


def test_every_developer_page_is_in_the_nav() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in [*DEVELOPER_PAGES, DOCS / "catalog-format.md"]:
        assert page.relative_to(DOCS).as_posix() in config, page.name


# -- the build --------------------------------------------------------------------------


def test_strict_build_has_a_page_per_obligation(tmp_path_factory: pytest.TempPathFactory) -> None:
    site = built_site(tmp_path_factory)
    catalog = frister.default_catalog()
    missing = [rule_id for rule_id in catalog.rules if not rule_page(site, rule_id).is_file()]
    assert not missing, f"no rule page for {missing}"
    for page in (
        "index.html",
        "generated/regler/index.html",
        "generated/love/index.html",
        "generated/overgang.html",
        "generated/kalender.html",
        "generated/fristberegning.html",
        "generated/spoergsmaal.html",
        "generated/daekning.html",
        "catalog-format.html",
        "udviklere/api.html",
    ):
        assert (site / page).is_file(), page
    # Each rule page names its rule and every version's citation.
    for rule_id, rule in catalog.rules.items():
        text = page_text(rule_page(site, rule_id).read_text(encoding="utf-8"))
        assert rule.title.da in text, rule_id
        for version in rule.versions:
            assert str(version.citation) in text, (rule_id, version.id)
    # mkdocstrings rendered the public API from the docstrings.
    api = (site / "udviklere" / "api.html").read_text(encoding="utf-8")
    for name in ("DanishCalendar", "Catalog", "compute_deadline", "Case", "Obligation"):
        assert f'id="frister.{name}"' in api, name


def moment_of(text: str) -> date | datetime:
    return datetime.fromisoformat(text) if "T" in text else date.fromisoformat(text)


def recompute(catalog: frister.Catalog, marker: dict[str, str]) -> tuple[str, str, str | None]:
    """The due date, version and status the engine gives for an example marker's input."""
    rule_id, trigger = marker["rule"], moment_of(marker["trigger"])
    if marker["method"] == "evaluate":
        case = frister.case_from_json(json.loads(marker["case"]), catalog)
        occurrence = int(marker["occurrence"])
        (ob,) = [
            ob
            for ob in catalog.evaluate(case, moment_of(marker["as_of"]))
            if ob.rule_id == rule_id and ob.occurrence == occurrence and ob.trigger.at == trigger
        ]
        due = ob.due.isoformat() if ob.due is not None else "none"
        return due, ob.version.id, ob.status.value
    # catalog.due: the facts typed as the event kind and the case facts declare them.
    facts = json.loads(marker["facts"])
    kind = catalog.version(marker["version"]).trigger
    typed = dict(frister.event_from_json({"kind": kind, "at": marker["trigger"]}, catalog).facts)
    for name, value in facts.items():
        spec = catalog.events[kind].facts.get(name) or catalog.case_facts.get(name)
        is_date = spec is not None and spec.type.value == "date" and isinstance(value, str)
        typed[name] = date.fromisoformat(value) if is_date else value
    deadline = catalog.due(rule_id, trigger, typed)
    return deadline.due.isoformat(), deadline.version.id, None


def test_built_examples_are_the_engines_dates(
    tmp_path_factory: pytest.TempPathFactory, tmp_path: Path
) -> None:
    """Every example on a built rule page carries the date, version and status the engine gives
    (under the municipality's configuration the example names, where it names one)."""
    site = built_site(tmp_path_factory)
    catalog = frister.default_catalog()
    checked = 0
    for rule_id in catalog.rules:
        markers = example_markers(rule_page(site, rule_id).read_text(encoding="utf-8"))
        assert markers, f"{rule_id}: no worked example on the built page"
        for marker in markers:
            assert marker["rule"] == rule_id, marker
            durations = marker.get("durations")
            under = configured_catalog(json.loads(durations), tmp_path) if durations else catalog
            due, version, status = recompute(under, marker)
            assert (due, version) == (marker["due"], marker["version"]), marker
            assert status == marker.get("status"), marker
            checked += 1
    assert checked >= len(catalog.rules)


def test_a_broken_link_fails_the_strict_build(tmp_path: Path) -> None:
    """The same config on a copy of docs/ with one broken link: --strict must refuse it."""
    require_mkdocs()
    shutil.copytree(DOCS, tmp_path / "docs", ignore=shutil.ignore_patterns("generated"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "src").symlink_to(ROOT / "src", target_is_directory=True)
    index = tmp_path / "docs" / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8") + "\nSe også [en side](findes-ikke.md).\n",
        encoding="utf-8",
    )
    result = mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0, "a broken link did not fail mkdocs build --strict"
    output = result.stdout + result.stderr
    assert "contains a link 'findes-ikke.md', but the target is not found" in output
    assert "warnings in strict mode" in output
    # The unbroken copy builds: the failure is the link's, not the copy's.
    index.write_text((DOCS / "index.md").read_text(encoding="utf-8"), encoding="utf-8")
    assert mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site").returncode == 0
