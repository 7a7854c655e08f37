#!/usr/bin/env python3
"""The load client and ledger check of the cluster test (scripts/cluster-test.sh runs it).

    cluster_load.py run     signs in as several focal points, mixes reads and saves through nginx
                            for N seconds with W threads, SIGKILLs one serve process at --kill-at
                            and restarts it at --restart-at, and writes every request to a ledger
    cluster_load.py verify  checks the ledger against PostgreSQL (answer_history, answers) and the
                            nginx access log, prints the summary, exits 1 on a lost write or an
                            unexcused 5xx (and 3 when its own negative control does not fail)

Python standard library only (http.client, threads); psql for reading the database.

What counts:
- A save (PUT, compare-and-set on baseVersion) answered 200 says "stored as version v". It must be
  in answer_history with that report, question, version and value; and the current answer (table
  answers) must be the save with the highest acknowledged version, or a later save whose answer
  the client did not get as a 200 (a 5xx, a broken connection, or a 409 after nginx passed the PUT
  on from a dying process) but which is in answer_history: it committed. Two saves both
  acknowledged as version v of one answer is a lost update (one overwrote the other without a
  conflict); so is any version stored twice in answer_history. A 409 is a refused save, not a
  lost one.
- A comment (POST) answered 201 must be in question_comments with its id, question and text, and
  no comment text may be stored twice (nginx must never send a POST again).
- A 5xx (or a transport error) is excused only when the request started before the killed process
  was gone (SIGKILL sent and its sockets not yet closed: nginx may hand a request to a process the
  kernel is tearing down, on a kept-alive connection, and must not send a POST twice), ended after
  the SIGKILL and at most --excuse-seconds later, and nginx's log shows it was being answered by the
  killed process, and it is nginx's 502 or 504 or a broken connection (never an answer the
  application gave, such as a 500). Every other 5xx fails the test, as does any status other than 200/409 for a
  save, 201 for a comment and 200 for a read.
- The checks run once more on a ledger with a made-up acknowledged save, a changed value and a
  made-up comment: they must report them (exit 3 otherwise).
"""
import argparse
import csv
import http.client
import io
import json
import math
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter, defaultdict
from http.cookies import SimpleCookie
from urllib.parse import urlencode, urlsplit


# --------------------------------------------------------------------------------------------
# HTTP client: one keep-alive connection and one cookie jar per simulated user.

