#!/usr/bin/env python3
"""Helpers for scripts/api-check.sh (standard library only).

  api_check_token.py token BASE_URL EMAIL PASSWORD
      Signs in through the HTML form (the CSRF cookie and field, as a browser does), makes a
      personal API token on /account/tokens and prints it.

  api_check_token.py config BASE_URL TOKEN OUT.toml
      With the focal point's token, starts Kenya's report in the demo CBD cycle (through the
      API, as a client would) and writes a schemathesis.toml whose dictionaries make generated
      path parameters name real reports, questions, cycles, targets, advisory calls and
      crosswalk links most of the time, so the routes get past "not found" and reach their
      validation and their 2xx answers.

  api_check_token.py summary JUNIT.xml LABEL
      Prints each failing operation from schemathesis' JUnit report (what failed, the status
      received and a curl line that reproduces it) and a count.
"""
import html
import http.cookiejar
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "SynergiaCore", "Resources", "Templates")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _opener():
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), _NoRedirect())
    return opener, jar


def _csrf(jar):
    for cookie in jar:
        if cookie.name == "synergia-csrf":
            return cookie.value
    raise SystemExit("no synergia-csrf cookie was set")


def _post_form(opener, url, fields):
    data = urllib.parse.urlencode(fields).encode()
    try:
        with opener.open(urllib.request.Request(url, data=data, method="POST")) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:  # 303 (no redirect followed), 4xx
        return error.code, error.read().decode("utf-8", "replace")


def token(base, email, password):
    opener, jar = _opener()
    with opener.open(base + "/sign-in") as response:
        response.read()
    status, body = _post_form(opener, base + "/sign-in", {"email": email, "password": password, "_csrf": _csrf(jar)})
    if status != 303:
        raise SystemExit(f"sign-in as {email} answered {status}")
    status, body = _post_form(opener, base + "/account/tokens", {"name": "api-check", "_csrf": _csrf(jar)})
    match = re.search(r'<code id="new-token">([^<]+)</code>', body)
    if status not in (200, 201) or not match:
        raise SystemExit(f"making a token for {email} answered {status}")
    return html.unescape(match.group(1))


def _api(base, method, path, bearer=None, body=None):
    headers = {"Accept": "application/json"}
    if bearer:
        headers["Authorization"] = "Bearer " + bearer
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, None


# How often a generated path parameter is replaced by a real identifier (the rest stay
# generated, so "not found" and malformed ids are tested too).
PROBABILITY = 0.75


def _toml_list(values):
    return "[" + ", ".join(json.dumps(str(v)) for v in values) + "]"


def config(base, bearer, out):
    status, cycles = _api(base, "GET", "/api/v1/reporting-cycles")
    if status != 200 or not cycles:
        raise SystemExit(f"GET /api/v1/reporting-cycles answered {status} with no cycle")
    cycle_ids = [c["id"] for c in cycles]
    reports, questions, templates = [], [], []
    for cycle in cycles:
        if cycle.get("convention") != "CBD" or cycle.get("status") != "open":
            continue
        status, report = _api(base, "POST", f"/api/v1/reporting-cycles/{cycle['id']}/reports", bearer)
        if status in (200, 201) and report:
            reports.append(report["id"])
            templates.append(cycle.get("template", ""))
    status, frameworks = _api(base, "GET", "/api/v1/frameworks")
    framework_codes = [f["code"] for f in frameworks or []] or ["KMGBF"]
    target_codes = []
    for code in framework_codes[:3]:
        status, framework = _api(base, "GET", f"/api/v1/frameworks/{code}")
        for goal in (framework or {}).get("goals", []):
            target_codes += [t["code"] for t in goal.get("targets", [])]
    # The questions of those reports' templates (the files the server loads them from).
    for template_id in templates:
        path = os.path.join(TEMPLATES, f"{template_id}.json")
        if os.path.exists(path):
            with open(path) as handle:
                template = json.load(handle)
            questions += [q["id"] for section in template.get("sections", []) for q in section.get("questions", [])]
    # Advisory calls and crosswalk links share the path parameter name `id`.
    ids = []
    for path in ("/api/v1/advisory-calls", "/api/v1/crosswalks"):
        status, rows = _api(base, "GET", path)
        ids += [row["id"] for row in rows or [] if isinstance(row, dict) and "id" in row]
    lines = ["# Written by scripts/api_check_token.py for scripts/api-check.sh: real identifiers of the demo data.", ""]
    dictionaries = {
        "cycles": cycle_ids,
        "reports": reports,
        "questions": sorted(set(questions)),
        "frameworks": framework_codes,
        "targets": sorted(set(target_codes)),
        "ids": ids,
    }
    bindings = {"path.cycle": "cycles", "path.report": "reports", "path.question": "questions",
                "path.framework": "frameworks", "path.target": "targets", "path.id": "ids"}
    used = {}
    for key, name in bindings.items():
        if dictionaries[name]:
            used[key] = name
    for name, values in dictionaries.items():
        if values and name in used.values():
            lines += [f"[dictionaries.{name}]", f"values = {_toml_list(values)}", ""]
    lines.append("[parameters]")
    for key, name in used.items():
        lines.append(f'"{key}" = {{ dictionary = "{name}", probability = {PROBABILITY} }}')
    with open(out, "w") as handle:
        handle.write("\n".join(lines) + "\n")
    print(f"fixtures: {len(reports)} report(s), {len(set(questions))} question(s), {len(cycle_ids)} cycle(s), "
          f"{len(set(target_codes))} target code(s), {len(ids)} advisory call and crosswalk id(s)")


def summary(junit, label):
    try:
        root = ET.parse(junit).getroot()
    except (OSError, ET.ParseError):
        print(f"{label}: no report")
        return
    cases = root.iter("testcase")
    total = failed = 0
    for case in cases:
        total += 1
        problems = [child for child in case if child.tag in ("failure", "error")]
        if problems:
            failed += 1
            text = (problems[0].text or "").splitlines()
            titles = [l.strip()[2:] for l in text if l.strip().startswith("- ")]
            received = [l.strip() for l in text if l.strip().startswith("Received:")]
            curls = [l.strip() for l in text if l.strip().startswith("curl ")]
            what = "; ".join(titles[:3]) or problems[0].get("message") or problems[0].tag
            print(f"  FAIL {case.get('name')}: {what}" + (f" ({received[0]})" if received else ""))
            if curls:
                print(f"       {curls[0][:300]}")
    print(f"{label}: {total - failed} passed, {failed} failed")


def main(argv):
    if len(argv) == 5 and argv[1] == "token":
        print(token(argv[2].rstrip("/"), argv[3], argv[4]))
    elif len(argv) == 5 and argv[1] == "config":
        config(argv[2].rstrip("/"), argv[3], argv[4])
    elif len(argv) == 4 and argv[1] == "summary":
        summary(argv[2], argv[3])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
