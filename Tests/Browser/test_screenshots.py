"""The three screenshots the README shows (home, a report, a progress dashboard), taken of the demo.

Written to $SYNERGIA_README_SCREENSHOTS when it is set (`docs/screenshots` renews the README's), else to a
temporary folder that the test prints. Run: python3 -m pytest Tests/Browser/test_screenshots.py
"""
import os
import sys
import tempfile

from selenium.webdriver.common.by import By

from conftest import sign_in

SHOTS = [
    # (file, who is signed in, page, what must be on it)
    ("home.png", None, "/", "main"),
    ("report.png", "ramsar-focal-point@demo.synergia.example", "/reporting", "main"),
    ("dashboard.png", None, "/progress/KMGBF/3", "main"),
]


def test_readme_screenshots(server, browser):
    folder = os.environ.get("SYNERGIA_README_SCREENSHOTS") or tempfile.mkdtemp(prefix="synergia-readme-")
    os.makedirs(folder, exist_ok=True)
    browser.set_window_size(1280, 900)
    try:
        for name, email, page, selector in SHOTS:
            if email:
                sign_in(browser, server, email)
            else:
                browser.delete_all_cookies()
            browser.get(server + page)
            if name == "report.png":
                # The Kenya Ramsar report the demo started, with its answers reused from the CBD's.
                browser.find_element(By.CSS_SELECTOR, "#cycle-ramsar-nr-cop15 a[href^='/reports/']").click()
                assert "/reports/" in browser.current_url
            assert browser.find_element(By.CSS_SELECTOR, selector).is_displayed()
            path = os.path.join(folder, name)
            assert browser.save_screenshot(path)
            assert os.path.getsize(path) > 20_000, f"{name} looks empty"
    finally:
        browser.set_window_size(1280, 1600)
    print(f"README screenshots: {folder}", file=sys.__stderr__)
