"""A real browser (headless Chromium driven by WebDriver) uses Synergia as a focal point would.

Starts `synergia serve --demo` on a fresh SQLite file; the CBD focal point answers a question
that the CBD and Ramsar templates share (the wetland area); the Ramsar focal point opens
Kenya's Ramsar report, finds the answer there marked as reused, takes the report through
review and approval, submits it, and reads the receipt.

Run: python3 -m pytest Tests/Browser   (needs chromium, chromedriver and selenium)
"""
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest

# Selenium must not reach out to the internet: the driver path is given, and no usage statistics.
os.environ.setdefault("SE_AVOID_STATS", "true")

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BINARY = os.path.join(ROOT, ".build", "debug", "synergia")
PASSWORD = "synergia-demo"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    assert os.path.exists(BINARY), "build first: swift build --product synergia"
    work = tempfile.mkdtemp()
    port = free_port()
    env = dict(os.environ, SYNERGIA_DB=os.path.join(work, "synergia.sqlite"), SYNERGIA_OUTBOX=os.path.join(work, "outbox"))
    log = open(os.path.join(work, "serve.log"), "w")
    process = subprocess.Popen([BINARY, "serve", "--demo", "--port", str(port)], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    yield base
    process.terminate()
    process.wait(timeout=30)
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600"):
        options.add_argument(argument)
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(5)
    yield driver
    driver.quit()


def click_and_wait(driver, element):
    """Clicks a form's button and waits until the next page has replaced this one."""
    page = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 15).until(EC.staleness_of(page))


def sign_in(driver, base, email):
    driver.delete_all_cookies()
    driver.get(base + "/sign-in")
    driver.find_element(By.ID, "email").send_keys(email)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "/account" in driver.current_url, driver.page_source[:500]


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
