"""Headless Chromium for the tests that look at what a person sees: the rule book and the
management report. Skipped on a developer's machine without it, failed in CI."""

from __future__ import annotations

import shutil
import struct
import subprocess
import zlib
from pathlib import Path

from test_docs_build import require

BROWSER_TIMEOUT = 90


def chromium() -> str:
    """The Chromium executable, or a skip (a failure in CI)."""
    found = next(
        (p for p in map(shutil.which, ("chromium", "chromium-browser")) if p is not None), None
    )
    require(found is not None, "headless Chromium is not installed (apt-get install chromium)")
    assert found is not None
    return found


def run_chromium(browser: str, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Chromium headless with a fresh profile and no network chatter."""
    return subprocess.run(
        [
            browser,
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=BROWSER_TIMEOUT,
        check=False,
    )


def png_pixels(png: bytes) -> tuple[int, int, bytes]:
    """Width, height and the inflated image data of a PNG (enough to tell blank from not)."""
    assert png.startswith(b"\x89PNG\r\n\x1a\n"), "not a PNG"
    position, width, height, data = 8, 0, 0, b""
    while position < len(png):
        (length,) = struct.unpack(">I", png[position : position + 4])
        kind = png[position + 4 : position + 8]
        chunk = png[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            data += chunk
        position += 12 + length
    return width, height, zlib.decompress(data)
