"""A real browser (headless Chromium driven by WebDriver) uses Synergia as a focal point would.

Starts `synergia serve --demo` on a fresh SQLite file; the CBD focal point answers a question
that the CBD and Ramsar templates share (the wetland area); the Ramsar focal point opens
Kenya's Ramsar report, finds the answer there marked as reused, takes the report through review
and approval, submits it, and reads the receipt. In the CBD report, a section's answers are saved
with one form while a second window saves one of them, an answer saves itself with JavaScript on,
and "Check the report" (and a refused "Send for review") leads to each missing answer.

Run: python3 -m pytest Tests/Browser   (needs chromium, chromedriver and selenium)
"""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import click_and_wait, make_driver, sign_in


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
    # Back on the question's section, whose field holds the saved answer, with who saved it.
    assert browser.find_element(By.ID, "v-cbd-7nr.s3.q2").get_attribute("value") == "3560"
    assert "Last changed by focal-point@demo.synergia.example" in browser.find_element(By.ID, "q-cbd-7nr.s3.q2").text

    # The Ramsar focal point finds it in the Ramsar report, marked as reused.
    sign_in(browser, server, "ramsar-focal-point@demo.synergia.example")
    open_report(browser, server, "ramsar-nr-cop15")
    question = browser.find_element(By.ID, "q-ramsar-nr.s3.q1")
    assert "3,560 km²" in question.text, "the number as English writes it, with its unit"
    assert question.find_element(By.CLASS_NAME, "reused").is_displayed()

    # Review, approve, submit; then read the receipt.
    for step in ("to-in-review", "to-approved", "to-submitted"):
        click_and_wait(browser, browser.find_element(By.ID, step))
    assert browser.find_element(By.ID, "report-status").text == "Submitted"
    receipt = browser.find_element(By.ID, "receipt-sha256").text
    assert re.fullmatch(r"[0-9a-f]{64}", receipt), receipt


def test_a_section_saved_with_one_form_while_a_second_window_saves_one_of_its_answers(server, browser):
    """Issue 17: the focal point writes in a section's page and saves it once; meanwhile a second
    window (the same focal point at another computer) saved one of the same answers. The other
    answer is saved; the one both changed comes back with both versions, the person's own in the field."""
    sign_in(browser, server, "focal-point@demo.synergia.example")
    open_report(browser, server, "cbd-7nr")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "nav.contents a[href$='/sections/cbd-7nr.s1']"))
    section_url = browser.current_url
    assert browser.find_element(By.TAG_NAME, "h1").text == "Information on the report and the national targets"
    assert "Kenya" in browser.title, browser.title

    # A second window saves the first answer of the section.
    other = make_driver()
    try:
        sign_in(other, server, "focal-point@demo.synergia.example")
        other.get(section_url)
        field = other.find_element(By.ID, "v-cbd-7nr.s1.q1")
        field.clear()
        field.send_keys("Saved in the second window")
        click_and_wait(other, other.find_element(By.ID, "save-section"))
        assert "Answers saved: 1" in other.find_element(By.ID, "section-saved").text
    finally:
        other.quit()

    # This window, loaded before, changes the same answer and a narrative one, and saves the section once.
    first = browser.find_element(By.ID, "v-cbd-7nr.s1.q1")
    first.clear()
    first.send_keys("Ministry of Environment and Forestry")
    narrative = browser.find_element(By.ID, "v-cbd-7nr.s1.q6")
    assert narrative.size["width"] > 600, narrative.size  # room to write
    narrative.clear()
    narrative.send_keys("Prepared with the national steering committee.\nValidated at a workshop.")
    click_and_wait(browser, browser.find_element(By.ID, "save-section"))

    assert "Answers saved: 1" in browser.find_element(By.ID, "section-saved").text
    conflict = browser.find_element(By.CSS_SELECTOR, "#q-cbd-7nr\\.s1\\.q1 [role=alert]")
    assert "Saved in the second window" in conflict.text
    assert browser.find_element(By.ID, "v-cbd-7nr.s1.q1").get_attribute("value") == "Ministry of Environment and Forestry"
    assert "Validated at a workshop." in browser.find_element(By.CSS_SELECTOR, "#q-cbd-7nr\\.s1\\.q6 .answer").text

    # Saved again as shown: the person's version wins over the one they have now seen.
    click_and_wait(browser, browser.find_element(By.ID, "save-section"))
    assert "Answers saved: 1" in browser.find_element(By.ID, "section-saved").text
    assert not browser.find_elements(By.CSS_SELECTOR, "#q-cbd-7nr\\.s1\\.q1 [role=alert]")
    assert browser.find_element(By.ID, "v-cbd-7nr.s1.q1").get_attribute("value") == "Ministry of Environment and Forestry"


