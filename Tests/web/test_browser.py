#!/usr/bin/env python3
"""End-to-end tests of the browser page in a real headless Chromium (Debian's
chromium and chromium-driver, driven by Selenium), as a person would use it: the
keyboard only, JavaScript off, a whole interview, "Retour", "Modifier", the
result, the letter downloaded. A screenshot of the result page is kept.
Run by scripts/test with pytest (`python3 -m pytest Tests/web`)."""
import os
import shutil
import sqlite3
import time

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.action_chains import ActionChains

from server import ROOT, Server

ARTEFACTS = os.environ.get("CONCILIATION_ARTEFACTS") or os.path.join(ROOT, ".build", "artefacts")


def browser(downloads, javascript=False, language="fr-FR", profile=None):
    """`profile`: the browser's own folder, to look at what it wrote on disk."""
    options = Options()
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1000,1400", f"--lang={language}", "--force-prefers-reduced-motion"]:
        options.add_argument(argument)
    if profile:
        options.add_argument(f"--user-data-dir={profile}")
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.add_experimental_option("prefs", {
        "download.default_directory": downloads,
        "download.prompt_for_download": False,
        "intl.accept_languages": language,
        "profile.managed_default_content_settings.javascript": 1 if javascript else 2,
    })
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


@pytest.fixture
def downloads(tmp_path):
    """The folder the browser downloads into."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    return str(folder)


@pytest.fixture
def chromium(downloads):
    """Starts headless Chromium (`browser`'s options, downloading into
    `downloads`); every browser started is closed when the test ends."""
    started = []

    def start(**options):
        started.append(browser(downloads, **options))
        return started[-1]

    yield start
    for driver in started:
        try:
            driver.quit()
        except Exception:
            pass  # already closed by the test


class Person:
    """Someone at the keyboard: Tab, arrows, Space, Enter; never the mouse."""

    def __init__(self, driver):
        self.driver = driver

    def keys(self, *keys):
        ActionChains(self.driver).send_keys(*keys).perform()

    def focused(self):
        return self.driver.switch_to.active_element

    def tab_to(self, describe, limit=80):
        """Tabs until the focused element matches (tag, attribute, value)."""
        tag, attribute, value = describe
        for _ in range(limit):
            element = self.focused()
            if element.tag_name == tag and element.get_attribute(attribute) == value:
                return element
            self.keys(Keys.TAB)
        raise AssertionError(f"no {describe} reached with Tab")

    def press(self, button_value):
        self.tab_to(("button", "value", button_value))
        self.keys(Keys.ENTER)
        self.wait_for_page()

    def wait_for_page(self):
        time.sleep(0.05)
        for _ in range(100):
            if self.driver.execute_cdp_cmd("Runtime.evaluate", {"expression": "document.readyState"})["result"].get("value") == "complete":
                return
            time.sleep(0.05)

    def heading(self):
        return self.driver.find_element(By.TAG_NAME, "h1").text

    def choose(self, value):
        """At a question with options, the focus is on the question: Tab enters the
        options (on the ticked one, else the first), arrows until `value` is ticked
        (the arrows tick as they move), then Enter sends the form."""
        element = self.focused()
        assert element.tag_name == "h1", element.get_attribute("outerHTML")
        self.keys(Keys.TAB)
        element = self.focused()
        assert element.get_attribute("type") == "radio", element.get_attribute("outerHTML")
        if not element.is_selected():
            self.keys(Keys.SPACE)
        for _ in range(12):
            if self.focused().get_attribute("value") == value:
                break
            self.keys(Keys.ARROW_DOWN)
        assert self.focused().get_attribute("value") == value and self.focused().is_selected()
        self.keys(Keys.ENTER)
        self.wait_for_page()

    def type(self, text):
        element = self.focused()
        assert element.get_attribute("type") == "text", element.get_attribute("outerHTML")
        self.keys(Keys.END, *([Keys.BACKSPACE] * len(element.get_attribute("value") or "")), text, Keys.ENTER)
        self.wait_for_page()


def test_keyboard_only_without_javascript_from_start_to_letter(downloads, chromium, server):
    driver = chromium()
    driver.get(server.url)
    p = Person(driver)
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    assert driver.execute_cdp_cmd("Runtime.evaluate", {"expression": "1"})  # the harness, not the page
    p.press("start")
    assert "Question 1 sur" in driver.find_element(By.CLASS_NAME, "progress").text
    assert "Sur quoi porte votre désaccord" in p.heading()
    p.choose("decision-admin")
    # A date that does not exist: the error is said, tied to the field, and the focus is on it.
    assert "reçu le courrier" in p.heading()
    p.type("31/09/2026")
    error = driver.find_element(By.ID, "error")
    assert error.get_attribute("role") == "alert" and "30 jours" in error.text, error.text
    field = p.focused()
    assert field.get_attribute("id") == "answer" and field.get_attribute("aria-invalid") == "true"
    assert "error" in field.get_attribute("aria-describedby").split()
    assert driver.title.startswith("Erreur")
    p.type("01/10/2026")
    assert "indiquait-il le délai" in p.heading()
    p.choose("oui")
    p.type("33")
    p.choose("none")
    p.choose("non")
    assert "réclamation" in p.heading()
    p.choose("non")
    # The result, with its date and its reasons.
    assert "commission de recours amiable" in p.heading(), p.heading()
    page = driver.find_element(By.TAG_NAME, "main").text
    assert "mardi 1er décembre 2026" in page and "Pourquoi ?" in page
    # "Retour": the last question again, its answer ticked; Enter keeps it.
    p.press("back")
    assert "réclamation" in p.heading()
    assert p.focused().tag_name == "h1", "the question has the focus"
    p.keys(Keys.TAB)
    assert p.focused().get_attribute("value") == "non" and p.focused().is_selected()
    p.keys(Keys.ENTER)
    p.wait_for_page()
    assert "commission de recours amiable" in p.heading()
    # "Modifier" the department: asked again with its answer, the rest kept.
    p.press("edit:department")
    assert "département" in p.heading() and p.focused().get_attribute("value") == "33"
    p.type("75")
    assert "commission de recours amiable" in p.heading()
    assert "75" in driver.find_element(By.CLASS_NAME, "answers").text
    os.makedirs(ARTEFACTS, exist_ok=True)
    driver.save_screenshot(os.path.join(ARTEFACTS, "navigateur-resultat.png"))
    # The letter: its details typed field after field, then downloaded.
    p.press("letter")
    assert p.focused().get_attribute("id") == "name"
    p.keys("Zoé Testeuse", Keys.TAB, "1 rue de la Paix, 75001 Paris", Keys.TAB, "1 85 05 78 006 084 91",
           Keys.TAB, "CPAM de Paris", Keys.TAB, "D-2026-17")
    p.press("letter-txt")
    letter = wait_for_file(downloads, "lettre-recours.txt")
    assert "Zoé Testeuse" in letter and "D-2026-17" in letter and "commission de recours amiable" in letter.lower(), letter[:500]
    assert "[à compléter" in letter, "the passages left empty are marked"
    # Back to the result, and the case summary too.
    p.press("show")
    assert "commission de recours amiable" in p.heading()
    p.press("export-txt")
    summary = wait_for_file(downloads, "resume-dossier.txt")
    assert "Département" in summary and "75" in summary


def test_the_browsers_back_button_returns_to_the_previous_question(chromium, tmp_path):
    """Back and Forward move between the questions already answered, as
    "Modifier" shows them, never on « Confirmer le nouvel envoi du formulaire »;
    no answer is in an address, and the browser writes none of them on disk."""
    profile = str(tmp_path / "profile")
    driver = chromium(profile=profile)
    with Server() as server:
        driver.get(server.url)
        p = Person(driver)
        p.press("start")
        p.choose("decision-admin")
        p.type("17/09/2026")
        p.choose("oui")
        assert "département" in p.heading()

        def shown():
            source = driver.page_source
            assert "ERR_CACHE_MISS" not in source and "nouvel envoi" not in source and "Resubmission" not in source
            query = driver.current_url.partition("?")[2]
            for answer in ["2026", "17", "decision", "oui"]:
                assert answer not in query, driver.current_url
            return p.heading()

        driver.back()
        p.wait_for_page()
        assert "indiquait-il le délai" in shown()
        assert driver.find_element(By.CSS_SELECTOR, 'input[value="oui"]').is_selected()
        driver.back()
        p.wait_for_page()
        assert "reçu le courrier" in shown()
        assert driver.find_element(By.ID, "answer").get_attribute("value") == "17/09/2026"
        driver.forward()
        driver.forward()
        p.wait_for_page()
        assert "département" in shown()
        assert "17/09/2026" in driver.find_element(By.TAG_NAME, "body").text
        # Back to the date, another one sent: the answers after it are kept.
        driver.back()
        driver.back()
        p.wait_for_page()
        driver.find_element(By.ID, "answer").click()
        p.type("01/10/2026")
        assert "département" in shown()
        body = driver.find_element(By.TAG_NAME, "body").text
        assert "01/10/2026" in body and "17/09/2026" not in body, body
        p.type("33")
        assert "commission" in shown() or "recours" in shown()
    driver.quit()
    # No answer is in any file the browser wrote. Chromium keeps the session
    # cookie in its cookie store too, encrypted, as a session cookie (no expiry,
    # not persistent), which it deletes at its next start.
    for root, _, files in os.walk(profile):
        for name in files:
            path = os.path.join(root, name)
            if name == "Cookies":
                with sqlite3.connect(path) as db:
                    stored = db.execute("select name, has_expires, is_persistent, value from cookies").fetchall()
                assert sorted(stored) == [("csrf", 0, 0, ""), ("session", 0, 0, "")], stored
            with open(path, "rb") as f:
                data = f.read()
            for answer in [b"17/09/2026", b"2026-09-17", b"17%2F09%2F2026", b"01/10/2026", b"2026-10-01"]:
                assert answer not in data, (path, answer)


def wait_for_file(folder, name):
    path = os.path.join(folder, name)
    for _ in range(100):
        if os.path.exists(path) and not os.path.exists(path + ".crdownload"):
            with open(path, encoding="utf-8") as f:
                return f.read()
        time.sleep(0.1)
    raise AssertionError(f"{name} was not downloaded: {os.listdir(folder)}")


# What the accessibility test measures in the page itself (the page has no script;
# this one is the test's, run by the browser's developer protocol).
AUDIT = r"""
(() => {
  const problems = [];
  const luminance = (rgb) => {
    const [r, g, b] = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const parse = (c) => (c.match(/[\d.]+/g) || []).map(Number);
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
    }
    return [255, 255, 255];
  };
  for (const el of document.querySelectorAll("main *, header *, footer *")) {
    const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!own || el.closest(".visually-hidden")) continue;
    const fg = parse(getComputedStyle(el).color).slice(0, 3);
    const [l1, l2] = [luminance(fg), luminance(background(el))].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    if (ratio < 4.5) problems.push(`contrast ${ratio.toFixed(2)}: ${el.tagName} ${el.textContent.trim().slice(0, 40)}`);
  }
  for (const input of document.querySelectorAll("input:not([type=hidden]), textarea, select")) {
    const label = input.id && document.querySelector(`label[for="${input.id}"]`);
    if (!label || !label.textContent.trim()) problems.push(`no label: ${input.name}`);
  }
  for (const id of [...document.querySelectorAll("[aria-describedby]")].flatMap(e => e.getAttribute("aria-describedby").split(" "))) {
    if (!document.getElementById(id)) problems.push(`aria-describedby names a missing id: ${id}`);
  }
  const ids = [...document.querySelectorAll("[id]")].map(e => e.id);
  if (new Set(ids).size !== ids.length) problems.push("duplicate ids");
  if (!document.documentElement.lang) problems.push("no lang");
  if (!document.title.trim()) problems.push("no title");
  if (document.querySelectorAll("h1").length !== 1) problems.push("not exactly one h1");
  if (document.querySelectorAll("script").length) problems.push("a script");
  return problems;
})()
"""


def focus_ring(driver):
    """The focused element's outline: visible, and not the same colour as the page."""
    style = driver.execute_script(
        "const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth, s.boxShadow];")
    return style


