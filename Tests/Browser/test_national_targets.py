"""A real browser: Kenya's CBD focal point attaches a document to its CBD report, and writes a national target aligned to GBF Target 3 and
serving Ramsar Target 5, publishes it, and the Ramsar focal point finds it, with its progress,
under the question on Ramsar Target 5 of Kenya's Ramsar report, and in its own entry of the CBD 7th
report's progress section (issue 15: a national target entered once, shown in every report that asks
about it).

Run: python3 -m pytest Tests/Browser/test_national_targets.py
"""
import hashlib
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import click_and_wait, sign_in


def test_a_national_target_written_once_shows_in_the_ramsar_report(server, browser):
    sign_in(browser, server, "focal-point@demo.synergia.example")
    browser.get(server + "/parties/KE/national-targets")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "a[href='/parties/KE/national-targets/new']"))
    browser.find_element(By.ID, "code").send_keys("nt-3")
    browser.find_element(By.ID, "title").send_keys("Wetlands and forests conserved at scale")
    Select(browser.find_element(By.ID, "degree-3")).select_by_value("high")
    browser.find_element(By.ID, "elements-3").send_keys("Inland waters and wetlands")
    Select(browser.find_element(By.ID, "progress")).select_by_value("onTrack")
    browser.find_element(By.ID, "progressSummary").send_keys("Two new Ramsar Sites were designated.")
    Select(browser.find_element(By.ID, "indicators")).select_by_value("3.1")
    browser.find_element(By.CSS_SELECTOR, "input[name='otherTargets[]'][value='RAMSAR-SP4/5']").click()
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form.national-target button[type=submit]"))
    assert browser.current_url.endswith("/parties/KE/national-targets/NT-3"), browser.current_url
    assert "Draft" in browser.find_element(By.TAG_NAME, "h1").text
    assert "Inland waters and wetlands" in browser.page_source
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/NT-3/publish'] button"))
    assert "Draft" not in browser.find_element(By.TAG_NAME, "h1").text

    # Kenya's CBD 7th report states its progress per national target: NT-3 has its entry, with the
    # progress written once on the target, and GBF Target 3's own questions are no longer asked.
    browser.get(server + "/reporting")
    row = browser.find_element(By.ID, "cycle-cbd-7nr")
    click_and_wait(browser, (row.find_elements(By.TAG_NAME, "button") or row.find_elements(By.CSS_SELECTOR, "a[href^='/reports/']"))[0])
    browser.get(browser.current_url.split("#")[0].split("?")[0] + "/sections/cbd-7nr.s2")
    entry = browser.find_element(By.ID, "nt-NT-3")
    assert "On track" in entry.text and "Two new Ramsar Sites were designated." in entry.text, entry.text
    assert not browser.find_elements(By.ID, "q-cbd-7nr.s2.q5"), "GBF Target 3's questions are answered by the national targets"
    assert browser.find_element(By.ID, "q-cbd-7nr.s2.q3").is_displayed(), "Target 2 has no national target: asked"

    # The Ramsar focal point opens Kenya's Ramsar report: the target is there, under Ramsar Target 5, with its progress.
    sign_in(browser, server, "ramsar-focal-point@demo.synergia.example")
    browser.get(server + "/reporting")
    row = browser.find_element(By.ID, "cycle-ramsar-nr-cop15")
    click_and_wait(browser, row.find_element(By.CSS_SELECTOR, "a[href^='/reports/']"))
    report = browser.current_url
    assert "NT-3" in browser.find_element(By.ID, "national-targets").text
    browser.get(report + "/sections/ramsar-nr.s4")
    question = browser.find_element(By.ID, "q-ramsar-nr.s4.q9")
    shown = question.find_element(By.CLASS_NAME, "national-targets").text
    assert "NT-3 Wetlands and forests conserved at scale" in shown and "On track" in shown, shown
    click_and_wait(browser, question.find_element(By.CSS_SELECTOR, "a[href='/parties/KE/national-targets/NT-3']"))
    assert "Two new Ramsar Sites were designated." in browser.page_source


