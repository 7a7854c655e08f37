"""Every page, in a real browser: a crawl that fails on what a person would see broken.

Starting from the home page — anonymous, then signed in as a focal point, a secretariat, the
Bureau and an administrator — headless Chromium follows every internal link it finds, each
route pattern a few times, in English and in Arabic (right to left). On the pages it opens it
fails on:

- a Content-Security-Policy violation or a JavaScript error in the console log;
- an internal link or resource (stylesheet, image, CSV, feed, JSON twin) answering 4xx or 5xx;
- a serious or critical axe-core violation (axe-core from the `axe-core-python` package);
- an element wider than the viewport at 1280 px or at 360 px (a phone), or a page that scrolls sideways;
- a page over 100 KB of HTML and CSS.

It prints a table (pages visited, violations by kind, the slowest pages), compares the route
patterns it reached with the server's route table (`synergia routes`), and saves a screenshot
of each kind of page at 1280 px and 360 px in SYNERGIA_CRAWL_SCREENSHOTS (default: a folder
under /tmp, printed).

Run: python3 -m pytest -q Tests/Browser/test_crawl.py
"""
import collections
import http.cookiejar
import importlib.resources
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

from conftest import BINARY, sign_in

ROLES = [None, "focal-point@demo.synergia.example", "ramsar-focal-point@demo.synergia.example",
         "cbd-secretariat@demo.synergia.example", "bureau@demo.synergia.example", "admin@demo.synergia.example"]
LANGUAGES = ["en", "ar"]
# Each route pattern is opened in the browser at most this many times per role and language,
# and at most this many of its distinct addresses are fetched to check their status.
PAGES_PER_PATTERN = 2
FETCHES_PER_PATTERN = 4
MAX_PAGE_BYTES = 100 * 1024
# A target the demo has assessments for: the first progress dashboard the crawl opens.
TILES = "/progress/KMGBF/3"
WIDTHS = [1280, 360]
# Routes no page links to on purpose (requested directly below), and routes the demo has no
# data for, with the tests that cover them instead.
NOT_LINKED = {
    "GET /healthz": "requested below (an operations probe)",
    "GET /readyz": "requested below (an operations probe)",
    "GET /favicon.ico": "requested below (browsers ask for it on their own)",
    "GET /metrics": "requested below (a Prometheus scrape, from this machine)",
    "GET /search.atom": "requested below with a query (each search's page links its feed; the crawl opens few of them)",
}
# What is requested for a route of NOT_LINKED, when not its bare path.
REQUESTED = {"GET /search.atom": "/search.atom?q=wetlands"}
NOT_IN_DEMO = {
    "GET /decisions/:slug/compare": "needs two language versions of a decision; the demo ships XII/6 in Chinese only (DecisionVersionsTests)",
}
# Addresses a crawl must not follow: they change state when opened (none should) or leave the site.
SKIP = re.compile(r"^/(sign-out|sign-in\?)")
# Non-page answers (checked by status, not opened in the browser).
# (A file attached to an answer or a national target is a download, whatever its name.)
NOT_HTML = re.compile(r"\.(csv|ics|atom|pdf|yaml|json|zip|xlsx|xml)(\?|$)|^/api/|^/static/|^/sdmx/|/attachments/[^/]+$|/documents/[^/]+$")