def test_pages_pass_the_accessibility_audit_in_both_languages(downloads, chromium, server):
    driver = chromium(javascript=True, language="en-GB")
    p = Person(driver)
    driver.get(server.url)
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "Accept-Language picks English"
    audits = {"home": driver.execute_script("return " + AUDIT.strip())}
    p.press("start")
    audits["question"] = driver.execute_script("return " + AUDIT.strip())
    outline = focus_ring(driver)
    assert outline[0] != "none" and outline[1] != "0px", outline
    p.choose("decision-admin")
    p.type("not a date")
    audits["question with an error"] = driver.execute_script("return " + AUDIT.strip())
    for answer in ["01/10/2026"]:
        p.type(answer)
    p.choose("oui")
    p.type("33")
    p.choose("none")
    p.choose("non")
    p.choose("non")
    assert "appeal" in p.heading().lower() or "commission" in p.heading().lower(), p.heading()
    audits["result"] = driver.execute_script("return " + AUDIT.strip())
    p.press("letter")
    p.press("letter-txt")
    audits["letter with errors"] = driver.execute_script("return " + AUDIT.strip())
    assert driver.find_element(By.ID, "name").get_attribute("aria-invalid") == "true"
    # French, through the page's own switch.
    driver.get(server.url + "?lang=fr")
    audits["home (fr)"] = driver.execute_script("return " + AUDIT.strip())
    assert all(isinstance(found, list) for found in audits.values()), audits
    problems = {page: found for page, found in audits.items() if found}
    assert not problems, problems
    # The audit finds what it looks for: a pale text and a field without a label, added here.
    driver.execute_script(
        "const p = document.createElement('p'); p.textContent = 'pâle'; p.style.color = '#bbbbbb';"
        "const i = document.createElement('input'); i.name = 'orphan';"
        "document.querySelector('main').append(p, i);")
    found = driver.execute_script("return " + AUDIT.strip())
    assert any(f.startswith("contrast") for f in found) and "no label: orphan" in found, found


