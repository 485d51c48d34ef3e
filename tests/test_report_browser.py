"""The HTML report in a real browser: filters, search, JavaScript off, dark mode (headless Chromium via Selenium)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from browser import MISSING, chromium

pytestmark = pytest.mark.skipif(MISSING is not None, reason=MISSING or "")

ROOT = Path(__file__).resolve().parents[1]
EXE = str(Path(sys.executable).with_name("numcheck"))
EXAMPLE = (ROOT / "examples" / "kursk-2025-02-01.txt").read_text(encoding="utf-8")
BROKEN = EXAMPLE.replace("three-year", "five-year").replace("1,000-kilometre", "3,000-kilometre") \
    .replace("more than 10,000", "more than 100,000")
OTHER = "date 2025-02-01\n\nThe front is 1,000km (900 miles) long, officials said on Tuesday 1 February 2025.\n"


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("report")
    (d / "broken.txt").write_text(BROKEN, encoding="utf-8")
    (d / "other.md").write_text(OTHER, encoding="utf-8")
    subprocess.run([EXE, "check", "broken.txt", "other.md", "--rules", str(ROOT / "rules" / "examples"),
                    "--format", "html", "-o", "report.html"], cwd=d, timeout=120)
    return d / "report.html"


@pytest.fixture(scope="module")
def browser():
    driver = chromium()
    yield driver
    driver.quit()


def _shown(driver, code: str | None = None) -> list[bool]:
    from selenium.webdriver.common.by import By

    sel = "li.finding" + (f"[data-code='{code}']" if code else "")
    return [li.is_displayed() for li in driver.find_elements(By.CSS_SELECTOR, sel)]


def test_filters_by_code_and_severity(browser, report):
    from selenium.webdriver.common.by import By

    browser.get(report.as_uri())
    assert browser.find_element(By.ID, "filters").is_displayed()
    assert browser.find_element(By.ID, "shown").text == "5 of 5 finding(s) shown"
    browser.find_element(By.CSS_SELECTOR, "input[name=code][value=NC301]").click()
    assert _shown(browser, "NC301") == [False, False]
    assert all(_shown(browser, "NC101")) and all(_shown(browser, "NC304"))
    assert browser.find_element(By.ID, "shown").text == "3 of 5 finding(s) shown"
    browser.find_element(By.CSS_SELECTOR, "input[name=severity][value=error]").click()
    assert _shown(browser, "NC101") == [False] and _shown(browser, "NC201") == [False]
    assert _shown(browser, "NC304") == [True]
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, errors


def test_search_box_keeps_the_documents_that_mention_it(browser, report):
    from selenium.webdriver.common.by import By

    browser.get(report.as_uri())
    browser.find_element(By.ID, "q").send_keys("Kremlin")
    docs = {d.get_attribute("id"): d.is_displayed() for d in browser.find_elements(By.CSS_SELECTOR, "section.doc")}
    assert docs == {"doc-1": True, "doc-2": False}
    assert not any(_shown(browser, "NC101"))
    box = browser.find_element(By.ID, "q")
    box.clear()
    box.send_keys("miles")
    assert _shown(browser, "NC101") == [True]


def test_without_javascript_everything_is_there_and_the_controls_are_not(report):
    from selenium.webdriver.common.by import By

    driver = chromium(javascript=False)
    try:
        driver.get(report.as_uri())
        assert not driver.find_element(By.ID, "filters").is_displayed()
        assert _shown(driver) == [True] * 5
        assert "more than 100,000" in driver.find_element(By.ID, "doc-1").text
    finally:
        driver.quit()


def test_dark_mode_turns_the_page_dark_and_keeps_severities_apart(browser, report):
    from selenium.webdriver.common.by import By

    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    try:
        browser.get(report.as_uri())
        bg = browser.execute_script("return getComputedStyle(document.body).backgroundColor")
        assert bg == "rgb(20, 20, 20)"
        colours = {s: browser.find_element(By.CSS_SELECTOR, f"li.finding.sev-{s} .sev").value_of_css_property("color")
                   for s in ("error", "warning")}
        assert colours["error"] != colours["warning"]
        icons = {s: browser.execute_script(
            f"return getComputedStyle(document.querySelector('li.finding.sev-{s} .icon'), '::before').content")
            for s in ("error", "warning")}
        assert icons["error"] != icons["warning"]  # a shape as well as a colour
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
