"""A reader searches from the box in the header of any page, in their language, and opens a result.

Run: python3 -m pytest Tests/Browser   (needs chromium, chromedriver and selenium)
"""
from selenium.webdriver.common.by import By

from conftest import click_and_wait


def search_from_header(driver, base, page, query):
    driver.get(base + page)
    box = driver.find_element(By.ID, "site-search")
    box.clear()
    box.send_keys(query)
    click_and_wait(driver, box.find_element(By.XPATH, "./ancestor::form//button"))
    assert "/search?" in driver.current_url


def test_search_in_chinese_and_french_then_open_the_result(server, browser):
    # A Chinese reader on the decisions page looks for wetlands: two characters, no spaces.
    search_from_header(browser, server, "/decisions?lang=zh", "湿地")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh"
    result = browser.find_element(By.CSS_SELECTOR, ".search-results a[href='/conventions/RAMSAR']")
    assert [mark.text for mark in result.find_elements(By.TAG_NAME, "mark")] == ["湿地"]
    click_and_wait(browser, result)
    assert browser.current_url.endswith("/conventions/RAMSAR")
    assert "湿地" in browser.find_element(By.TAG_NAME, "h1").text

    # A French reader finds the Ramsar Convention by its French name, accents and case folded.
    search_from_header(browser, server, "/?lang=fr", "ZONES HUMIDES")
    results = browser.find_elements(By.CSS_SELECTOR, ".search-results > li[lang='fr'] a[href='/conventions/RAMSAR']")
    assert results, browser.find_element(By.ID, "main").text[:500]
    assert [mark.text for mark in results[0].find_elements(By.TAG_NAME, "mark")] == ["zones", "humides"]

    # Filters narrow the results and keep the query: only decision paragraphs, all in Chinese.
    browser.get(server + "/search?q=%E7%94%9F%E7%89%A9%E5%A4%9A%E6%A0%B7%E6%80%A7&lang=zh")
    kind = browser.find_element(By.XPATH, "//nav[@class='facets']//a[contains(@href, 'kind=decision')]")
    click_and_wait(browser, kind)
    assert "kind=decision" in browser.current_url
    items = browser.find_elements(By.CSS_SELECTOR, ".search-results > li")
    assert items and all(item.get_attribute("lang") == "zh" for item in items)
    assert all("/decisions/XII-6" in item.find_element(By.CSS_SELECTOR, "h2 a").get_attribute("href") for item in items)


def test_save_a_search_and_follow_its_feed(server, browser):
    from conftest import sign_in
    # Anonymous: the search offers its feed, and signing in to save it.
    browser.delete_all_cookies()
    browser.get(server + "/search?q=wetlands")
    feed = browser.find_element(By.CSS_SELECTOR, "head link[rel=alternate][type='application/atom+xml'][href^='/search.atom']")
    assert feed.get_attribute("href").endswith("/search.atom?q=wetlands")
    assert browser.find_elements(By.CSS_SELECTOR, "section.follow a[href^='/sign-in?next=']")
    assert not browser.find_elements(By.ID, "save-search")

    # The focal point saves it, weekly, and finds it among their saved searches.
    sign_in(browser, server, "focal-point@demo.synergia.example")
    browser.get(server + "/search?q=wetlands&kind=news")
    form = browser.find_element(By.ID, "save-search")
    form.find_element(By.CSS_SELECTOR, "select#frequency option[value=weekly]").click()
    click_and_wait(browser, form.find_element(By.TAG_NAME, "button"))
    assert browser.current_url.endswith("/account/searches?saved=1")
    assert browser.find_element(By.CSS_SELECTOR, "[role=status]").is_displayed()
    row = browser.find_element(By.CSS_SELECTOR, "main table tbody tr")
    assert "“wetlands”" in row.text and "Weekly" in row.text
    assert row.find_element(By.CSS_SELECTOR, "a[href='/search?kind=news&q=wetlands']")

    # Stopping it removes it.
    click_and_wait(browser, row.find_element(By.CSS_SELECTOR, "form button"))
    assert not browser.find_elements(By.CSS_SELECTOR, "main table tbody tr")
