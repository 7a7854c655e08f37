"""How long an import of many indicator rows holds up other writes.

Starts `synergia serve --demo` (SYNERGIA_BIN, default .build/debug/synergia) on a new SQLite file,
signs in as the demo CBD focal point (Kenya), makes an API token, then imports ROWS generated rows
(default 60,000) of indicator data for Kenya through the API while another client saves an answer
of Kenya's Ramsar report every 50 ms. Prints the import's time and the saves' latency during it
(p50, p99, max). Run:  python3 Benchmarks/scripts/import_blocking.py   (figures in BENCHMARKS.md)
"""
import http.cookiejar, json, os, re, shutil, socket, statistics, subprocess, sys, tempfile, threading, time, urllib.parse, urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BIN = os.environ.get("SYNERGIA_BIN", os.path.join(ROOT, ".build", "debug", "synergia"))
ROWS = int(os.environ.get("ROWS", "60000"))

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0)); return s.getsockname()[1]

class Client:
    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())
        self.token = None
    def csrf(self):
        return next(c.value for c in self.jar if c.name == "synergia-csrf")
    def request(self, method, path, data=None, headers=None):
        req = urllib.request.Request(self.base + path, data=data, method=method, headers=headers or {})
        try:
            with self.opener.open(req, timeout=600) as r: return r.status, r.read().decode()
        except urllib.error.HTTPError as e: return e.code, e.read().decode()
    def form(self, path, fields):
        if not any(c.name == "synergia-csrf" for c in self.jar): self.request("GET", "/sign-in")
        fields = dict(fields, _csrf=self.csrf())
        return self.request("POST", path, urllib.parse.urlencode(fields).encode(), {"Content-Type": "application/x-www-form-urlencoded"})
    def api(self, method, path, body, content_type="application/json"):
        return self.request(method, path, body.encode(), {"Content-Type": content_type, "Authorization": "Bearer " + self.token})
    def sign_in_with_token(self, email):
        status, _ = self.form("/sign-in", {"email": email, "password": "synergia-demo"})
        assert status == 303, status
        _, page = self.form("/account/tokens", {"name": "bench"})
        self.token = re.search(r'<code id="new-token">([^<]+)</code>', page).group(1)

class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k): return None

def main():
    work = tempfile.mkdtemp()
    port = free_port()
    env = dict(os.environ, SYNERGIA_DB=os.path.join(work, "s.sqlite"), SYNERGIA_OUTBOX=os.path.join(work, "outbox"))
    server = subprocess.Popen([BIN, "serve", "--demo", "--port", str(port)], env=env, stdout=open(os.environ.get("BENCH_LOG", os.path.join(work, "log")), "w"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try: urllib.request.urlopen(base + "/readyz", timeout=1); break
            except OSError: time.sleep(0.5)
        importer, saver = Client(base), Client(base)
        importer.sign_in_with_token("focal-point@demo.synergia.example")
        saver.sign_in_with_token("ramsar-focal-point@demo.synergia.example")
        status, cycles = saver.request("GET", "/api/v1/reporting-cycles")
        ramsar = next(c for c in json.loads(cycles) if c["template"] == "ramsar-nr-cop15")
        status, report = saver.api("POST", f"/api/v1/reporting-cycles/{ramsar['id']}/reports", "")
        report_id = json.loads(report)["id"]
        lines = ["party,indicator,period,value,unit,lower,upper,disaggregation,source,comment"]
        for n in range(ROWS):
            lines.append(f"KE,3.1,{1950 + n % 150},{n / 7:.3f},percent,,,subnational_area=a{n // 150},bench,")
        body = "\n".join(lines) + "\n"
        latencies, stop, version = [], threading.Event(), [0]
        def save_loop():
            n = 0
            while not stop.is_set():
                n += 1
                value = json.dumps({"value": {"type": "longText", "value": f"save {n}"}, "baseVersion": version[0]})
                t = time.perf_counter()
                status, answer = saver.api("PUT", f"/api/v1/reports/{report_id}/answers/ramsar-nr.s2.q1", value)
                latencies.append((time.perf_counter() - t) * 1000)
                if status == 200: version[0] = json.loads(answer)["version"]
                time.sleep(0.05)
        thread = threading.Thread(target=save_loop); thread.start()
        time.sleep(1)
        baseline = list(latencies)
        t = time.perf_counter()
        status, result = importer.api("POST", "/api/v1/indicators/import?format=plain", body, "text/csv")
        took = time.perf_counter() - t
        during = latencies[len(baseline):]
        stop.set(); thread.join()
        q = sorted(during)
        print(f"import of {ROWS} rows ({len(body) / 1e6:.1f} MB): {status}, {took:.1f} s")
        print(f"saves during the import: {len(q)}, p50 {statistics.median(q):.0f} ms, p99 {q[int(len(q) * 0.99) - 1]:.0f} ms, max {q[-1]:.0f} ms")
        print(f"saves before it: p50 {statistics.median(baseline):.0f} ms")
    finally:
        server.terminate(); server.wait(timeout=30); shutil.rmtree(work, ignore_errors=True)

if __name__ == "__main__":
    main()