def test_an_answer_saves_itself_a_few_seconds_after_typing_stops(server, browser):
    """Issue 17: with JavaScript on, an answer typed in a section's page is saved without pressing
    Save, through the same rules as the form; the page says when, and a reload shows it stored.
    The answer next to it, not typed in, is not sent."""
    sign_in(browser, server, "focal-point@demo.synergia.example")
    open_report(browser, server, "cbd-7nr")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "nav.contents a[href$='/sections/cbd-7nr.s4']"))
    section_url = browser.current_url
    report = section_url.split("/sections/")[0]
    before = browser.execute_script(
        "return fetch(arguments[0], {headers: {Accept: 'application/json'}}).then(r => r.json())", report.replace("/reports/", "/api/v1/reports/"))
    untouched = [a for a in before["answers"] if a["question"] == "cbd-7nr.s4.q6"]

    browser.get_log("browser")  # what earlier tests left (a 409 conflict page) is not this test's
    field = browser.find_element(By.ID, "v-cbd-7nr.s4.q4")
    field.clear()
    field.send_keys("Typed, never saved by hand.")
    status = WebDriverWait(browser, 15).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "#q-cbd-7nr\\.s4\\.q4 .autosave").text.startswith("Saved at") and
        d.find_element(By.CSS_SELECTOR, "#q-cbd-7nr\\.s4\\.q4 .autosave"))
    assert status.get_attribute("role") == "status"
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors

    # Typed again: saved over the version the first autosave made (no conflict with oneself).
    version = "return document.querySelector('input[name=\"b:cbd-7nr.s4.q4\"]').value.split('.')[0]"
    first = browser.execute_script(version)
    field.send_keys(" Twice.")
    WebDriverWait(browser, 15).until(lambda d: d.execute_script(version) == str(int(first) + 1))
    assert "Saved at" in browser.find_element(By.CSS_SELECTOR, "#q-cbd-7nr\\.s4\\.q4 .autosave").text

    browser.get(section_url)
    assert "Typed, never saved by hand. Twice." in browser.find_element(By.CSS_SELECTOR, "#q-cbd-7nr\\.s4\\.q4 .answer").text
    after = browser.execute_script(
        "return fetch(arguments[0], {headers: {Accept: 'application/json'}}).then(r => r.json())", report.replace("/reports/", "/api/v1/reports/"))
    assert [a for a in after["answers"] if a["question"] == "cbd-7nr.s4.q6"] == untouched


def test_a_comment_written_from_a_section_shows_under_its_question(server, browser):
    """A section's comments have a page of their own (the section's page stays small): the focal
    point goes there from the section, chooses a question, and comes back to it with the comment."""
    sign_in(browser, server, "focal-point@demo.synergia.example")
    open_report(browser, server, "cbd-7nr")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "nav.contents a[href$='/sections/cbd-7nr.s2']"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "a[href$='/sections/cbd-7nr.s2/comments']"))
    assert browser.find_element(By.TAG_NAME, "h1").text == "Comments on this section"
    Select(browser.find_element(By.ID, "comment-question")).select_by_value("cbd-7nr.s2.q3")
    browser.find_element(By.ID, "comment-text").send_keys("Use the 2025 restoration inventory.")
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "form[action$='/comments'] button[type=submit]"))
    assert browser.current_url.endswith("/sections/cbd-7nr.s2#q-cbd-7nr.s2.q3"), browser.current_url
    assert "Use the 2025 restoration inventory." in browser.find_element(By.ID, "q-cbd-7nr.s2.q3").text


def test_check_the_report_leads_to_each_missing_answer_and_review_waits_for_them(server, browser):
    """Issue 17: "Check the report" lists the missing answers, each linking to its place in its
    section; "Send for review" is refused with the same list while any is missing."""
    sign_in(browser, server, "focal-point@demo.synergia.example")
    open_report(browser, server, "cbd-7nr")
    report = browser.current_url.split("#")[0]
    # The demo's draft amends the published report, every required answer given: the focal point's name is cleared.
    browser.get(report + "/sections/cbd-7nr.s1")
    browser.find_element(By.ID, "v-cbd-7nr.s1.q1").clear()
    click_and_wait(browser, browser.find_element(By.ID, "save-section"))
    browser.get(report)
    click_and_wait(browser, browser.find_element(By.ID, "check-report"))
    missing = browser.find_elements(By.CSS_SELECTOR, "ul.check li.missing a")
    assert missing, browser.page_source[:2000]
    target = missing[0].get_attribute("href")
    question = target.split("#q-")[1]
    click_and_wait(browser, missing[0])
    assert browser.current_url == target
    assert browser.find_element(By.ID, "q-" + question).is_displayed()

    browser.get(report)
    click_and_wait(browser, browser.find_element(By.ID, "to-in-review"))
    assert browser.find_element(By.ID, "refused").is_displayed()
    assert browser.find_elements(By.CSS_SELECTOR, f"ul.check li.missing a[href$='#q-{question}']")
    browser.get(report)
    assert browser.find_element(By.ID, "report-status").text == "Draft"