def axe_source():
    """axe-core, Deque's accessibility engine, as the PyPI package
    `axe-playwright-python` ships it (installed by scripts/test without its
    Playwright dependency: only its `axe.min.js` is used, injected by Selenium)."""
    import axe_playwright_python
    with open(os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js"), encoding="utf-8") as f:
        return f.read()


def axe_violations(driver, source):
    """axe's WCAG 2.x A and AA rules on the page shown: each violation as
    "rule: element", empty when none."""
    driver.execute_script(source)
    result = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},"
        " resultTypes: ['violations']}).then(r => done(r.violations.map(v => v.id + ': ' +"
        " v.nodes.map(n => n.target.join(' ')).join(', '))), e => done(['axe failed: ' + e]));")
    return result


def test_axe_finds_nothing_on_any_page_of_the_walk_in_either_language(chromium):
    """Issue 27, point 7: axe-core on every page a person meets — home, each kind
    of question, an error, an edit, the result, the letter's details, their
    errors and the letter seen, a page not found and a changed form refused — in
    French and in English, WCAG 2.x A and AA:
    no violation. Beside the project's own checks that axe does not make
    (keyboard walk, focus ring, print sheet)."""
    source = axe_source()
    found = {}
    for language in ["fr-FR", "en-GB"]:
        driver = chromium(javascript=True, language=language)
        driver.set_script_timeout(60)
        with Server() as server:
            p = Person(driver)

            def audit(name):
                found[f"{name} ({language})"] = axe_violations(driver, source)

            driver.get(server.url)
            audit("home")
            p.press("start")
            audit("choice question")
            p.choose("decision-admin")
            audit("date question")
            p.type("31/09/2026")
            audit("date refused")
            p.type("01/10/2026")
            audit("yes-no question with the answers so far")
            p.choose("oui")
            audit("text question")
            p.type("33")
            p.choose("none")
            p.choose("non")
            p.choose("non")
            audit("result")
            p.press("edit:department")
            audit("an answer being changed")
            driver.back()
            p.wait_for_page()
            p.press("letter")
            audit("letter details")
            p.press("letter-txt")
            audit("letter details refused")
            driver.find_element(By.ID, "name").send_keys("Zoé Testeuse")
            driver.find_element(By.ID, "address").send_keys("1 rue de la Paix, 33000 Bordeaux")
            driver.find_element(By.ID, "nir").send_keys("1 85 05 78 006 084 91")
            driver.find_element(By.ID, "caisse").send_keys("CPAM de la Gironde")
            p.press("letter-preview")
            audit("letter seen before download")
            driver.get(server.url + "nowhere")
            audit("page not found")
            # A form changed on its way (it names a question that does not exist):
            # the page that refuses it whole and offers a way out.
            driver.get(server.url + "?step=1")
            p.wait_for_page()
            driver.execute_script("document.querySelector('input[name=q]').value = 'nowhere';")
            p.type("01/10/2026")
            assert "nowhere" in driver.page_source, driver.title
            audit("a changed form refused")
            # The engine finds what it looks for: an image without a text, added here.
            driver.execute_script("const i = document.createElement('img'); i.src = 'x.png';"
                                  " document.querySelector('main').append(i);")
            control = axe_violations(driver, source)
            assert any(v.startswith("image-alt") for v in control), control
        driver.quit()
    assert len(found) == 26, sorted(found)
    problems = {page: v for page, v in found.items() if v}
    assert not problems, problems


