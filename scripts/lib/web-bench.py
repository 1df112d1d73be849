#!/usr/bin/env python3
"""The browser page's latency under load, per page, with wrk on loopback.

Usage: web-bench.py URL SECONDS CONNECTIONS [WRK_PREFIX...]
Walks an interview once to get each page's real form and session cookie (the
home page, "Commencer" and an answer in the middle, each a post answered by a
redirect, the first question and the result asked by their address, the summary
downloaded, the letter downloaded), then runs wrk on the health check (a control: the server alone) and
on each page for SECONDS with CONNECTIONS connections and prints a Markdown table:
median, p99, requests per second, and any answer that was not a success (which
would make the figures meaningless)."""
import html
import http.client
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse

url, seconds, connections = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
wrk_prefix = sys.argv[4:]
parsed = urllib.parse.urlparse(url)
CRA_PATH = ["decision-admin", "2026-10-01", "oui", "33", "none", "non", "non"]


cookies = {}


def request(method, path="/", body=None):
    """One request with the cookies kept so far; a redirect is followed."""
    c = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=10)
    headers = {"Content-Type": "application/x-www-form-urlencoded"} if body is not None else {}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    c.request(method, path, body=body, headers=headers)
    r = c.getresponse()
    data = r.read().decode(errors="replace")
    for name, value in r.getheaders():
        if name.lower() == "set-cookie":
            key, _, rest = value.split(";")[0].partition("=")
            cookies[key] = rest
    c.close()
    if r.status == 303:
        return request("GET", urllib.parse.urljoin(path, r.getheader("Location")))
    assert r.status == 200, (r.status, body)
    return data


def hidden(page):
    return [(html.unescape(n), html.unescape(v))
            for n, v in re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', page)]


page = request("GET")
bodies = {}
encode = urllib.parse.urlencode
bodies["start (post, 303)"] = encode(hidden(page) + [("do", "start")])
page = request("POST", body=bodies["start (post, 303)"])
bodies["first question (GET ?step=0)"] = "/?step=0"
for i, answer in enumerate(CRA_PATH):
    body = encode(hidden(page) + [("do", "next"), ("answer", answer)])
    if i == 3:
        bodies["an answer (4th question, post, 303)"] = (body, dict(cookies))
    page = request("POST", body=body)
assert "recours amiable" in page
bodies["result (7 answers, GET ?step=7)"] = "/?step=7"
bodies["summary download (.json)"] = encode(hidden(page) + [("do", "export-json")])
letter = [("name", "Zoé Testeuse"), ("address", "1 rue de la Paix, 33000 Bordeaux"), ("nir", "1 85 05 78 006 084 91"),
          ("caisse", "CPAM de la Gironde"), ("reference", "D-2026-17")]
bodies["letter download (.txt)"] = encode(hidden(page) + [("do", "letter-txt")] + letter)

work = tempfile.mkdtemp(prefix="web-bench-")
# The health check first: the server alone, with no page to make. On a shared VM
# every figure can double from one run to the next; this row says whether the
# run was a quiet one (its p99 is some 4 ms when it is).
pages = [("`GET /health` (the server alone: the VM's noise)", "/health"), ("home page (GET)", None)] + list(bodies.items())
print(f"| page, {connections} connections, {seconds} s | median | p99 | requests/s | errors |")
print("|---|---:|---:|---:|---:|")
for name, body in pages:
    script = os.path.join(work, "page.lua")
    jar = cookies
    if isinstance(body, tuple):
        # The answer's post, from the session it was sent in.
        body, jar = body
    cookie = "; ".join(f"{k}={v}" for k, v in jar.items())
    with open(script, "w") as f:
        if body is not None and body.startswith("/"):
            f.write(f'wrk.path = "{body}"\n')
        elif body is not None:
            f.write('wrk.method = "POST"\n')
            f.write("wrk.body = [==[" + body + "]==]\n")
            f.write('wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n')
        f.write(f'wrk.headers["Cookie"] = "{cookie}"\n')
    out = subprocess.run(wrk_prefix + ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", script, url],
                         capture_output=True, text=True).stdout
    p50 = re.search(r"^\s+50%\s+(\S+)", out, re.M)
    p99 = re.search(r"^\s+99%\s+(\S+)", out, re.M)
    rate = re.search(r"Requests/sec:\s+(\S+)", out)
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    bad = (int(errors.group(1)) if errors else 0)
    note = str(bad) + (f" (socket: {socket_errors.group(1)})" if socket_errors else "")
    print(f"| {name} | {p50.group(1) if p50 else '?'} | {p99.group(1) if p99 else '?'} | "
          f"{rate.group(1) if rate else '?'} | {note} |")
