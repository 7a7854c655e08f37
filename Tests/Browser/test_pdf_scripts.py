"""A report's PDF in Arabic, Chinese and Russian, as Chromium prints it: every font embedded, the
text in the language's own script (the template's title in that language, read back from the PDF
with poppler's pdftotext), and Arabic laid out right to left.

Not a browser test: it lives here for the demo server of conftest.py (whose Chromium makes the PDF).
Needs pdffonts and pdftotext (Debian's poppler-utils).
"""
import http.cookiejar
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request

import pytest

from conftest import PASSWORD, ROOT

FOCAL_POINT = "focal-point@demo.synergia.example"
TEMPLATE = os.path.join(ROOT, "Sources", "SynergiaCore", "Resources", "Templates", "cbd-6nr.json")
# Bidirectional controls pdftotext puts around right-to-left runs (RLE … PDF) and marks.
CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def signed_in(server):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.open(server + "/sign-in", timeout=60).read()
    csrf = next(c.value for c in jar if c.name == "synergia-csrf")
    data = urllib.parse.urlencode({"email": FOCAL_POINT, "password": PASSWORD, "_csrf": csrf}).encode()
    opener.open(urllib.request.Request(server + "/sign-in", data=data), timeout=60).read()
    return opener


def pdf(opener, url):
    """The PDF, waiting while it is being made (the page says so and asks to come back)."""
    for _ in range(60):
        with opener.open(url, timeout=120) as response:
            body = response.read()
            if response.headers.get("Content-Type", "").startswith("application/pdf"):
                return body
        time.sleep(1)
    raise AssertionError(f"no PDF from {url}")


@pytest.mark.skipif(not (shutil.which("pdffonts") and shutil.which("pdftotext")), reason="needs poppler-utils (pdffonts, pdftotext)")
@pytest.mark.parametrize("language", ["ar", "zh", "ru"])
def test_a_report_pdf_in_arabic_chinese_and_russian_has_real_glyphs_in_the_right_direction(server, language):
    opener = signed_in(server)
    with opener.open(server + "/reporting", timeout=60) as response:
        overview = response.read().decode()
    # Kenya's CBD sixth report: published in the demo, with its template's title in six languages.
    row = re.search(r'<tr id="cycle-cbd-6nr".*?</tr>', overview, re.S).group(0)
    report = re.search(r'href="(/reports/[0-9A-Fa-f-]+)"', row).group(1)
    body = pdf(opener, f"{server}{report}/report.pdf?lang={language}")
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "report.pdf")
        with open(path, "wb") as out:
            out.write(body)
        fonts = subprocess.run(["pdffonts", path], check=True, capture_output=True, text=True).stdout.splitlines()[2:]
        text = subprocess.run(["pdftotext", "-layout", path, "-"], check=True, capture_output=True, text=True).stdout
    assert fonts, "the PDF has fonts"
    for line in fonts:
        # name type encoding emb sub uni …: every font is embedded (a reader without it sees the same glyphs).
        assert re.search(r"\byes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", line), f"not embedded: {line}"
    title = json.load(open(TEMPLATE, encoding="utf-8"))["title"][language]
    flat = " ".join(CONTROLS.sub("", text).split())
    assert " ".join(title.split()[:4]) in flat, f"{title!r} not in the PDF's text: {flat[:400]!r}"
    if language == "ar":
        # pdftotext marks a run it read from right to left with RLE (U+202B).
        assert "\u202b" in text and re.search("\u202b[^\u202c]*\u0627\u0644\u062a\u0642\u0631\u064a\u0631", text), text[:400]