def test_on_a_phone_the_question_opens_on_screen_with_the_focus(downloads, chromium, server):
    """Issue 26, point 12: at 375 px, a question whose ticked answer is the last of
    a long list opens with the question on screen, and the focus on it (where a
    screen reader starts reading), not on an option further down."""
    driver = chromium()
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 375, "height": 667, "deviceScaleFactor": 2, "mobile": True})
    p = Person(driver)
    driver.get(server.url)
    p.press("start")
    p.choose("other")
    assert "tribunal" in p.heading(), p.heading()
    p.press("edit:subject")
    assert "Sur quoi porte votre désaccord" in p.heading()

    def evaluate(expression):
        return driver.execute_cdp_cmd("Runtime.evaluate", {"expression": expression, "returnByValue": True})["result"]["value"]

    assert evaluate("window.innerWidth") == 375
    top, bottom, height = evaluate(
        "(() => { const r = document.querySelector('h1').getBoundingClientRect(); return [r.top, r.bottom, window.innerHeight]; })()")
    assert 0 <= top and bottom <= height, (top, bottom, height)
    assert evaluate("document.activeElement.tagName") == "H1"
    ticked = evaluate("[...document.querySelectorAll('input[type=radio]')].filter(i => i.checked).map(i => i.value).join()")
    assert ticked == "other", f"the answer given stays ticked: {ticked!r}"


def test_print_stylesheet_leaves_out_the_buttons(downloads, chromium, server):
    driver = chromium(javascript=True)
    p = Person(driver)
    driver.get(server.url)
    p.press("start")
    p.choose("functioning")
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    shown = driver.execute_script(
        "return [...document.querySelectorAll('button')].filter(b => getComputedStyle(b).display !== 'none').length")
    assert shown == 0, shown
    assert driver.find_element(By.TAG_NAME, "h1").is_displayed()

