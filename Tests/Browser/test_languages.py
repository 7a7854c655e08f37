"""Each of the six languages in a real browser: what an Arabic, Chinese, English, French, Russian or
Spanish reader sees on the pages they use most.

For each language, headless Chromium opens the home page, a progress dashboard and a decision
anonymously, and signed in as the focal point the reporting overview and Kenya's CBD report (its
overview, a section and its printable page), and fails on:

- `<html>` without the language's `lang`, or with the wrong `dir` (Arabic alone is `rtl`);
- an element wider than the page at 1280 px or at 360 px (a phone);
- visible text in another script than the language it is marked with, such as English words on an
  Arabic page outside an element whose `lang` says English (codes and single words, such as
  `CBD/COP/DEC/XII/6` or `Synergia`, are not text in a language);
- a serious or critical axe-core violation.

It saves a screenshot of each page in each language in SYNERGIA_LANGUAGE_SCREENSHOTS (default: a
folder under /tmp, printed).

Run: python3 -m pytest -q Tests/Browser/test_languages.py
"""
import importlib.resources
import os
import re
import sys
import tempfile

import pytest
from selenium.webdriver.common.by import By

from conftest import click_and_wait, sign_in
from test_crawl import AXE_RUN, WIDTH_PROBE, WIDTHS

LANGUAGES = ["ar", "zh", "en", "fr", "ru", "es"]
ANONYMOUS = [("home", "/"), ("dashboard", "/progress/KMGBF/3"), ("decision", "/decisions/XII-6")]

# Visible text whose script is not the one of the language it is marked with (the nearest `lang`).
# Latin counts only as two words in a row (a sentence, a name of something), not a code or a brand.
SCRIPT_PROBE = r"""
const expected = {ar: 'Arabic', zh: 'Han', ru: 'Cyrillic', en: 'Latin', fr: 'Latin', es: 'Latin'};
const found = {
  Arabic: /\p{Script=Arabic}/u, Han: /\p{Script=Han}/u, Cyrillic: /\p{Script=Cyrillic}/u,
  Latin: /\p{Script=Latin}{2,}\s+\p{Script=Latin}{2,}/u,
};
const out = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  const element = node.parentElement;
  if (!element || element.closest('script, style, noscript, [hidden]')) continue;
  if (!element.getClientRects().length) continue;
  const marked = element.closest('[lang]');
  const language = (marked ? marked.getAttribute('lang') : '').split('-')[0].toLowerCase();
  if (!(language in expected)) continue;  // und, zxx: a text whose language is not known is not checked
  for (const [script, pattern] of Object.entries(found)) {
    if (script !== expected[language] && pattern.test(node.textContent)) {
      let where = element.tagName.toLowerCase() + (element.id ? '#' + element.id : '');
      out.push(script + ' text marked ' + language + ' in ' + where + ': "' + node.textContent.trim().slice(0, 60) + '"');
      break;
    }
  }
  if (out.length > 10) break;
}
return out;
"""


@pytest.fixture(scope="module")
def screenshots():
    folder = os.environ.get("SYNERGIA_LANGUAGE_SCREENSHOTS") or tempfile.mkdtemp(prefix="synergia-languages-")
    os.makedirs(folder, exist_ok=True)
    print(f"\nlanguage screenshots in {folder}", file=sys.__stderr__, flush=True)
    return folder


def report_pages(driver, base):
    """The reporting overview, and Kenya's CBD seventh report: its overview, its second section (the
    longest) and its printable page."""
    sign_in(driver, base, "focal-point@demo.synergia.example")
    driver.get(base + "/reporting")
    row = driver.find_element(By.ID, "cycle-cbd-7nr")
    started = row.find_elements(By.CSS_SELECTOR, "a[href^='/reports/']")
    if not started:
        row.find_element(By.TAG_NAME, "button").click()
        driver.find_element(By.ID, "report-status")
    else:
        driver.get(started[0].get_attribute("href"))
    report = re.search(r"/reports/[0-9A-Fa-f-]+", driver.current_url).group(0)
    section = driver.find_elements(By.CSS_SELECTOR, f"a[href^='{report}/sections/']")[1].get_attribute("href")
    return [("reporting", "/reporting"), ("report", report), ("section", section[len(base):]), ("print", report + "/print")]


def check(driver, base, name, path, language, folder):
    separator = "&" if "?" in path else "?"
    driver.get(f"{base}{path}{separator}lang={language}")
    problems = []
    html = driver.find_element(By.TAG_NAME, "html")
    direction = "rtl" if language == "ar" else "ltr"
    if html.get_attribute("lang") != language or html.get_attribute("dir") != direction:
        problems.append(f'<html lang="{html.get_attribute("lang")}" dir="{html.get_attribute("dir")}">, not {language} {direction}')
    problems += driver.execute_script(SCRIPT_PROBE)
    driver.execute_script(importlib.resources.files("axe_core_python").joinpath("axe.min.js").read_text())
    problems += driver.execute_async_script(AXE_RUN)
    for width in WIDTHS:
        driver.set_window_size(width, 1600)
        problems += [f"at {width} px: {p}" for p in driver.execute_script(WIDTH_PROBE)]
        height = min(8000, driver.execute_script("return document.documentElement.scrollHeight"))
        driver.set_window_size(width, max(height, 800))
        driver.save_screenshot(os.path.join(folder, f"{name}.{language}.{width}.png"))
    driver.set_window_size(WIDTHS[0], 1600)
    return [f"{name} ({path}) in {language}: {p}" for p in problems]


def test_the_pages_read_most_in_each_of_the_six_languages(server, browser, screenshots):
    problems = []
    browser.delete_all_cookies()
    for language in LANGUAGES:
        for name, path in ANONYMOUS:
            problems += check(browser, server, name, path, language, screenshots)
    signed_in = report_pages(browser, server)
    for language in LANGUAGES:
        for name, path in signed_in:
            problems += check(browser, server, name, path, language, screenshots)
    print("\n".join(problems[:200]), file=sys.__stderr__)
    assert not problems, f"{len(problems)} problems"


def test_an_arabic_focal_point_takes_a_report_to_submission_and_reads_its_receipt_in_arabic(server, browser, screenshots):
    """Kenya's Ramsar report, in Arabic from sign-in to receipt: every page in Arabic, nothing in
    another script unmarked."""
    sign_in(browser, server, "ramsar-focal-point@demo.synergia.example")
    browser.get(server + "/reporting?lang=ar")
    row = browser.find_element(By.ID, "cycle-ramsar-nr-cop15")
    targets = row.find_elements(By.TAG_NAME, "button") or row.find_elements(By.CSS_SELECTOR, "a[href^='/reports/']")
    click_and_wait(browser, targets[0])
    report = re.search(r"/reports/[0-9A-Fa-f-]+", browser.current_url).group(0)
    problems = check(browser, server, "ramsar", report, "ar", screenshots)
    for step in ("to-in-review", "to-approved", "to-submitted"):
        click_and_wait(browser, browser.find_element(By.ID, step))
        problems += [f"after {step}: {p}" for p in browser.execute_script(SCRIPT_PROBE)]
        assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "ar"
    status = browser.find_element(By.ID, "report-status").text
    assert status and not re.search(r"[A-Za-z]{3}", status), f"the status in Arabic: {status!r}"
    assert re.fullmatch(r"[0-9a-f]{64}", browser.find_element(By.ID, "receipt-sha256").text)
    problems += check(browser, server, "submitted", report, "ar", screenshots)
    print("\n".join(problems), file=sys.__stderr__)
    assert not problems, f"{len(problems)} problems"