def test_a_document_attached_to_an_answer(server, browser, tmp_path):
    """Issue 15, item 6: the focal point attaches the national targets' PDF to its CBD 7th report;
    the question shows the file with its SHA-256, and the file downloads as sent."""
    pdf = b"%PDF-1.7\n% DEMO: Kenya's national targets, as adopted (a test file)\n%%EOF\n"
    path = tmp_path / "national-targets.pdf"
    path.write_bytes(pdf)
    sign_in(browser, server, "focal-point@demo.synergia.example")
    browser.get(server + "/reporting")
    row = browser.find_element(By.ID, "cycle-cbd-7nr")
    click_and_wait(browser, (row.find_elements(By.TAG_NAME, "button") or row.find_elements(By.CSS_SELECTOR, "a[href^='/reports/']"))[0])
    report = browser.current_url.split("#")[0].split("?")[0]
    browser.get(report + "/sections/cbd-7nr.s1")
    browser.find_element(By.ID, "file-cbd-7nr.s1.q5").send_keys(str(path))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "button[form='attach-cbd-7nr.s1.q5']"))
    question = browser.find_element(By.ID, "q-cbd-7nr.s1.q5")
    shown = question.find_element(By.CLASS_NAME, "attachment")
    assert "national-targets.pdf" in shown.text and hashlib.sha256(pdf).hexdigest() in shown.text, shown.text
    link = shown.find_element(By.TAG_NAME, "a").get_attribute("href")
    # The download, with the browser's session (its cookies), gives back exactly the bytes sent.
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.get_cookies())
    import urllib.request
    with urllib.request.urlopen(urllib.request.Request(link, headers={"Cookie": cookies})) as response:
        assert response.read() == pdf
        assert response.headers["Content-Type"] == "application/pdf"


def test_indicator_data_as_a_workbook_then_the_publishing_authority_approves(server, browser, tmp_path):
    """Issue 15's "done": the focal point uploads Kenya's data for indicator 3.1 as a workbook
    LibreOffice wrote (the columns of the indicator's template), and finds it on the indicator's
    page; it sends the 7th report's draft for review, and Kenya's publishing authority approves it."""
    sheet = tmp_path / "kenya-3-1.csv"
    sheet.write_text("Indicator code,Disaggregation type,Disaggregation,Year,Unit,Value,Footnote\n"
                     "3.1,,,2025,percent,19.75,DEMO test value\n3.1,,,2026,percent,20.25,\n")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--norestore",
                    "--convert-to", "xlsx", "--outdir", str(tmp_path), str(sheet)], check=True, timeout=180, capture_output=True)
    workbook = tmp_path / "kenya-3-1.xlsx"
    assert workbook.read_bytes()[:2] == b"PK", "LibreOffice wrote a workbook"

    sign_in(browser, server, "focal-point@demo.synergia.example")
    browser.get(server + "/indicators/3.1?party=KE")
    browser.find_element(By.ID, "import-file").send_keys(str(workbook))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action='/indicators/import'] button[type=submit]"))
    assert "2 values imported" in browser.find_element(By.TAG_NAME, "h1").text, browser.page_source[:2000]
    browser.get(server + "/indicators/3.1?party=KE")
    assert "20.25" in browser.page_source and "19.75" in browser.page_source

    # The 7th report's draft goes for review: a request to publish, which Kenya's authority decides.
    browser.get(server + "/reporting")
    row = browser.find_element(By.ID, "cycle-cbd-7nr")
    click_and_wait(browser, row.find_element(By.CSS_SELECTOR, "a[href^='/reports/']"))
    report = browser.current_url.split("#")[0].split("?")[0]
    click_and_wait(browser, browser.find_element(By.ID, "to-in-review"))
    assert browser.find_element(By.ID, "report-status").text == "In review"
    assert not browser.find_elements(By.ID, "to-approved"), "Kenya has a publishing authority: it decides, not the focal point"

    sign_in(browser, server, "publishing-authority@demo.synergia.example")
    browser.get(report)
    click_and_wait(browser, browser.find_element(By.ID, "to-approved"))
    assert browser.find_element(By.ID, "report-status").text == "Approved"

