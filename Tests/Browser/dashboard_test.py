#!/usr/bin/env python3
"""The dashboard in a real browser (Chromium driven by Selenium), as an operator uses it:
a wrong key refused, log in, find the stale host by filter, open it, see its charts,
issue an op, switch a flag for one customer, issue and revoke an enrollment token, watch
the events arrive, a form without its CSRF token refused, log out, an expired session
refused, a host's page on a phone's width; and on each page what a screen reader needs
(a language, one h1, labelled fields, named charts and buttons). Screenshots go to
ARTIFACTS (default ci-artifacts/dashboard).

    Tests/Browser/dashboard_test.py [HUB_BINARY] [--readme-screenshots]
"""
import os
import shutil
import sys
import tempfile
import time
import traceback

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException, TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

sys.path.insert(0, os.path.dirname(__file__))
from fleet import Fleet, GLOBAL_KEY  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ARTIFACTS = os.environ.get("ARTIFACTS", os.path.join(ROOT, "ci-artifacts", "dashboard"))
PATIENCE = 30  # seconds a step may wait for the page to get there: CI machines are slow
# While a page is replaced, an element found on the old one goes stale: look again.
RETRY_ON = (NoSuchElementException, StaleElementReferenceException)


class Operator:
    """The browser, with the waits every step needs."""

    def __init__(self, base):
        self.base = base
        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=en-GB"]:
            options.add_argument(argument)
        if os.path.exists("/usr/bin/chromium"):
            options.binary_location = "/usr/bin/chromium"
        driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
        self.driver = webdriver.Chrome(service=Service(driver_path), options=options)

    def quit(self):
        self.driver.quit()

    def open(self, path):
        self.driver.get(self.base + path)

    def wait(self):
        return WebDriverWait(self.driver, PATIENCE, ignored_exceptions=RETRY_ON)

    def find(self, css):
        return self.wait().until(lambda driver: driver.find_element(By.CSS_SELECTOR, css))

    def find_all(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def wait_for_text(self, text, css="body"):
        def shown(driver):
            try:
                return text in driver.find_element(By.CSS_SELECTOR, css).text
            except WebDriverException as error:
                # Chromium's other word for a stale element, when the page was replaced
                # between finding the element and reading it: look again.
                if "does not belong to the document" in str(error):
                    return False
                raise
        try:
            self.wait().until(shown)
        except TimeoutException:
            raise AssertionError(f"{text!r} never appeared in {css} of {self.driver.current_url}")

    def heading(self):
        return self.find("h1").text

    def click_link(self, text):
        self.find(f"header nav").find_element(By.LINK_TEXT, text).click()

    def submit(self, form_css, button_css="button[type=submit], button:not([type])"):
        self.find(form_css).find_element(By.CSS_SELECTOR, button_css).click()

    def confirm(self):
        self.find("#confirm").click()

    def assert_accessible(self):
        """What a screen reader needs of every page: a language, one h1, a label for every
        field a person fills in, a name for every chart and button."""
        problems = self.driver.execute_script("""
            const problems = [];
            if (!document.documentElement.lang) problems.push("no lang on <html>");
            if (document.querySelectorAll("h1").length !== 1) problems.push("not exactly one h1");
            for (const field of document.querySelectorAll("input:not([type=hidden]), select, textarea")) {
              if (field.labels.length === 0 && !field.getAttribute("aria-label")) problems.push("unlabelled " + field.outerHTML.slice(0, 80));
            }
            for (const chart of document.querySelectorAll("svg")) {
              if (!chart.querySelector("title") && !chart.getAttribute("aria-label")) problems.push("a chart without a title");
            }
            for (const button of document.querySelectorAll("button")) {
              if (!button.textContent.trim() && !button.getAttribute("aria-label")) problems.push("a button without a name");
            }
            return problems;
        """)
        assert not problems, f"{self.driver.current_url}: {problems}"

    def screenshot(self, name):
        os.makedirs(ARTIFACTS, exist_ok=True)
        path = os.path.join(ARTIFACTS, name + ".png")
        self.driver.save_screenshot(path)
        return path


def run(binary, readme_screenshots):
    work = tempfile.mkdtemp(prefix="hub-browser.")
    fleet = Fleet(binary, work)
    operator = None
    passed, failed = 0, 0
    state = {}
    try:
        fleet.seed()
        operator = Operator(fleet.base)
        steps = scenario(fleet, operator, state, readme_screenshots)
        for name, step in steps:
            try:
                step()
                passed += 1
                print(f"ok   {name}", flush=True)
            except Exception:  # a failed step: say which, keep its screenshot, stop (the next steps build on it)
                failed += 1
                print(f"FAIL {name}", flush=True)
                traceback.print_exc()
                try:
                    operator.screenshot("failed-" + name.replace(" ", "-"))
                except Exception:
                    pass
                failed += len(steps) - passed - failed
                break
    finally:
        if operator:
            operator.quit()
        fleet.stop()
        if failed:
            shutil.copy(os.path.join(work, "serve.log"), os.path.join(ARTIFACTS, "serve.log")) if os.path.isdir(ARTIFACTS) else None
        shutil.rmtree(work, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return failed == 0


def scenario(fleet, operator, state, readme_screenshots):
    stale_host = fleet.hosts["edge-2"]["host_id"]
    fresh_host = fleet.hosts["edge-1"]["host_id"]

    def wrong_key_is_refused():
        operator.open("/ui/hosts")
        operator.wait_for_text("Log in", "h1")
        operator.assert_accessible()
        operator.find("#key").send_keys("not-the-key")
        operator.submit("#login")
        operator.wait_for_text("That is not the hub's global key.", ".error")
        assert operator.find_all("header nav") == [], "no navigation before login"
        operator.screenshot("01-login-refused")

    def log_in():
        operator.find("#key").send_keys(GLOBAL_KEY)
        operator.submit("#login")
        # The login brings the operator back to the page first asked for.
        operator.wait_for_text("Hosts", "h1")
        operator.click_link("Overview")
        operator.wait_for_text("Overview", "h1")
        operator.find("#panel-events")
        operator.assert_accessible()
        operator.screenshot("02-overview")
        if readme_screenshots:
            shutil.copy(operator.screenshot("02-overview"), os.path.join(ROOT, "docs", "screenshots", "overview.png"))

    def find_the_stale_host_by_filter():
        operator.click_link("Hosts")
        operator.wait_for_text("Hosts", "h1")
        Select(operator.find("form.filters select[name=state]")).select_by_value("stale")
        operator.submit("form.filters")
        operator.wait_for_text(stale_host, "table")
        table = operator.find("table.data").text
        assert fresh_host not in table, "the filter keeps out a host that reports"
        operator.assert_accessible()
        operator.screenshot("03-stale-hosts")

    def open_it_and_see_its_charts():
        operator.find("table.data").find_element(By.LINK_TEXT, stale_host).click()
        operator.wait_for_text(stale_host, "h1")
        charts = operator.find_all("svg.chart")
        assert len(charts) >= 2, f"{len(charts)} charts"
        lines = operator.find_all("svg.chart polyline")
        assert lines, "the charts draw the week of reports"
        operator.assert_accessible()
        operator.screenshot("04-host")
        if readme_screenshots:
            shutil.copy(operator.screenshot("04-host"), os.path.join(ROOT, "docs", "screenshots", "host.png"))

    def issue_an_op():
        form = operator.find(f"form[action='/ui/hosts/{stale_host}/ops']")
        Select(form.find_element(By.CSS_SELECTOR, "select[name=type]")).select_by_value("reboot_host")
        form.find_element(By.CSS_SELECTOR, "button").click()
        operator.wait_for_text("reboot_host", ".question")
        operator.screenshot("05-confirm-op")
        operator.confirm()
        operator.wait_for_text("reboot_host", ".notice")
        status, listing = fleet.call("GET", f"/api/v1/admin/hosts/{stale_host}/ops")
        assert status == 200 and [op["type"] for op in listing["ops"]] == ["reboot_host"], listing
        operator.wait_for_text(listing["ops"][0]["op_id"], "main")

    def switch_a_flag_for_one_customer():
        operator.click_link("Flags")
        operator.wait_for_text("Flags", "h1")
        row = operator.find("#flag-signed_ops")
        row.find_element(By.CSS_SELECTOR, "input[name=enabled][value=on]").click()
        field = row.find_element(By.CSS_SELECTOR, "input[name=customers]")
        field.clear()
        field.send_keys("acme")
        row.find_element(By.CSS_SELECTOR, "button").click()
        operator.wait_for_text("signed_ops is now on for acme.", ".notice")
        status, flags = fleet.call("GET", "/api/v1/admin/flags")
        signed = next(flag for flag in flags["flags"] if flag["name"] == "signed_ops")
        assert signed["customers"] == ["acme"] and signed["source"] == "runtime", signed
        operator.wait_for_text("session:ds-", "#flag-audit")
        operator.assert_accessible()
        operator.screenshot("06-flags")

    def issue_and_revoke_an_enrollment_token():
        operator.click_link("Customers")
        operator.find("table.data").find_element(By.LINK_TEXT, "acme").click()
        operator.wait_for_text("acme", "h1")
        form = operator.find("#issue-token")
        form.find_element(By.CSS_SELECTOR, "input[name=label]").send_keys("from the browser")
        form.find_element(By.CSS_SELECTOR, "button").click()
        token = operator.find("#new-token").text.strip()
        assert len(token) > 20, token
        operator.screenshot("07-token-shown-once")
        operator.open("/ui/customers/acme")
        operator.wait_for_text("from the browser", "main")
        assert token not in operator.driver.page_source, "a token is shown once"
        operator.assert_accessible()
        row = operator.find_all("tr")
        revoke = [element for element in row if "from the browser" in element.text][0]
        revoke.find_element(By.CSS_SELECTOR, "form button").click()
        operator.confirm()
        operator.wait_for_text("revoked", ".notice")
        status, _ = fleet.call("POST", "/api/v1/enroll", {"token": token, "hostname": "late", "agent_version": "0.4.0"}, key=None)
        assert status == 401, status
        operator.screenshot("08-token-revoked")

    def events_arrive_live():
        operator.click_link("Events")
        operator.wait_for_text("Events", "h1")
        attic = fleet.hosts["attic"]["host_id"]
        status, _ = fleet.call("POST", f"/api/v1/admin/hosts/{attic}/revoke", {"reason": "moved out"})
        assert status == 200, status
        # No reload: the page's live part fetches what is new.
        operator.wait_for_text(attic, "#events tbody")
        operator.assert_accessible()
        operator.screenshot("09-events-live")
        operator.open("/ui/slices")
        operator.wait_for_text("Slices and migrations", "h1")
        operator.assert_accessible()

    def a_form_without_its_token_is_refused():
        operator.click_link("Flags")
        row = operator.find("#flag-auto_block_on_deadline")
        operator.driver.execute_script("arguments[0].querySelector('input[name=csrf]').remove()", row)
        row.find_element(By.CSS_SELECTOR, "input[name=enabled][value=on]").click()
        row.find_element(By.CSS_SELECTOR, "button").click()
        operator.wait_for_text("security token", ".error")
        status, flags = fleet.call("GET", "/api/v1/admin/flags")
        flag = next(flag for flag in flags["flags"] if flag["name"] == "auto_block_on_deadline")
        assert flag["enabled"] is False, flag
        operator.screenshot("10-csrf-refused")

    def log_out():
        operator.open("/ui/")
        operator.find("form.logout button").click()
        operator.wait_for_text("You have logged out.", ".notice")
        operator.open("/ui/hosts")
        operator.wait_for_text("Log in", "h1")

    def an_expired_session_is_refused():
        operator.find("#key").send_keys(GLOBAL_KEY)
        operator.submit("#login")
        operator.wait_for_text("Hosts", "h1")
        fleet.expire_sessions()
        operator.open("/ui/flags")
        operator.wait_for_text("Your session has expired. Log in again.", ".notice")
        operator.screenshot("11-session-expired")

    def usable_on_a_phone():
        operator.find("#key").send_keys(GLOBAL_KEY)
        operator.submit("#login")
        operator.wait_for_text("Flags", "h1")
        operator.driver.set_window_size(390, 844)
        operator.open(f"/ui/hosts/{stale_host}")
        operator.wait_for_text(stale_host, "h1")
        overflow = operator.driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"the page is {overflow}px wider than a phone"
        operator.screenshot("12-host-on-a-phone")

    return [
        ("a wrong key is refused", wrong_key_is_refused),
        ("log in", log_in),
        ("find the stale host by filter", find_the_stale_host_by_filter),
        ("open it and see its charts", open_it_and_see_its_charts),
        ("issue an op", issue_an_op),
        ("switch a flag for one customer", switch_a_flag_for_one_customer),
        ("issue and revoke an enrollment token", issue_and_revoke_an_enrollment_token),
        ("events arrive live", events_arrive_live),
        ("a form without its token is refused", a_form_without_its_token_is_refused),
        ("log out", log_out),
        ("an expired session is refused", an_expired_session_is_refused),
        ("usable on a phone", usable_on_a_phone),
    ]


if __name__ == "__main__":
    arguments = [argument for argument in sys.argv[1:] if not argument.startswith("--")]
    binary = arguments[0] if arguments else os.path.join(ROOT, ".build", "debug", "hub")
    sys.exit(0 if run(binary, "--readme-screenshots" in sys.argv) else 1)
