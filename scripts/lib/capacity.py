#!/usr/bin/env python3
"""Capacity through the load balancer: requests per second on the result page
(`GET /?step=7`, 7 answers in the session cookie) with one instance, then with
two, each pinned to its own core, behind HAProxy configured by deploy/haproxy.cfg
(only its addresses changed); wrk, 50 connections, SECONDS a run. Then each page's
p99 through the balancer with the two instances (web-bench.py).

Usage: capacity.py SERVE_BINARY [SECONDS]
Needs haproxy and wrk (scripts/test installs them). On a 2-core machine the
balancer and wrk share the cores with the instances: the ratio says whether the
page scales, not what a dedicated machine gives."""
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
sys.path.insert(0, os.path.join(ROOT, "Tests", "web"))
os.environ.setdefault("CONCILIATION_SERVE_BIN", os.path.abspath(sys.argv[1]))
from server import Browser, Server  # noqa: E402
from test_deploy import Balancer  # noqa: E402

seconds = int(sys.argv[2]) if len(sys.argv) > 2 else 10
cores = sorted(os.sched_getaffinity(0))


def result_page_rate(count, folder):
    instances = [Server(launcher=["taskset", "-c", str(cores[i % len(cores)])]) for i in range(count)]
    balancer = Balancer([i.port for i in instances], folder)
    try:
        b = Browser(balancer)
        b.answer_all(["decision-admin", "2026-10-01", "oui", "33", "none", "non", "non"])
        script = os.path.join(folder, "result.lua")
        with open(script, "w", encoding="utf-8") as f:
            f.write('wrk.path = "/?step=7"\n')
            f.write(f'wrk.headers["Cookie"] = "{b.cookie}"\n')
        out = subprocess.run(["wrk", "-t1", "-c50", f"-d{seconds}s", "--latency", "-s", script,
                              f"http://127.0.0.1:{balancer.port}/"], capture_output=True, text=True).stdout
        rate = float(re.search(r"Requests/sec:\s+(\S+)", out).group(1))
        p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1)
        errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
        assert not errors, out
        return rate, p99, balancer, instances
    except BaseException:
        balancer.stop()
        for i in instances:
            i.stop()
        raise


with tempfile.TemporaryDirectory() as folder:
    print(f"| result page through HAProxy, 50 connections, {seconds} s | requests/s | p99 |")
    print("|---|---:|---:|")
    rates = {}
    for count in (1, 2):
        rate, p99, balancer, instances = result_page_rate(count, folder)
        rates[count] = rate
        print(f"| {count} instance{'s' if count > 1 else ''} (one core each) | {rate:,.0f} | {p99} |")
        if count == 2:
            print()
            print(f"ratio 2 instances / 1: {rates[2] / rates[1]:.2f}")
            print()
            subprocess.run([sys.executable, os.path.join(HERE, "web-bench.py"), f"http://127.0.0.1:{balancer.port}/",
                            str(seconds), "50"], check=True)
        balancer.stop()
        for i in instances:
            i.stop()
        time.sleep(1)