WIDTH_PROBE = """
const vw = document.documentElement.clientWidth, rtl = getComputedStyle(document.documentElement).direction === 'rtl';
const found = [];
if (document.documentElement.scrollWidth > vw + 1) found.push('the page scrolls sideways (' + document.documentElement.scrollWidth + ' px)');
for (const el of document.body.querySelectorAll('*')) {
  const r = el.getBoundingClientRect();
  if (r.width === 0 || r.height === 0) continue;
  // Entirely off screen (a skip link waiting for focus) is not a defect; sticking out is.
  if (r.right <= 0 || r.left >= vw) continue;
  if (r.right <= vw + 1 && r.left >= -1) continue;
  let p = el.parentElement, contained = false;
  while (p && p !== document.body) {
    const s = getComputedStyle(p);
    if (/(auto|scroll|hidden|clip)/.test(s.overflowX)) { const q = p.getBoundingClientRect(); if (q.right <= vw + 1 && q.left >= -1) { contained = true; break; } }
    p = p.parentElement;
  }
  if (contained) continue;
  found.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && el.className.baseVal === undefined ? '.' + String(el.className).trim().split(/\\s+/).join('.') : '') + ' ' + Math.round(r.width) + ' px');
  if (found.length > 5) break;
}
// Text of a chart cut off at the chart's edge (an SVG clips what it does not fit).
for (const text of document.querySelectorAll('svg text')) {
  const box = text.getBoundingClientRect(), frame = text.ownerSVGElement.getBoundingClientRect();
  if (box.width > 0 && (box.left < frame.left - 1 || box.right > frame.right + 1))
    found.push('chart text cut off: "' + text.textContent.slice(0, 40) + '"');
  if (found.length > 10) break;
}
return found;
"""

# Every address the page points at: links, stylesheets, images, scripts, GET forms (absolute).
LINKS_PROBE = """
const out = [];
for (const [selector, attribute] of [['a[href]', 'href'], ['link[href]', 'href'], ['img[src]', 'src'], ['script[src]', 'src'], ['form[method=get]', 'action']])
  for (const el of document.querySelectorAll(selector)) out.push(el[attribute] || '');
return out;
"""
STYLESHEETS_PROBE = "return Array.from(document.querySelectorAll('link[rel=stylesheet]'), e => e.href);"

AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}).then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
  .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
  .catch(e => done(['axe failed: ' + e]));
