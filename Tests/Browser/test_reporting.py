"""A real browser (headless Chromium driven by WebDriver) uses Synergia as a focal point would.

Starts `synergia serve --demo` on a fresh SQLite file; the CBD focal point answers a question
that the CBD and Ramsar templates share (the wetland area); the Ramsar focal point opens
Kenya's Ramsar report, finds the answer there marked as reused, takes the report through
review and approval, submits it, and reads the receipt.

Run: python3 -m pytest Tests/Browser   (needs chromium, chromedriver and selenium)
"""
import re

from selenium.webdriver.common.by import By

from conftest import click_and_wait, sign_in


def open_report(driver, base, template):
    driver.get(base + "/reporting")
    row = driver.find_element(By.ID, f"cycle-{template}")
    # A report not started yet has a button to start it; a started one, a link to it.
    targets = row.find_elements(By.TAG_NAME, "button") or row.find_elements(By.CSS_SELECTOR, "a[href^='/reports/']")
    click_and_wait(driver, targets[0])
    assert "/reports/" in driver.current_url


def test_answer_once_reused_in_ramsar_then_submitted(server, browser):
    # The CBD focal point answers the shared question in the CBD 7th national report.
    sign_in(browser, server, "focal-point@demo.synergia.example")
    open_report(browser, server, "cbd-7nr")
    field = browser.find_element(By.ID, "v-cbd-7nr.s3.q2")
    field.clear()
    field.send_keys("3560")
    click_and_wait(browser, browser.find_element(By.ID, "save-cbd-7nr.s3.q2"))
    assert "3560" in browser.find_element(By.ID, "q-cbd-7nr.s3.q2").text

    # The Ramsar focal point finds it in the Ramsar report, marked as reused.
    sign_in(browser, server, "ramsar-focal-point@demo.synergia.example")
    open_report(browser, server, "ramsar-nr-cop15")
    question = browser.find_element(By.ID, "q-ramsar-nr.s3.q1")
    assert "3560" in question.text
    assert question.find_element(By.CLASS_NAME, "reused").is_displayed()

    # Review, approve, submit; then read the receipt.
    for step in ("to-in-review", "to-approved", "to-submitted"):
        click_and_wait(browser, browser.find_element(By.ID, step))
    assert browser.find_element(By.ID, "report-status").text == "Submitted"
    receipt = browser.find_element(By.ID, "receipt-sha256").text
    assert re.fullmatch(r"[0-9a-f]{64}", receipt), receipt