class Client:
    def __init__(self, base, timeout=30.0):
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port or 80
        self.timeout = timeout
        self.conn = None
        self.cookies = {}
        self.token = None

    def request(self, method, path, body=None, headers=None, request_id=None):
        """Returns (status, body bytes, headers); raises on a transport error."""
        hdrs = {"Accept-Language": "en"}
        if self.cookies:
            hdrs["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if request_id:
            hdrs["X-Cluster-Request"] = request_id
        hdrs.update(headers or {})
        if isinstance(body, str):
            body = body.encode()
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            self.conn.request(method, path, body=body, headers=hdrs)
            resp = self.conn.getresponse()
            data = resp.read()
        except Exception:
            # Never sent again: the outcome of a save whose answer was lost is unknown.
            self.close()
            raise
        for name, value in resp.getheaders():
            if name.lower() == "set-cookie":
                jar = SimpleCookie()
                jar.load(value)
                for key, morsel in jar.items():
                    self.cookies[key] = morsel.value
        if (resp.getheader("Connection") or "").lower() == "close":
            self.close()
        return resp.status, data, dict((k.lower(), v) for k, v in resp.getheaders())

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:
                pass
        self.conn = None


class SetupError(Exception):
    pass


def expect(status, wanted, what, body=b""):
    if status not in wanted:
        raise SetupError(f"{what}: answered {status}, expected {sorted(wanted)}: {body[:300]!r}")


def sign_in(client, email, password):
    status, body, _ = client.request("GET", "/sign-in")
    expect(status, {200}, "GET /sign-in", body)
    csrf = client.cookies.get("synergia-csrf")
    if not csrf:
        raise SetupError("GET /sign-in set no synergia-csrf cookie")
    form = urlencode({"email": email, "password": password, "_csrf": csrf})
    status, body, _ = client.request("POST", "/sign-in", form, {"Content-Type": "application/x-www-form-urlencoded"})
    expect(status, {303}, f"POST /sign-in as {email}", body)
    status, body, _ = client.request("GET", "/api/v1/me")
    expect(status, {200}, "GET /api/v1/me after sign-in", body)
    form = urlencode({"name": f"cluster-test {uuid.uuid4().hex[:8]}", "_csrf": csrf})
    status, body, _ = client.request("POST", "/account/tokens", form, {"Content-Type": "application/x-www-form-urlencoded"})
    expect(status, {200, 201}, "POST /account/tokens", body)
    match = re.search(rb'<code id="new-token">([^<]+)</code>', body)
    if not match:
        raise SetupError("POST /account/tokens: no <code id=\"new-token\"> in the page")
    client.token = match.group(1).decode()


def bearer(client):
    return {"Authorization": f"Bearer {client.token}"}


# --------------------------------------------------------------------------------------------
# run

def text_questions(template_path):
    """Short- and long-text questions that store their own answer (no shared element, no indicator)."""
    with open(template_path, encoding="utf-8") as f:
        template = json.load(f)
    found = []
    for section in template["sections"]:
        for q in section["questions"]:
            if q["type"] in ("shortText", "longText") and not q.get("element") and not q.get("indicator"):
                found.append((q["id"], q["type"]))
    return template["id"], found


class Run:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.ledger = open(os.path.join(args.out, "ledger.jsonl"), "w", encoding="utf-8")
        self.events = {}
        self.load_start = None
        self.deadline = None
        self.stop = threading.Event()
        self.inflight = Counter()

    def record(self, entry):
        line = json.dumps(entry, ensure_ascii=False)
        with self.lock:
            self.ledger.write(line + "\n")

    def timed(self, client, worker, seq, kind, method, path, body=None, headers=None, extra=None):
        rid = f"w{worker}-{seq}"
        entry = {"id": rid, "worker": worker, "kind": kind, "method": method, "path": path}
        if extra:
            entry.update(extra)
        with self.lock:
            self.inflight[method] += 1
        t0 = time.time()
        m0 = time.monotonic()
        status, data, error = None, b"", None
        try:
            status, data, _ = client.request(method, path, body, headers, request_id=rid)
        except Exception as e:  # a transport error: the outcome is unknown
            error = f"{type(e).__name__}: {e}"
        finally:
            with self.lock:
                self.inflight[method] -= 1
        entry["ms"] = round((time.monotonic() - m0) * 1000, 2)
        entry["t0"], entry["t1"] = t0, t0 + entry["ms"] / 1000
        entry["status"] = status
        if error:
            entry["error"] = error
        return entry, status, data

    def setup(self):
        args = self.args
        accounts = []
        with open(args.accounts, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    email, password, party = line.rstrip("\n").split("\t")
                    accounts.append((email, password, party))
        template_id, questions = text_questions(args.template)
        if len(questions) < args.questions:
            raise SetupError(f"{args.template} has only {len(questions)} own text questions")
        probe = Client(args.base)
        sign_in(probe, accounts[0][0], accounts[0][1])
        status, body, _ = probe.request("GET", "/api/v1/reporting-cycles")
        expect(status, {200}, "GET /api/v1/reporting-cycles", body)
        cycles = [c for c in json.loads(body) if c["template"] == template_id and c["status"] == "open"]
        if not cycles:
            raise SetupError(f"no open {template_id} cycle (was `seed --demo` run?)")
        cycle = cycles[0]["id"]
        rng = random.Random(args.seed)
        reports = {}
        workers = []
        for w in range(args.workers):
            email, password, party = accounts[w % len(accounts)]
            client = Client(args.base)
            sign_in(client, email, password)   # every worker its own session and token
            if party not in reports:
                status, body, _ = client.request("POST", f"/api/v1/reporting-cycles/{cycle}/reports", b"{}",
                                                 {**bearer(client), "Content-Type": "application/json"})
                expect(status, {200, 201}, f"start {party}'s report", body)
                report = json.loads(body)
                if report["party"] != party:
                    raise SetupError(f"{email} started a report of {report['party']}, not {party}")
                # The workers of one Party share a small pool of questions, so their saves meet.
                pool = rng.sample(questions, args.questions)
                reports[party] = (report["id"], pool)
            report_id, pool = reports[party]
            workers.append({"worker": w, "email": email, "party": party, "client": client, "report": report_id, "pool": pool})
        with open(os.path.join(self.args.out, "setup.json"), "w") as f:
            json.dump({"cycle": cycle, "template": template_id,
                       "reports": {p: {"id": r, "questions": [q for q, _ in pool]} for p, (r, pool) in reports.items()},
                       "workers": [{k: v for k, v in w.items() if k != "client"} for w in workers]}, f, indent=1)
        return workers

    def worker(self, spec):
        try:
            self.work(spec)
        except Exception as e:   # a bug of this client, not of the server: say so and fail
            self.events.setdefault("client_errors", []).append(f"worker {spec['worker']}: {type(e).__name__}: {e}")

    def work(self, spec):
        a = self.args
        w, client, report, pool = spec["worker"], spec["client"], spec["report"], spec["pool"]
        rng = random.Random(a.seed * 1000 + w)
        known = {}          # question -> the version this user last saw
        seq = 0
        auth_json = {**bearer(client), "Content-Type": "application/json"}
        while time.time() < self.deadline:
            seq += 1
            r = rng.random()
            if r < a.write_ratio and rng.random() < a.comment_ratio:
                # A POST (not idempotent: nginx never sends it twice) that adds a comment.
                qid, _ = rng.choice(pool)
                text = f"cluster comment {spec['party']} w{w}-{seq} {uuid.uuid4().hex[:12]}"
                entry, status, data = self.timed(client, w, seq, "comment", "POST", f"/api/v1/reports/{report}/comments/{qid}",
                                                 json.dumps({"text": text}).encode(), auth_json,
                                                 {"report": report, "question": qid, "text": text})
                if status == 201:
                    try:
                        entry["comment"] = json.loads(data).get("id")
                    except ValueError:
                        entry["bad_json"] = True
            elif r < a.write_ratio:
                qid, qtype = rng.choice(pool)
                base = known.get(qid, 0)
                stale = False
                if base > 0 and rng.random() < a.stale_ratio:
                    base, stale = base - 1, True
                value = {"type": qtype, "value": f"cluster {spec['party']} w{w}-{seq} {uuid.uuid4().hex[:12]}"}
                body = json.dumps({"value": value, "baseVersion": base}).encode()
                entry, status, data = self.timed(client, w, seq, "save", "PUT", f"/api/v1/reports/{report}/answers/{qid}",
                                                 body, auth_json, {"report": report, "question": qid, "value": value,
                                                                   "base": base, "stale": stale})
                try:
                    payload = json.loads(data) if data else None
                except ValueError:
                    payload = None
                if status == 200 and isinstance(payload, dict):
                    entry["version"] = payload.get("version")
                    entry["echo"] = payload.get("value") == value
                    known[qid] = payload.get("version", base)
                elif status == 409 and isinstance(payload, dict):
                    entry["theirs"] = payload.get("theirs", {}).get("version")
                    known[qid] = entry["theirs"] or known.get(qid, 0)
            else:
                pick = rng.random()
                if pick < 0.6:
                    entry, status, data = self.timed(client, w, seq, "read-report-json", "GET", f"/api/v1/reports/{report}")
                    if status == 200:
                        try:
                            for answer in json.loads(data).get("answers", []):
                                known[answer["question"]] = answer["version"]
                        except ValueError:
                            entry["bad_json"] = True
                elif pick < 0.8:
                    entry, status, data = self.timed(client, w, seq, "read-report-html", "GET", f"/reports/{report}")
                elif pick < 0.9:
                    entry, status, data = self.timed(client, w, seq, "read-cycles", "GET", "/api/v1/reporting-cycles")
                else:
                    entry, status, data = self.timed(client, w, seq, "read-public", "GET", "/parties?region=african")
            if entry.get("status") is None or entry["status"] >= 500:
                entry["body"] = data[:300].decode("utf-8", "replace") if data else ""
            self.record(entry)
            if a.think_ms:
                time.sleep(rng.random() * a.think_ms / 1000)

    def chaos(self):
        """SIGKILL the victim at --kill-at, start it again at --restart-at (same command, same log)."""
        a = self.args
        t_kill = self.load_start + a.kill_at
        while time.time() < t_kill:
            if self.stop.wait(min(0.05, max(0, t_kill - time.time()))):
                return
        # Kill while a few POSTs are in flight (waiting at most 3 s for them), so that the odds are
        # good that one of them is on the victim: nginx never passes a POST on, so it gets a 502.
        while time.time() < t_kill + 3 and self.inflight["POST"] < 3 and not self.stop.is_set():
            time.sleep(0.005)
        with open(a.victim_pidfile) as f:
            pid = int(f.read().strip())
        with self.lock:
            self.events["in_flight_at_kill"] = dict(self.inflight)
        self.events["kill_requested"] = time.time()
        os.kill(pid, signal.SIGKILL)
        self.events["kill"] = time.time()
        self.events["killed_pid"] = pid
        # Wait until the kernel has reaped its sockets: the port refuses connections.
        for _ in range(500):
            try:
                with open(f"/proc/{pid}/stat") as f:
                    if f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X"):
                        break   # a zombie: its sockets are closed; the shell reaps it
            except (FileNotFoundError, ProcessLookupError):
                break
            time.sleep(0.01)
        self.events["killed_gone"] = time.time()
        t_restart = self.load_start + a.restart_at
        while time.time() < t_restart:
            if self.stop.wait(min(0.05, max(0, t_restart - time.time()))):
                return
        log = open(a.victim_log, "ab")
        log.write(f"\n==== restarted by cluster_load.py at {time.time():.3f} ====\n".encode())
        log.flush()
        proc = subprocess.Popen(json.loads(a.victim_cmd), stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)
        self.events["restart"] = time.time()
        self.events["restarted_pid"] = proc.pid
        with open(a.victim_pidfile, "w") as f:
            f.write(f"{proc.pid}\n")
        # When does it answer again (directly, not through nginx)?
        host, port = a.victim_addr.split(":")
        while not self.stop.is_set() and time.time() < self.deadline + 30:
            try:
                c = http.client.HTTPConnection(host, int(port), timeout=1)
                c.request("GET", "/readyz")
                if c.getresponse().status == 200:
                    self.events["restarted_ready"] = time.time()
                    break
            except Exception:
                pass
            if proc.poll() is not None:
                self.events["restart_exit"] = proc.returncode
                break
            time.sleep(0.1)

    def main(self):
        a = self.args
        t = time.time()
        workers = self.setup()
        self.events["setup_seconds"] = round(time.time() - t, 2)
        self.load_start = time.time()
        self.deadline = self.load_start + a.seconds
        self.events["load_start"] = self.load_start
        threads = [threading.Thread(target=self.worker, args=(w,), daemon=True) for w in workers]
        chaos = threading.Thread(target=self.chaos, daemon=True)
        for th in threads:
            th.start()
        if a.kill_at >= 0:
            chaos.start()
        for th in threads:
            th.join()
        self.events["load_end"] = time.time()
        if chaos.is_alive():
            chaos.join(timeout=35)
        self.stop.set()
        self.ledger.close()
        with open(os.path.join(a.out, "events.json"), "w") as f:
            json.dump(self.events, f, indent=1)
        for w in workers:
            w["client"].close()
        if self.events.get("client_errors"):
            print("cluster_load: the client itself failed:", *self.events["client_errors"], sep="\n  ", file=sys.stderr)
            return 2
        missing = [k for k in ("kill", "restart") if a.kill_at >= 0 and k not in self.events]
        if missing:
            print(f"cluster_load: the {' and '.join(missing)} did not happen", file=sys.stderr)
            return 2
        return 0


# --------------------------------------------------------------------------------------------
# verify

def as_sent(value):
    """A stored answer as the load sent it: its type and value. The server adds what the client
    did not say, such as the language a text was written in (the one the request names)."""
    return {k: value[k] for k in ("type", "value") if k in value}


def psql_csv(url, sql):
    out = subprocess.run(["psql", url, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", f"COPY ({sql}) TO STDOUT WITH CSV"],
                         check=True, capture_output=True, text=True).stdout
    return list(csv.reader(io.StringIO(out)))


def load_nginx_log(path):
    """request id -> (status, [upstream addresses tried])."""
    found = {}
    if not path or not os.path.exists(path):
        return found
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            parts = line.split(" ")
            if len(parts) < 3 or parts[1] == "-":
                continue
            m = re.search(r"upstream=(.*?) upstream_status=", line)
            ups = [u.strip() for u in re.split(r"[,:] (?=\S)", m.group(1))] if m else []
            ups = [u for u in ups if u and u != "-"]
            found[parts[1]] = (parts[2], ups)
    return found


def percentile(values, p):
    if not values:
        return float("nan")
    values = sorted(values)
    return values[max(0, min(len(values) - 1, math.ceil(p / 100 * len(values)) - 1))]


def check_writes(entries, history, current):
    """The ledger against the database. Returns (verified, lost list, notes)."""
    lost, notes = [], Counter()
    by_key = defaultdict(list)
    for e in entries:
        if e["kind"] == "save":
            by_key[(e["report"], e["question"])].append(e)
    verified = 0
    for key, saves in by_key.items():
        acked = [e for e in saves if e.get("status") == 200]
        unknown = [e for e in saves if e.get("status") is None or e["status"] >= 500]
        hist = history.get(key, {})   # version -> [values]
        stored = [v for vs in hist.values() for v in vs]
        for e in unknown:
            if e["value"] in stored:
                notes["saves answered 5xx/no answer that had committed"] += 1
        refused = [e for e in saves if e.get("status") == 409 and e["value"] in stored]
        # A PUT is idempotent for nginx: when its process dies mid-request nginx passes it to the
        # next one, where its own baseVersion is now stale: a 409 for a save that did commit.
        notes["saves answered 409 that had committed (PUT passed on by nginx)"] += len(refused)
        unknown = unknown + refused
        ok = set()
        for e in acked:
            if e.get("version") is None:
                lost.append((e, "200 without a version in its body"))
            elif e["version"] != e["base"] + 1:
                lost.append((e, f"acknowledged as version {e['version']} on baseVersion {e['base']}: compare-and-set broken"))
            elif e["value"] not in hist.get(e["version"], []):
                lost.append((e, f"not in answer_history as version {e['version']} with its value"))
            else:
                ok.add(e["id"])
        by_version = defaultdict(list)
        for e in acked:
            if e["id"] in ok:
                by_version[e["version"]].append(e)
        cur = current.get(key)
        for version, group in by_version.items():
            if len(group) > 1:
                keep = next((e for e in group if cur and cur[0] == version and cur[1] == e["value"]), group[0])
                for e in group:
                    if e is not keep:
                        ok.discard(e["id"])
                        lost.append((e, f"acknowledged as version {version}, as was {keep['id']}: one overwrote the other "
                                        f"without a conflict (lost update)"))
        for version, values in hist.items():
            if len(values) > 1:
                notes["DUPLICATE VERSIONS in answer_history"] += 1
        if acked:
            vmax = max(e["version"] for e in acked if e.get("version") is not None)
            last = [e for e in acked if e.get("version") == vmax]
            if cur is None:
                for e in last:
                    ok.discard(e["id"])
                    lost.append((e, "no current answer in table answers"))
            elif cur[0] < vmax:
                for e in last:
                    ok.discard(e["id"])
                    lost.append((e, f"current answer is version {cur[0]}, below acknowledged {vmax}"))
            elif cur[0] == vmax:
                if not any(cur[1] == e["value"] for e in last):
                    for e in last:
                        ok.discard(e["id"])
                        lost.append((e, f"current answer at version {vmax} is not the acknowledged value"))
            else:
                if any(cur[1] == e["value"] for e in unknown):
                    notes["current answers from a save whose answer was lost (committed)"] += 1
                else:
                    for e in last:
                        ok.discard(e["id"])
                        lost.append((e, f"current answer version {cur[0]} > acknowledged {vmax} and is no save of the ledger"))
        elif cur is not None and not any(cur[1] == e["value"] for e in unknown):
            notes["current answers that no save of the ledger made"] += 1
        verified += len(ok)
    first = {}
    for e, reason in lost:
        first.setdefault(e["id"], (e, reason))
    return verified, list(first.values()), notes


def check_comments(entries, stored):
    """Comments answered 201 against question_comments (id -> (report, question, text))."""
    lost, notes = [], Counter()
    texts = Counter(text for _, _, text in stored.values())
    verified = 0
    for e in entries:
        if e["kind"] != "comment":
            continue
        if e.get("status") == 201:
            row = stored.get(str(e.get("comment") or "").lower())
            if row == (e["report"], e["question"], e["text"]):
                verified += 1
            else:
                lost.append((e, "comment acknowledged (201) but not stored with its text"))
        elif (e.get("status") is None or e["status"] >= 500) and texts[e["text"]]:
            notes["comments answered 5xx/no answer that had committed"] += 1
    twice = sum(1 for text, n in texts.items() if n > 1 and text.startswith("cluster comment"))
    return verified, lost, notes, twice


def verify(args):
    entries = []
    with open(os.path.join(args.out, "ledger.jsonl"), encoding="utf-8") as f:
        for line in f:
            entry = json.loads(line)
            if "report" in entry:   # Swift writes UUIDs in capitals, PostgreSQL in small letters
                entry["report"] = entry["report"].lower()
            entries.append(entry)
    with open(os.path.join(args.out, "events.json")) as f:
        events = json.load(f)
    with open(os.path.join(args.out, "setup.json")) as f:
        setup = json.load(f)
    report_ids = sorted({r["id"].lower() for r in setup["reports"].values()})
    in_list = ",".join(f"'{r}'" for r in report_ids)
    history = defaultdict(lambda: defaultdict(list))
    for report, question, version, value in psql_csv(
            args.database_url, f"SELECT report_id, question_id, version, value FROM answer_history WHERE report_id IN ({in_list})"):
        history[(report, question)][int(version)].append(as_sent(json.loads(value)))
    current = {}
    for report, question, version, value in psql_csv(
            args.database_url, f"SELECT report_id, question_id, version, value FROM answers WHERE report_id IN ({in_list})"):
        current[(report, question)] = (int(version), as_sent(json.loads(value)))

    verified, lost, notes = check_writes(entries, history, current)
    comments = {}
    for cid, report, question, text in psql_csv(
            args.database_url, f"SELECT id, report_id, question_id, text FROM question_comments WHERE report_id IN ({in_list})"):
        comments[cid.lower()] = (report, question, text)
    comments_verified, comments_lost, comment_notes, comments_twice = check_comments(entries, comments)
    lost += comments_lost
    notes.update(comment_notes)

    # Negative control: the same check must fail on a ledger with a save the database never
    # stored, and on one whose acknowledged value was changed. A check that cannot fail is no check.
    acked = [e for e in entries if e["kind"] == "save" and e.get("status") == 200 and e.get("version")]
    control_ok = True
    if acked:
        fake = dict(acked[-1], id="control-1", version=acked[-1]["version"] + 1000, base=acked[-1]["version"] + 999,
                    value={"type": acked[-1]["value"]["type"], "value": "never sent"})
        _, lost1, _ = check_writes(entries + [fake], history, current)
        changed = [dict(e) for e in entries]
        target = next(e for e in changed if e["id"] == acked[0]["id"])
        target["value"] = {"type": target["value"]["type"], "value": target["value"]["value"] + " (changed)"}
        _, lost2, _ = check_writes(changed, history, current)
        fake_comment = {"id": "control-3", "kind": "comment", "status": 201, "comment": str(uuid.uuid4()),
                        "report": acked[0]["report"], "question": acked[0]["question"], "text": "never sent"}
        _, lost3, _, _ = check_comments(entries + [fake_comment], comments)
        control_ok = len(lost1) > len(lost) - len(comments_lost) and len(lost2) > len(lost) - len(comments_lost) \
            and len(lost3) > len(comments_lost)
    else:
        control_ok = False

    # 5xx and transport errors.
    nginx = load_nginx_log(args.nginx_log)
    kill = events.get("kill")
    gone = events.get("killed_gone", kill)
    excused, unexcused = [], []
    for e in entries:
        if e.get("status") is not None and e["status"] < 500:
            continue
        tried = nginx.get(e["id"], (None, []))[1]
        on_victim = bool(tried) and tried[-1] == args.victim_addr
        # Only what a killed process can cause: nginx's 502/504 or a broken connection (an answer
        # the application itself gave, such as a 500, is never excused).
        if (kill is not None and e.get("status") in (None, 502, 504)
                and e["t0"] <= gone and kill <= e["t1"] and e["t1"] - kill <= args.excuse_seconds
                and (on_victim or (not nginx and e.get("status") == 502))):
            excused.append(e)
        else:
            unexcused.append((e, tried))
    expected = {"save": {200, 409}, "comment": {201}}
    unexpected = Counter()
    for e in entries:
        ok = expected.get(e["kind"], {200})
        if e.get("status") is not None and e["status"] < 500 and e["status"] not in ok:
            unexpected[(e["kind"], e["status"])] += 1

    duplicates = notes.get("DUPLICATE VERSIONS in answer_history", 0)
    # Summary.
    start, end = events["load_start"], events["load_end"]
    duration = end - start
    print()
    print(f"load: {len(entries)} requests in {duration:.1f} s through nginx ({len(entries) / duration:.1f} req/s), "
          f"{len(setup['workers'])} workers, {len(setup['reports'])} focal points / reports, setup {events.get('setup_seconds')} s")
    iso = lambda t: time.strftime("%H:%M:%S", time.gmtime(t)) + f".{int(t * 1000) % 1000:03d}Z" if t else "-"
    if kill:
        print(f"SIGKILL at {iso(kill)}, restart at {iso(events.get('restart'))}, ready at {iso(events.get('restarted_ready'))} "
              f"(load {iso(start)} .. {iso(end)})")
        print(f"SIGKILL {args.victim_addr} (pid {events.get('killed_pid')}) at t={kill - start:.2f} s "
              f"(requests in flight through nginx: {events.get('in_flight_at_kill')}); "
              f"restarted (pid {events.get('restarted_pid')}) at t={events.get('restart', float('nan')) - start:.2f} s, "
              f"answering /readyz at t={events.get('restarted_ready', float('nan')) - start:.2f} s")
        after = sum(1 for e in entries if e["id"] in nginx and nginx[e["id"]][1][-1:] == [args.victim_addr]
                    and e["t0"] > events.get("restarted_ready", float("inf")))
        print(f"requests answered by the restarted process after it came back: {after}")
    print()
    kinds = sorted({e["kind"] for e in entries})
    statuses = sorted({str(e.get("status")) for e in entries})
    head = f"{'kind':<18}" + "".join(f"{s:>7}" for s in statuses) + f"{'total':>8}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}"
    print(head)
    print("-" * len(head))
    for kind in kinds + ["all"]:
        rows = [e for e in entries if kind == "all" or e["kind"] == kind]
        counts = Counter(str(e.get("status")) for e in rows)
        ms = [e["ms"] for e in rows]
        print(f"{kind:<18}" + "".join(f"{counts.get(s, 0):>7}" for s in statuses)
              + f"{len(rows):>8}{len(rows) / duration:>8.1f}{percentile(ms, 50):>9.1f}{percentile(ms, 99):>9.1f}")
    print()
    saves = [e for e in entries if e["kind"] == "save"]
    rows = [
        ("saves sent", len(saves)),
        ("saves acknowledged (200)", sum(1 for e in saves if e.get("status") == 200)),
        ("saves refused as conflicts (409)", sum(1 for e in saves if e.get("status") == 409)),
        ("  of which sent with a deliberately stale baseVersion", sum(1 for e in saves if e.get("status") == 409 and e.get("stale"))),
        ("saves verified in PostgreSQL (history and current answer)", verified),
        ("comments sent (POST)", sum(1 for e in entries if e["kind"] == "comment")),
        ("comments acknowledged (201)", sum(1 for e in entries if e["kind"] == "comment" and e.get("status") == 201)),
        ("comments verified in PostgreSQL", comments_verified),
        ("COMMENTS STORED TWICE (a POST repeated; must be 0)", comments_twice),
        ("LOST WRITES (must be 0)", len(lost)),
        ("5xx / transport errors", sum(1 for e in entries if e.get("status") is None or e["status"] >= 500)),
        ("  excused: in flight on the killed process", len(excused)),
        ("  UNEXCUSED (must be 0)", len(unexcused)),
        ("unexpected 4xx (must be 0)", sum(unexpected.values())),
    ]
    rows.append(("DUPLICATE VERSIONS in answer_history (must be 0)", notes.pop("DUPLICATE VERSIONS in answer_history", 0)))
    for note, n in sorted(notes.items()):
        rows.append((note, n))
    for label, n in rows:
        print(f"{label:<56}{n:>8}")
    print(f"{'verifier negative control (a fake save is caught)':<56}{'ok' if control_ok else 'FAILED':>8}")
    if lost:
        print("\nlost writes (first 15):")
        reasons = Counter(reason.split(":")[0] if "lost update" not in reason else "overwritten without a conflict (lost update)"
                          for _, reason in lost)
        for reason, n in reasons.most_common():
            print(f"  {n:>5}  {reason}")
        for e, reason in lost[:15]:
            print(f"  {e['id']} {e['kind']} {e['question']} base={e.get('base')} version={e.get('version')} "
                  f"at t={e['t0'] - start:.2f}s: {reason}")
    if unexcused:
        print("\nunexcused 5xx / errors (first 15):")
        def reason(e):
            try:
                return json.loads(e.get("body") or "").get("reason", "")[:120]
            except (ValueError, AttributeError):
                return (e.get("body") or e.get("error") or "")[:120]
        by = Counter((e["kind"], e.get("status"), reason(e)) for e, _ in unexcused)
        for (kind, status, body), n in by.most_common(10):
            print(f"  {n:>5}  {kind} {status} {body!r}")
        for e, tried in unexcused[:15]:
            print(f"  {e['id']} {e['method']} {e['path']} -> {e.get('status')} at t={e['t0'] - start:.2f}..{e['t1'] - start:.2f}s "
                  f"upstream={','.join(tried) or '?'} {e.get('error', '')}")
    if unexpected:
        print("\nunexpected statuses:", dict(unexpected))
    summary = {"duplicates": duplicates, "comments_twice": comments_twice, "comments_verified": comments_verified, "requests": len(entries), "seconds": duration, "lost": len(lost), "verified": verified,
               "excused": len(excused), "unexcused": len(unexcused), "unexpected": sum(unexpected.values()),
               "control_ok": control_ok}
    with open(os.path.join(args.out, "summary.json"), "w") as f:
        json.dump(summary, f, indent=1)
    if not control_ok:
        print("\nthe verifier's negative control did not fail: the ledger check is broken", file=sys.stderr)
        return 3
    return 1 if lost or unexcused or unexpected or duplicates or comments_twice else 0


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run")
    r.add_argument("--base", required=True)
    r.add_argument("--accounts", required=True, help="TSV: email, password, Party")
    r.add_argument("--template", required=True, help="the template JSON of the open cycle to write to")
    r.add_argument("--out", required=True)
    r.add_argument("--seconds", type=float, default=70)
    r.add_argument("--workers", type=int, default=16)
    r.add_argument("--questions", type=int, default=6, help="questions per report (shared by its workers)")
    r.add_argument("--write-ratio", type=float, default=0.5)
    r.add_argument("--stale-ratio", type=float, default=0.05)
    r.add_argument("--comment-ratio", type=float, default=0.25, help="share of writes that are comments (POST)")
    r.add_argument("--think-ms", type=float, default=0)
    r.add_argument("--seed", type=int, default=7)
    r.add_argument("--kill-at", type=float, default=20, help="seconds after the load starts; negative: no kill")
    r.add_argument("--restart-at", type=float, default=30)
    r.add_argument("--victim-pidfile")
    r.add_argument("--victim-cmd", help="JSON argv that restarts the victim")
    r.add_argument("--victim-log")
    r.add_argument("--victim-addr")
    v = sub.add_parser("verify")
    v.add_argument("--out", required=True)
    v.add_argument("--database-url", required=True)
    v.add_argument("--nginx-log")
    v.add_argument("--victim-addr", required=True)
    v.add_argument("--excuse-seconds", type=float, default=5)
    args = p.parse_args()
    if args.command == "run":
        try:
            return Run(args).main()
        except SetupError as e:
            print(f"cluster_load: setup failed: {e}", file=sys.stderr)
            return 2
    return verify(args)


if __name__ == "__main__":
    sys.exit(main())
