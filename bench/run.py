#!/usr/bin/env python3
"""tokendesk benchmarks: one command, one table.

Measures on loopback, with wrk sharing the machine's cores:
  * /v1/auth/check against nginx auth_basic holding the same credential (the reference), in
    interleaved rounds: median req/s and p99 of each, and their ratio. SQLite with one node, and
    PostgreSQL with two nodes (each node measured against the reference);
  * reset latency p50/p99 with 1,000 integrations on the account: while the JIT still compiles the
    reset path (resets 4–33), and in steady state (30 resets after 93);
  * webhook deliveries per second to a local receiver (nginx answering 204);
  * time from process start to /health/ready (medians of --starts first starts, each creating its
    database, and of as many restarts on an existing one), and resident memory after the load.

Usage: python3 bench/run.py [--java PATH] [--rounds N] [--seconds S] [--skip-postgres]
                           [--jvm-opt FLAG]... [--no-class-archive] [--starts N]

The nodes run as the deployment docs run them: with the class data archive that
`java <flags> -jar tokendesk.jar class-archive FILE` writes first (--no-class-archive: without).
One more start without it is measured too.
Needs: the jar (mvn -q package -DskipTests), nginx, wrk, and for the PostgreSQL part a server at
TOKENDESK_BENCH_POSTGRES (default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres).
"""
import argparse
import base64
import hashlib
import http.cookiejar
import json
import os
import re
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "token-web", "target", "tokendesk.jar")
ADMIN = ("bench@example.com", "a long benchmark password")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Node:
    """A tokendesk process."""

    def __init__(self, java, env_extra, data_dir, jvm_opts=()):
        self.port = free_port()
        env = dict(os.environ)
        env.update({
            "TOKENDESK_HTTP_PORT": str(self.port),
            "TOKENDESK_DATA_DIR": data_dir,
            "TOKENDESK_BOOTSTRAP_ADMIN_EMAIL": ADMIN[0],
            "TOKENDESK_BOOTSTRAP_ADMIN_PASSWORD": ADMIN[1],
            "TOKENDESK_WEBHOOK_ALLOW_PRIVATE_NETWORKS": "true",
            "TOKENDESK_CHECK_FAILURE_LIMIT": "1000000",
        })
        env.update(env_extra)
        self.log = open(os.path.join(data_dir, "node-%d.log" % self.port), "w")
        started = time.monotonic()
        self.proc = subprocess.Popen([java] + list(jvm_opts) + ["-jar", JAR], env=env, stdout=self.log,
                                     stderr=subprocess.STDOUT)
        self.url = "http://127.0.0.1:%d" % self.port
        while True:
            try:
                if urllib.request.urlopen(self.url + "/health/ready", timeout=1).status == 200:
                    break
            except OSError:
                pass
            if self.proc.poll() is not None:
                raise SystemExit("tokendesk did not start; see " + self.log.name)
            time.sleep(0.01)
        self.start_to_ready = time.monotonic() - started

    def rss_mib(self):
        with open("/proc/%d/status" % self.proc.pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


class Api:
    """A signed-in session."""

    def __init__(self, url):
        self.url = url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.csrf = self.call("POST", "/api/v1/session", {"email": ADMIN[0], "password": ADMIN[1]})["csrfToken"]

    def call(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.url + path, data=data, method=method)
        req.add_header("Content-Type", "application/json")
        if getattr(self, "csrf", None):
            req.add_header("X-CSRF-Token", self.csrf)
        with self.opener.open(req, timeout=60) as r:
            text = r.read()
            return json.loads(text) if text else None


def wrk(url, header, seconds, connections=50, threads=2):
    out = subprocess.run(["wrk", "-t%d" % threads, "-c%d" % connections, "-d%ds" % seconds, "--latency",
                          "-H", header, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
    factor = {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if non2xx:
        raise SystemExit("wrk saw %s non-2xx answers from %s" % (non2xx.group(1), url))
    return rps, float(p99.group(1)) * factor


def start_nginx(work, sid, token):
    os.makedirs(os.path.join(work, "tmp"), exist_ok=True)
    # nginx's workers drop root: they must be able to read the htpasswd file
    for d in (os.path.dirname(work), work):
        os.chmod(d, 0o755)
    digest = base64.b64encode(hashlib.sha1(token.encode()).digest()).decode()
    with open(os.path.join(work, "htpasswd"), "w") as f:
        f.write("%s:{SHA}%s\n" % (sid, digest))
    port = free_port()
    conf = open(os.path.join(ROOT, "bench", "nginx-reference.conf")).read()
    conf = conf.replace("__DIR__", work).replace("__PORT__", str(port))
    path = os.path.join(work, "nginx.conf")
    with open(path, "w") as f:
        f.write(conf)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    proc = subprocess.Popen([nginx, "-p", work, "-c", path, "-g", "daemon off;"])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen("http://127.0.0.1:%d/hook" % port, timeout=1)
            return proc, port
        except OSError:
            time.sleep(0.05)
    raise SystemExit("nginx did not start")


def account_with_tokens(api):
    sid = api.call("POST", "/api/v1/accounts", {"name": "Bench"})["accountSid"]
    api.call("POST", "/api/v1/accounts/%s/legacy-token" % sid)
    creds = api.call("GET", "/api/v1/accounts/%s/legacy-token/credentials" % sid)
    return sid, creds["readWrite"]["authToken"]


def basic(sid, token):
    return "Authorization: Basic " + base64.b64encode(("%s:%s" % (sid, token)).encode()).decode()


def check_rounds(node_url, nginx_port, header, rounds, seconds):
    # warm up: C2 keeps compiling for the first ~20 s of load on this machine. In pieces, as the
    # rounds come: each wrk run opens new connections, and its first check finds the cache entry
    # expired (the node was idle) and goes to the database; a JIT that never saw those paths
    # during the warm-up throws its compiled check path away at the start of every round
    for _ in range(4):
        wrk(node_url + "/v1/auth/check", header, 5)
        time.sleep(0.2)
    wrk("http://127.0.0.1:%d/check" % nginx_port, header, 3)
    ours, ref = [], []
    for _ in range(rounds):
        ours.append(wrk(node_url + "/v1/auth/check", header, seconds))
        ref.append(wrk("http://127.0.0.1:%d/check" % nginx_port, header, seconds))
    med = lambda xs, i: statistics.median(x[i] for x in xs)
    # each round's own ratio too: a round of ours and the nginx round right after it share the
    # neighbours' load of that moment, so their spread shows how much of a figure is the machine
    return {"rps": med(ours, 0), "p99": med(ours, 1), "ref_rps": med(ref, 0), "ref_p99": med(ref, 1),
            "round_rps_ratios": [o[0] / r[0] for o, r in zip(ours, ref)],
            "round_p99_ratios": [o[1] / r[1] for o, r in zip(ours, ref)]}


def reset_latency(api, sid, hook_url, integrations, resets, warmup, settle):
    """Reset latency in two windows of `resets` resets each: right after `warmup` unmeasured ones
    (the JIT still compiling the reset path), and after `settle` more unmeasured ones (steady
    state, as the check rounds measure after their warm-up). Each window: p50 and p99. And the
    first reset of the node, mostly interpreted."""
    for i in range(integrations):
        api.call("POST", "/api/v1/accounts/%s/integrations" % sid, {
            "name": "int-%d" % i, "ownerName": "Owner", "ownerEmail": "o%d@example.com" % i,
            "webhookUrl": hook_url, "scopes": ["read_write"], "channels": ["webhook"]})
    times = []
    for _ in range(warmup + resets + settle + resets):
        t = time.monotonic()
        answer = api.call("POST", "/api/v1/accounts/%s/legacy-token/read-write/reset" % sid)
        times.append((time.monotonic() - t) * 1000)
        assert answer["noticesQueued"] == integrations, answer["noticesQueued"]

    def p50_p99(window):
        ordered = sorted(window)
        return statistics.median(ordered), ordered[min(len(ordered) - 1, int(round(0.99 * len(ordered))) - 1)]
    early = p50_p99(times[warmup:warmup + resets])
    steady = p50_p99(times[warmup + resets + settle:])
    return early, steady, times[0]


def delivery_rate(db_path, expected, timeout=600):
    """Deliveries per second from the first to the last delivery, read from the SQLite file."""
    deadline = time.monotonic() + timeout
    con = sqlite3.connect("file:%s?mode=ro" % db_path, uri=True)
    while time.monotonic() < deadline:
        done = con.execute("SELECT COUNT(*), MIN(delivered_at), MAX(delivered_at) FROM deliveries "
                           "WHERE status = 'delivered'").fetchone()
        if done[0] >= expected:
            return done[0] / max(0.001, (done[2] - done[1]) / 1000.0)
        time.sleep(0.5)
    raise SystemExit("deliveries did not finish")


def run(args):
    results = {}
    work = tempfile.mkdtemp(prefix="tokendesk-bench-")
    data = os.path.join(work, "sqlite")
    os.makedirs(data)
    if not args.no_class_archive:
        args.archive_option = make_class_archive(args, work)
        results["start_without_archive_s"] = start_without_archive(args, work)
    results["first_start_s"], results["restart_s"] = start_times(args, work, args.starts)
    node = Node(args.java, {}, data, jvm_opts(args))
    try:
        api = Api(node.url)
        sid, token = account_with_tokens(api)
        nginx, nginx_port = start_nginx(os.path.join(work, "nginx"), sid, token)
        try:
            header = basic(sid, token)
            results["sqlite"] = check_rounds(node.url, nginx_port, header, args.rounds, args.seconds)
            hook = "http://127.0.0.1:%d/hook" % nginx_port
            rsid, _ = account_with_tokens(api)
            early, steady, first = reset_latency(api, rsid, hook, args.integrations, args.resets, args.reset_warmup,
                                                 args.reset_settle)
            results["reset_early_ms"], results["reset_steady_ms"], results["reset_first_ms"] = early, steady, first
            results["deliveries_per_s"] = delivery_rate(
                os.path.join(data, "tokendesk.db"),
                args.integrations * (args.reset_warmup + args.resets + args.reset_settle + args.resets))
            results["rss_mib"] = node.rss_mib()
            if not args.skip_postgres:
                results["postgres"] = two_nodes(args, work, nginx_port)
        finally:
            nginx.terminate()
    finally:
        node.stop()
    return results


def jvm_opts(args):
    """The --jvm-opt flags, and the option that uses the class data archive once it is made."""
    return list(args.jvm_opt) + ([args.archive_option] if getattr(args, "archive_option", None) else [])


def make_class_archive(args, work):
    """What the deployment docs do: java <the serving flags> -jar tokendesk.jar class-archive FILE."""
    archive = os.path.join(work, "tokendesk.jsa")
    out = subprocess.run([args.java] + list(args.jvm_opt) + ["-jar", JAR, "class-archive", archive],
                         capture_output=True, text=True, timeout=600)
    if out.returncode != 0:
        raise SystemExit("class-archive failed:\n" + out.stdout + out.stderr)
    return re.search(r"start tokendesk with: java (\S+)", out.stdout).group(1)


def start_times(args, work, n):
    """Medians of n first starts (each on a new data directory: the schema is created and the
    bootstrap operator's password hashed) and of n restarts on one existing data directory."""
    firsts, restarts = [], []
    again = os.path.join(work, "restarts")
    os.makedirs(again)
    for i in range(n):
        d = os.path.join(work, "first-start-%d" % i)
        os.makedirs(d)
        node = Node(args.java, {}, d, jvm_opts(args))
        node.stop()
        firsts.append(node.start_to_ready)
    for i in range(n + 1):
        node = Node(args.java, {}, again, jvm_opts(args))
        node.stop()
        if i > 0:  # the first one created the database
            restarts.append(node.start_to_ready)
    return statistics.median(firsts), statistics.median(restarts)


def start_without_archive(args, work):
    """A first start as the README's run command does it: no class data archive."""
    data = os.path.join(work, "no-archive")
    os.makedirs(data)
    node = Node(args.java, {}, data, list(args.jvm_opt))
    node.stop()
    return node.start_to_ready


def two_nodes(args, work, nginx_port):
    admin_url = os.environ.get("TOKENDESK_BENCH_POSTGRES", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres")
    name = "tokendesk_bench_%d" % os.getpid()
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", "CREATE DATABASE " + name], check=True)
    key = base64.b64encode(os.urandom(32)).decode()
    env = {"TOKENDESK_DB_URL": admin_url.replace("/postgres?", "/%s?" % name), "TOKENDESK_MASTER_KEY": key}
    nodes = []
    try:
        for i in range(2):
            d = os.path.join(work, "pg-%d" % i)
            os.makedirs(d)
            nodes.append(Node(args.java, env, d, jvm_opts(args)))
        api = Api(nodes[0].url)
        sid, token = account_with_tokens(api)
        # the reference must hold this account's credential too
        nginx_dir = os.path.join(work, "nginx-pg")
        nginx, port = start_nginx(nginx_dir, sid, token)
        try:
            header = basic(sid, token)
            return [check_rounds(n.url, port, header, args.rounds, args.seconds) for n in nodes]
        finally:
            nginx.terminate()
    finally:
        for n in nodes:
            n.stop()
        subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-qc", "DROP DATABASE IF EXISTS %s WITH (FORCE)" % name])


def spread(ratios):
    return "%.2f (%.2f–%.2f)" % (statistics.median(ratios), min(ratios), max(ratios))


def table(results, java, args):
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    rows = ["| figure (%s) | measured | reference | ratio | target |" % version, "| --- | --- | --- | --- | --- |"]
    s = results["sqlite"]
    rows.append("| check req/s, SQLite, one node | %.0f | %.0f (nginx auth_basic) | %.2f | ≥ 1.0 |"
                % (s["rps"], s["ref_rps"], s["rps"] / s["ref_rps"]))
    rows.append("| check p99 ms, SQLite, one node | %.2f | %.2f | %.2f | ≤ 2.0 |"
                % (s["p99"], s["ref_p99"], s["p99"] / s["ref_p99"]))
    rows.append("| the two ratios round by round: median (lowest–highest) | | | %s; p99 %s | |"
                % (spread(s["round_rps_ratios"]), spread(s["round_p99_ratios"])))
    for i, p in enumerate(results.get("postgres", [])):
        rows.append("| check req/s, PostgreSQL, node %d of 2 | %.0f | %.0f | %.2f | ≥ 0.8 |"
                    % (i + 1, p["rps"], p["ref_rps"], p["rps"] / p["ref_rps"]))
        rows.append("| check p99 ms, PostgreSQL, node %d of 2 | %.2f | %.2f | %.2f | |"
                    % (i + 1, p["p99"], p["ref_p99"], p["p99"] / p["ref_p99"]))
        rows.append("| the two ratios round by round, node %d: median (lowest–highest) | | | %s; p99 %s | |"
                    % (i + 1, spread(p["round_rps_ratios"]), spread(p["round_p99_ratios"])))
    rows.append("| reset p50 / p99 ms, 1,000 integrations, resets %d–%d (JIT still compiling) | %.1f / %.1f | | | |"
                % ((args.reset_warmup + 1, args.reset_warmup + args.resets) + results["reset_early_ms"]))
    rows.append("| reset p50 / p99 ms, 1,000 integrations, steady: after %d resets | %.1f / %.1f | | | p99 ≤ 100 |"
                % ((args.reset_warmup + args.resets + args.reset_settle,) + results["reset_steady_ms"]))
    rows.append("| first reset of the node (JIT still cold), ms | %.1f | | | |" % results["reset_first_ms"])
    rows.append("| webhook deliveries per second, one node | %.0f | | | ≥ 500 |" % results["deliveries_per_s"])
    archive = " (class data archive)" if "no_class_archive" not in results else ""
    rows.append("| start to /health/ready, s%s, restart: median | %.2f | | | ≤ 2 |" % (archive, results["restart_s"]))
    rows.append("| start to /health/ready, s%s, first start (creates the database): median | %.2f | | | ≤ 2 |"
                % (archive, results["first_start_s"]))
    if "start_without_archive_s" in results:
        rows.append("| start to /health/ready without the archive, s | %.2f | | | |" % results["start_without_archive_s"])
    rows.append("| resident memory after the load, MiB | %.0f | | | ≤ 256 |" % results["rss_mib"])
    return "\n".join(rows)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--java", default=shutil.which("java"))
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--seconds", type=int, default=10)
    p.add_argument("--integrations", type=int, default=1000)
    p.add_argument("--resets", type=int, default=30)
    p.add_argument("--reset-warmup", type=int, default=3, help="unmeasured resets before the first measured window")
    p.add_argument("--reset-settle", type=int, default=60,
                   help="unmeasured resets between the first and the steady measured window")
    p.add_argument("--starts", type=int, default=3, help="first starts and restarts measured (medians)")
    p.add_argument("--skip-postgres", action="store_true")
    p.add_argument("--jvm-opt", action="append", default=[], help="a JVM flag for every node (repeat for more)")
    p.add_argument("--no-class-archive", action="store_true",
                   help="run the nodes without the class data archive that class-archive writes first")
    args = p.parse_args()
    if not os.path.exists(JAR):
        raise SystemExit("build the jar first: mvn -q package -DskipTests")
    results = run(args)
    if args.no_class_archive:
        results["no_class_archive"] = True
    print(table(results, args.java, args))
    print("JVM flags: %s" % (" ".join(jvm_opts(args)) or "none"))
    # glibc's arenas change the resident memory by tens of MiB: say how the nodes ran
    print("MALLOC_ARENA_MAX: %s" % os.environ.get("MALLOC_ARENA_MAX", "unset (glibc's default)"))


if __name__ == "__main__":
    sys.exit(main())
