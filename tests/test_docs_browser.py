"""A rule page of the built rule book, opened in headless Chromium, shows the law and its examples.

Needs the ``docs`` extra and Chromium (Debian: ``apt-get install chromium``).
Without them the test is skipped with a reason; in CI (``CI`` set) it fails.
The page is opened from disk (file://): the site is plain HTML files.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import frister
from browser import chromium, png_pixels, run_chromium
from frister.calendar import format_date
from test_docs_build import (
    built_site,
    example_markers,
    page_text,
    recompute,
    rule_page,
)

RULE_ID = "underretning.kvittering"
CITATION = "Barnets lov § 138, stk. 1"


def test_rule_page_renders_citation_wording_and_examples(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    browser = chromium()
    page = rule_page(built_site(tmp_path_factory), RULE_ID)
    url = page.as_uri()

    dumped = run_chromium(browser, tmp_path / "profile", "--dump-dom", url)
    assert dumped.returncode == 0, dumped.stderr
    dom = dumped.stdout
    text = page_text(dom)
    # The title, the citation and the statute's own words.
    rule = frister.default_catalog().get(RULE_ID)
    version = next(v for v in rule.versions if str(v.citation) == CITATION)
    assert rule.title.da in text
    assert CITATION in text
    first_sentence = " ".join(version.wording.split()).split(". ")[0]
    assert first_sentence.startswith("Kommunalbestyrelsen skal senest 6 hverdage")
    assert first_sentence in text
    # Worked examples with their due dates, as the engine computes them: one near a
    # holiday, one across 1 January 2024 (the rule has a Serviceloven and a Barnets lov
    # version).
    catalog = frister.default_catalog()
    markers = [m for m in example_markers(dom) if m.get("rule") == RULE_ID]
    assert {"helligdag", "overgang"} <= {m.get("kind") for m in markers}, markers
    for marker in markers:
        due, version_id, _ = recompute(catalog, marker)
        assert (due, version_id) == (marker["due"], marker["version"])
        shown = date.fromisoformat(due)
        assert format_date(shown, "da") in text, f"due date {due} not shown on the page"
        assert format_date(shown, "en") in text, f"due date {due} not shown in English"
    crossing = next(m for m in markers if m.get("kind") == "overgang")
    assert crossing["trigger"] < "2024" <= crossing["due"]
    assert crossing["version"] == version.id
    assert "§ 213" in text

    screenshot = tmp_path / "regel.png"
    shot = run_chromium(
        browser,
        tmp_path / "profile",
        f"--screenshot={screenshot}",
        "--window-size=1280,2000",
        url,
    )
    assert shot.returncode == 0, shot.stderr
    width, height, pixels = png_pixels(screenshot.read_bytes())
    assert (width, height) == (1280, 2000)
    # A blank page inflates to a handful of byte values; a rendered one to many.
    assert len(set(pixels)) > 32, "the screenshot is blank"


PRINTED_RULE = "anbringelse-uden-samtykke.genbehandling"


def test_a_rule_page_at_phone_width_and_printed_on_a4(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    browser = chromium()
    page = rule_page(built_site(tmp_path_factory), PRINTED_RULE)
    dom = page.read_text(encoding="utf-8")
    assert "stylesheets/regelbog.css" in dom  # the wrapping and print stylesheet is linked
    # The statute's stk. as separate paragraphs, "Stk. 2." in bold.
    assert "<strong>Stk. 2.</strong>" in dom

    phone = tmp_path / "phone.png"
    shot = run_chromium(
        browser,
        tmp_path / "profile",
        f"--screenshot={phone}",
        "--window-size=390,2400",
        page.as_uri(),
    )
    assert shot.returncode == 0, shot.stderr
    width, height, pixels = png_pixels(phone.read_bytes())
    assert (width, height) == (390, 2400)
    assert len(set(pixels)) > 32, "the phone screenshot is blank"

    pdf = tmp_path / "regel.pdf"
    printed = run_chromium(
        browser,
        tmp_path / "profile",
        "--no-pdf-header-footer",
        f"--print-to-pdf={pdf}",
        page.as_uri(),
    )
    assert printed.returncode == 0, printed.stderr
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf.read_bytes())
    assert len(boxes) > 1, "the rule page prints on more than one page"
    for box_width, box_height in boxes:  # A4: 210 x 297 mm = 595 x 842 pt
        assert abs(float(box_width) - 595.3) < 1.5 and abs(float(box_height) - 841.9) < 1.5