def test_a_binary_indicator_question_appears_only_after_its_enabling_answer(server, browser):
    """Issue 15: in the GBF binary indicator questionnaire of the CBD report, the sea-use question
    (1.1 (c)) is asked only of a country that is not landlocked, and 1.2 only when an answer in 1.1
    is not "No". Each appears as soon as its enabling answer is chosen, and goes away (its field
    disabled, so the form does not send it) when the answer changes."""
    sign_in(browser, server, "focal-point@demo.synergia.example")
    open_report(browser, server, "cbd-7nr")
    # The report's contents list the questionnaire as one entry (its first section); that page lists them all.
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "#part-kmgbf-binary a"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "nav.contents a[href$='/sections/cbd-7nr.bin.target-1']"))
    sea_use = browser.find_element(By.ID, "q-cbd-7nr.bin.1_1_c")
    plans = browser.find_element(By.ID, "q-cbd-7nr.bin.1_2")
    # The demo's draft (an amendment of the published report) says Kenya is not landlocked, so 1.1 (c) is
    # asked, and answers "No" throughout 1.1, so 1.2 is not.
    assert sea_use.is_displayed() and not plans.is_displayed()
    landlocked = Select(browser.find_element(By.ID, "v-cbd-7nr.bin.1"))
    landlocked.select_by_value("yes")
    WebDriverWait(browser, 5).until(lambda d: not d.find_element(By.ID, "q-cbd-7nr.bin.1_1_c").is_displayed())
    assert browser.find_element(By.ID, "q-cbd-7nr.bin.1_1_a").is_displayed()

    landlocked.select_by_value("no")
    WebDriverWait(browser, 5).until(lambda d: d.find_element(By.ID, "q-cbd-7nr.bin.1_1_c").is_displayed())
    assert browser.find_element(By.ID, "v-cbd-7nr.bin.1_1_c").is_enabled()
    assert not plans.is_displayed(), "1.2 waits on an answer in 1.1 other than No"

    Select(browser.find_element(By.ID, "v-cbd-7nr.bin.1_1_a")).select_by_value("partially")
    WebDriverWait(browser, 5).until(lambda d: d.find_element(By.ID, "q-cbd-7nr.bin.1_2").is_displayed())
    assert all(box.is_enabled() for box in plans.find_elements(By.CSS_SELECTOR, "input[type=checkbox]"))

    landlocked.select_by_value("yes")
    WebDriverWait(browser, 5).until(lambda d: not d.find_element(By.ID, "q-cbd-7nr.bin.1_1_c").is_displayed())
    assert not browser.find_element(By.ID, "v-cbd-7nr.bin.1_1_c").is_enabled(), "a question not asked is not sent"
    assert plans.is_displayed(), "1.1 (a) still enables 1.2"
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE" and "conditions.js" in entry["message"]]
    assert not errors, errors

    # Saved with the section's form, then read back: the page as the saved answers stand.
    click_and_wait(browser, browser.find_element(By.ID, "save-section"))
    assert not browser.find_element(By.ID, "q-cbd-7nr.bin.1_1_c").is_displayed()
    assert browser.find_element(By.ID, "q-cbd-7nr.bin.1_2").is_displayed()


def test_an_answer_saved_to_a_question_then_not_asked_is_kept_when_the_section_is_saved(server, browser):
    """Review of issue 15: 1.1 (c) answered (and saved by itself), then the country says it is
    landlocked, so 1.1 (c) goes away; saving the section must not blank the answer it had: the
    hidden question sends nothing (its value and the fields saying what it was written over)."""
    sign_in(browser, server, "focal-point@demo.synergia.example")
    open_report(browser, server, "cbd-7nr")
    # The report's contents list the questionnaire as one entry (its first section); that page lists them all.
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "#part-kmgbf-binary a"))
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "nav.contents a[href$='/sections/cbd-7nr.bin.target-1']"))
    report = browser.current_url.split("/sections/")[0]
    landlocked = Select(browser.find_element(By.ID, "v-cbd-7nr.bin.1"))
    landlocked.select_by_value("no")
    WebDriverWait(browser, 5).until(lambda d: d.find_element(By.ID, "q-cbd-7nr.bin.1_1_c").is_displayed())
    Select(browser.find_element(By.ID, "v-cbd-7nr.bin.1_1_c")).select_by_value("fully")
    WebDriverWait(browser, 15).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "#q-cbd-7nr\\.bin\\.1_1_c .autosave").text.startswith("Saved at"))

    landlocked = Select(browser.find_element(By.ID, "v-cbd-7nr.bin.1"))
    landlocked.select_by_value("yes")
    WebDriverWait(browser, 5).until(lambda d: not d.find_element(By.ID, "q-cbd-7nr.bin.1_1_c").is_displayed())
    click_and_wait(browser, browser.find_element(By.ID, "save-section"))
    stored = browser.execute_script(
        "return fetch(arguments[0], {headers: {Accept: 'application/json'}}).then(r => r.json())", report.replace("/reports/", "/api/v1/reports/"))
    answers = {a["question"]: a["value"] for a in stored["answers"]}
    assert answers.get("cbd-7nr.bin.1_1_c") == {"type": "singleChoice", "value": "fully"}, answers.get("cbd-7nr.bin.1_1_c")
    assert answers.get("cbd-7nr.bin.1") == {"type": "singleChoice", "value": "yes"}
    assert "cbd-7nr.bin.1_1_c" in stored["notAsked"]