"""


def route_table():
    """`METHOD /path/:param` of every route, from the binary itself."""
    with tempfile.TemporaryDirectory() as work:
        env = dict(os.environ, SYNERGIA_DB=os.path.join(work, "routes.sqlite"))
        out = subprocess.run([BINARY, "routes", "--method", "GET"], env=env, check=True, capture_output=True, text=True).stdout
    return [line.strip() for line in out.splitlines() if line.startswith("GET /")]


def pattern_regex(route):
    path = route.split(" ", 1)[1]
    parts = []
    for segment in path.strip("/").split("/"):
        if segment == "**":
            parts.append(".*")
        elif segment.startswith(":") or segment == "*":
            parts.append("[^/]+")
        else:
            parts.append(re.escape(segment))
    return re.compile("^/" + "/".join(parts) + "$")


class Crawl:
    def __init__(self, base, driver, routes, screenshots):
        self.base, self.driver, self.screenshots = base, driver, screenshots
        self.patterns = [(route, pattern_regex(route)) for route in routes]
        self.reached = set()
        self.violations = collections.defaultdict(list)   # kind -> [message]
        self.timings = []                                  # (seconds, url, role)
        self.pages = 0
        self.shot = set()
        self.fully_checked = set()
        self.status_cache = {}
        # How often each address was opened in any pass: a pattern's least opened addresses go first,
        # so the passes (roles × languages) between them open its different variants (`?kind=`, `?party=`).
        self.visits = collections.Counter()
        self.axe = importlib.resources.files("axe_core_python").joinpath("axe.min.js").read_text()
        self.css_bytes = {}

    def route_of(self, path):
        bare = path.split("?", 1)[0].split("#", 1)[0]
        # The most specific pattern: fewest parameters.
        matches = [route for route, regex in self.patterns if regex.match(bare)]
        return min(matches, key=lambda r: (r.count(":") + r.count("*"), -len(r))) if matches else None

    def fail(self, kind, message):
        self.violations[kind].append(message)
        print(f"crawl: {kind}: {message}", file=sys.__stderr__, flush=True)

    def fetch(self, path, cookies):
        """Status and body of an internal address, with the browser's cookies."""
        key = (path, tuple(sorted(cookies.items())))
        if key in self.status_cache:
            return self.status_cache[key]
        request = urllib.request.Request(self.base + path, headers={
            "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items()), "Accept-Language": "en"})
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=60) as response:
                result = (response.status, response.read())
        except urllib.error.HTTPError as error:
            result = (error.code, error.read())
        self.status_cache[key] = result
        return result

    def check_links(self, page, role, cookies, fetched):
        """Every internal link and resource of the page answers; non-page links are reached here."""
        addresses = set()
        for value in self.driver.execute_script(LINKS_PROBE):
            if value.startswith(self.base):
                addresses.add(value[len(self.base):].split("#", 1)[0] or "/")
        pages = []
        # Addresses of patterns not reached yet first, then the least opened (see `visits`); the language
        # switcher's (checked, never opened) after the others.
        for path in sorted(addresses, key=lambda p: (self.route_of(p) in self.reached, "lang=" in p, self.visits[p], p)):
            route = self.route_of(path)
            if route is None:
                self.fail("broken link", f"{page} links to {path}, which no route answers ({role})")
                continue
            # The cap counts distinct addresses: the menu's links on every page do not use it up.
            if (path, tuple(sorted(cookies.items()))) not in self.status_cache:
                if fetched[route] >= FETCHES_PER_PATTERN:
                    continue
                fetched[route] += 1
            status, body = self.fetch(path, cookies)
            if status >= 400 and not (status in (401, 403) and role is None):
                self.fail("broken link", f"{page} → {path}: {status} ({role or 'anonymous'})")
            elif status < 400:
                self.reached.add(route)
            if path.startswith("/static/") and path.split("?")[0].endswith(".css"):
                self.css_bytes[path] = len(body)
            # A language switcher link is checked, not opened: opening it would change the pass's language.
            if status == 200 and not NOT_HTML.search(path) and not SKIP.search(path) and "lang=" not in path:
                pages.append((route, path))
        return pages

    def open(self, path, role, language, cookies, fetched, width_check):
        self.driver.get_log("browser")  # drop what an earlier page left
        started = time.monotonic()
        self.driver.get(self.base + path)
        elapsed = time.monotonic() - started
        self.pages += 1
        self.visits[path] += 1
        self.timings.append((elapsed, path, role or "anonymous", language))
        label = f"{path} [{role or 'anonymous'}, {language}]"
        for entry in self.driver.get_log("browser"):
            if entry.get("level") == "SEVERE" or "Content Security Policy" in entry.get("message", ""):
                self.fail("console", f"{label}: {entry['message'][:300]}")
        html = self.driver.page_source.encode()
        css = sum(self.css_bytes.get(href[len(self.base):], 0) for href in self.driver.execute_script(STYLESHEETS_PROBE))
        if len(html) + css > MAX_PAGE_BYTES:
            self.fail("page size", f"{label}: {len(html) + css} bytes of HTML and CSS")
        route = self.route_of(path)
        if width_check:
            self.driver.execute_script(self.axe)
            for problem in self.driver.execute_async_script(AXE_RUN):
                self.fail("accessibility", f"{label}: {problem}")
            for width in WIDTHS:
                self.driver.set_window_size(width, 1600)
                for problem in self.driver.execute_script(WIDTH_PROBE):
                    self.fail(f"wider than {width} px", f"{label}: {problem}")
                kind = (route, language)
                if (kind, width) not in self.shot:
                    self.shot.add((kind, width))
                    name = re.sub(r"[^A-Za-z0-9]+", "-", route.split(" ", 1)[1]).strip("-") or "home"
                    # The whole page (up to 8000 px tall), not only what the first screen shows.
                    height = min(8000, self.driver.execute_script("return document.documentElement.scrollHeight"))
                    self.driver.set_window_size(width, max(height, 800))
                    self.driver.save_screenshot(os.path.join(self.screenshots, f"{name}.{language}.{width}.png"))
                    self.driver.set_window_size(width, 1600)
            self.driver.set_window_size(WIDTHS[0], 1600)
        return self.check_links(label, role, cookies, fetched)

    def run(self, role, language):
        if role:
            sign_in(self.driver, self.base, role)
        else:
            self.driver.delete_all_cookies()
        self.driver.get(f"{self.base}/?lang={language}")
        cookies = {c["name"]: c["value"] for c in self.driver.get_cookies()}
        opened = collections.Counter()
        fetched = collections.Counter()
        # The home page, then the dashboard whose tile grid the screenshots must show in colour.
        queue = collections.deque([("GET /", "/"), (self.route_of(TILES), TILES)])
        seen = {"/", TILES}
        while queue:
            route, path = queue.popleft()
            if opened[route] >= PAGES_PER_PATTERN:
                continue
            opened[route] += 1
            key = (route, language, role)
            width_check = (route, language) not in self.fully_checked
            self.fully_checked.add((route, language))
            for next_route, next_path in self.open(path, role, language, cookies, fetched, width_check):
                if next_path not in seen and opened[next_route] < PAGES_PER_PATTERN:
                    seen.add(next_path)
                    queue.append((next_route, next_path))


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an answer (3xx), not a failure; the crawl does not follow it."""
    def redirect_request(self, *args, **kwargs):
        return None

    def http_error_302(self, req, fp, code, msg, headers):
        return fp
    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def test_every_page_in_a_real_browser(server, browser, capsys):
    routes = route_table()
    screenshots = os.environ.get("SYNERGIA_CRAWL_SCREENSHOTS") or tempfile.mkdtemp(prefix="synergia-crawl-")
    os.makedirs(screenshots, exist_ok=True)
    # Element lookups answer at once here (the shared fixture waits up to 5 s for elements to appear).
    browser.implicitly_wait(0)
    crawl = Crawl(server, browser, routes, screenshots)
    started = time.monotonic()
    for role in ROLES:
        for language in LANGUAGES:
            pass_started, pages_before = time.monotonic(), crawl.pages
            crawl.run(role, language)
            print(f"crawl: {role or 'anonymous'} in {language}: {crawl.pages - pages_before} pages, "
                  f"{time.monotonic() - pass_started:.0f} s", file=sys.__stderr__, flush=True)
    for route in NOT_LINKED:
        status, _ = crawl.fetch(REQUESTED.get(route, route.split(" ", 1)[1]), {})
        if status in (200, 204):
            crawl.reached.add(route)
    never = [route for route in routes if route not in crawl.reached and route not in NOT_IN_DEMO]

    with capsys.disabled():
        print(f"\n== browser crawl: {crawl.pages} pages opened, {len(crawl.reached)} of {len(routes)} GET route patterns reached, "
              f"{time.monotonic() - started:.0f} s; screenshots in {screenshots}")
        print(f"{'violations':<24} count")
        for kind in ["console", "broken link", "accessibility", "wider than 1280 px", "wider than 360 px", "page size"]:
            print(f"{kind:<24} {len(crawl.violations.get(kind, []))}")
        print("slowest pages:")
        for seconds, path, role, language in sorted(crawl.timings, reverse=True)[:8]:
            print(f"  {seconds * 1000:7.0f} ms  {path} [{role}, {language}]")
        for route, reason in NOT_IN_DEMO.items():
            print(f"not crawled: {route} — {reason}")
        if never:
            print("route patterns never reached:")
            for route in never:
                print(f"  {route}")
        for kind, messages in sorted(crawl.violations.items()):
            print(f"-- {kind}:")
            for message in messages[:25]:
                print(f"  {message}")
            if len(messages) > 25:
                print(f"  … and {len(messages) - 25} more")

    assert not crawl.violations, {kind: len(messages) for kind, messages in crawl.violations.items()}
    assert not never, f"route patterns the crawl never reached: {never}"
