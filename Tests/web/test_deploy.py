"""Issue 28: the page as a public service — three `conciliation-serve` instances
behind a real HAProxy (Debian's, installed by scripts/test), configured by the
project's own `deploy/haproxy.cfg` with only its addresses changed. An interview
whose every request lands on another instance; wrk through the balancer while
an instance is killed and started again, then while all three are restarted one
by one.

Run by scripts/test with pytest (`python3 -m pytest Tests/web/test_deploy.py`)."""
import os
import re
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.parse

import pytest

from server import ROOT, Browser, Server, text

CONFIG = os.path.join(ROOT, "deploy", "haproxy.cfg")
WRK_CONNECTIONS = 20


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Balancer:
    """HAProxy on a free loopback port, with `deploy/haproxy.cfg` pointing at
    the instances' ports and its admin socket in a test folder."""

    def __init__(self, ports, folder):
        self.port = free_port()
        self.socket = os.path.join(folder, "haproxy.sock")
        config = open(CONFIG, encoding="utf-8").read()
        config = config.replace("/run/haproxy/conciliation.sock", self.socket)
        config = re.sub(r"bind 127\.0\.0\.1:\d+", f"bind 127.0.0.1:{self.port}", config)
        servers = "\n".join(f"    server s{i + 1} 127.0.0.1:{p}" for i, p in enumerate(ports))
        config = re.sub(r"(?m)^    server s\d .*\n?", "", config).rstrip() + "\n" + servers + "\n"
        path = os.path.join(folder, "haproxy.cfg")
        with open(path, "w", encoding="utf-8") as f:
            f.write(config)
        self.process = subprocess.Popen(["haproxy", "-db", "-f", path], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        self.wait_until(lambda stats: all(s["status"] == "UP" for s in stats.values()) and len(stats) == len(ports))

    def stats(self):
        """Each instance's state and the requests it has taken (HAProxy's `show stat`)."""
        with socket.socket(socket.AF_UNIX) as s:
            s.connect(self.socket)
            s.sendall(b"show stat\n")
            data = b""
            while chunk := s.recv(65536):
                data += chunk
        lines = data.decode().splitlines()
        header = lines[0].lstrip("# ").split(",")
        found = {}
        for line in lines[1:]:
            row = dict(zip(header, line.split(",")))
            if row.get("pxname") == "instances" and row.get("svname", "").startswith("s"):
                found[row["svname"]] = {"status": row["status"].split()[0], "requests": int(row["stot"] or 0)}
        return found

    def wait_until(self, condition, seconds=20):
        deadline = time.time() + seconds
        while time.time() < deadline:
            try:
                if condition(self.stats()):
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"HAProxy never reached the state awaited: {self.stats()}")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def service(tmp_path):
    """Three instances and the balancer before them; all stopped at the end."""
    if not shutil.which("haproxy") or not shutil.which("wrk"):
        pytest.fail("haproxy and wrk are needed: scripts/test installs them (apt-get install haproxy wrk)")
    instances = [Server() for _ in range(3)]
    balancer = Balancer([i.port for i in instances], str(tmp_path))
    yield balancer, instances
    balancer.stop()
    for instance in instances:
        instance.stop()


def taken_by(balancer, request):
    """Runs `request` and says which instance took it."""
    before = balancer.stats()
    result = request()
    after = balancer.stats()
    moved = [name for name in after if after[name]["requests"] > before[name]["requests"]]
    assert len(moved) == 1, (before, after)
    return moved[0], result


def test_an_interview_whose_every_request_lands_on_another_instance(service):
    balancer, _ = service
    b = Browser(balancer)
    b.request("GET", "/")
    path = []
    for answer in [None, "decision-admin", "2026-10-01", "oui", "33", "none", "non", "non"]:
        fields = b.hidden() + ([("do", "start")] if answer is None else [("do", "next"), ("answer", answer)])
        name, (response, _) = taken_by(balancer, lambda: b.request("POST", "/", fields, follow=False))
        assert response.status == 303, response.status
        path.append(name)
        location = urllib.parse.urljoin("/", response.getheader("Location"))
        name, (response, _) = taken_by(balancer, lambda: b.request("GET", location))
        assert response.status == 200, response.status
        path.append(name)
    assert all(a != b for a, b in zip(path, path[1:])), path
    assert set(path) == {"s1", "s2", "s3"}, path
    assert "commission de recours amiable" in text(b.page), text(b.page)[:400]
    letter = [("name", "Zoé Testeuse"), ("address", "1 rue de la Paix, 33000 Bordeaux"),
              ("nir", "1 85 05 78 006 084 91"), ("caisse", "CPAM de la Gironde"), ("reference", "D-1")]
    name, (response, data) = taken_by(balancer, lambda: b.request("POST", "/", b.hidden() + [("do", "letter-txt")] + letter))
    assert name != path[-1] and response.status == 200, (name, response.status)
    assert response.getheader("Content-Disposition") == 'attachment; filename="lettre-recours.txt"'
    assert "Zoé Testeuse" in data.decode() and "recours amiable" in data.decode().lower(), data.decode()[:600]


def wrk_an_answer(balancer, seconds, folder):
    """wrk through the balancer on the post of an answer (the 4th question),
    from a session walked first; returns (requests, failed, socket errors, wrk's output)."""
    b = Browser(balancer)
    b.request("GET", "/")
    b.press("start")
    for answer in ["decision-admin", "2026-10-01", "oui"]:
        b.press("next", answer=answer)
    body = urllib.parse.urlencode(b.hidden() + [("do", "next"), ("answer", "33")])
    script = os.path.join(folder, "answer.lua")
    with open(script, "w", encoding="utf-8") as f:
        f.write('wrk.method = "POST"\n')
        f.write("wrk.body = [==[" + body + "]==]\n")
        f.write('wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n')
        f.write(f'wrk.headers["Cookie"] = "{b.cookie}"\n')
        f.write('wrk.headers["Host"] = "localhost"\n')
    out = subprocess.run(["wrk", "-t1", f"-c{WRK_CONNECTIONS}", f"-d{seconds}s", "-s", script,
                          f"http://127.0.0.1:{balancer.port}/"], capture_output=True, text=True).stdout
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return requests, int(bad.group(1)) if bad else 0, sum(map(int, sockets.groups())) if sockets else 0, out


def in_background(steps):
    thread = threading.Thread(target=steps)
    thread.start()
    return thread


def test_a_rolling_restart_with_sigterm_fails_no_request(service, tmp_path):
    """Each instance in turn: SIGTERM (it answers what it has begun and stops),
    started again on its port, back in the balancer, then the next."""
    balancer, instances = service

    def restart_each():
        time.sleep(1)
        for i, instance in enumerate(instances):
            port = instance.port
            instance.process.send_signal(signal.SIGTERM)
            instance.process.wait(timeout=15)
            instance.stop()
            instances[i] = Server(port=port)
            balancer.wait_until(lambda stats: all(s["status"] == "UP" for s in stats.values()))

    worker = in_background(restart_each)
    requests, failed, socket_errors, out = wrk_an_answer(balancer, 14, str(tmp_path))
    worker.join()
    print(f"rolling restart under wrk: {requests} requests, {failed} failed, {socket_errors} socket errors")
    assert requests > 1000, out
    assert failed == 0 and socket_errors == 0, out


def test_an_instance_killed_and_started_again_under_load(service, tmp_path):
    """SIGKILL: the instance's connections die with it; HAProxy sends again what
    had not been answered (`retry-on conn-failure empty-response`)."""
    balancer, instances = service

    def kill_and_start():
        time.sleep(2)
        port = instances[1].port
        instances[1].process.kill()
        instances[1].process.wait(timeout=5)
        instances[1].stop()
        time.sleep(2)
        instances[1] = Server(port=port)

    worker = in_background(kill_and_start)
    requests, failed, socket_errors, out = wrk_an_answer(balancer, 8, str(tmp_path))
    worker.join()
    print(f"SIGKILL under wrk: {requests} requests, {failed} failed, {socket_errors} socket errors")
    assert requests > 1000, out
    assert failed == 0 and socket_errors == 0, out


UNIT = os.path.join(ROOT, "deploy", "conciliation-serve@.service")


def test_the_service_unit_is_valid_hardened_and_starts_the_instance_it_names(tmp_path):
    """Issue 28, point 4: `systemd-analyze verify` finds nothing to say, `security`
    rates its exposure OK (at most 2.0 of 10), and the command it runs, for
    instance 1, serves on port 8082."""
    binary = os.environ.get("CONCILIATION_SERVE_BIN") or os.path.join(ROOT, ".build", "debug", "conciliation-serve")
    unit = open(UNIT, encoding="utf-8").read()
    for needed in ["DynamicUser=yes", "ProtectSystem=strict", "PrivateTmp=yes", "NoNewPrivileges=yes",
                   "MemoryMax=", "CPUAffinity=%i", "Restart=on-failure"]:
        assert needed in unit, needed
    path = tmp_path / "conciliation-serve@1.service"
    path.write_text(unit.replace("/usr/local/bin/conciliation-serve", binary), encoding="utf-8")
    verify = subprocess.run(["systemd-analyze", "verify", str(path)], capture_output=True, text=True)
    assert verify.returncode == 0 and verify.stderr == "", verify.stderr
    security = subprocess.run(["systemd-analyze", "security", "--offline=true", str(path)], capture_output=True, text=True)
    exposure = float(re.search(r"Overall exposure level for \S+: ([\d.]+)", security.stdout).group(1))
    assert exposure <= 2.0, security.stdout[-2000:]
    # The command as systemd runs it for instance 1: `%i` is 1, `$$` a dollar.
    line = re.search(r"(?m)^ExecStart=(.*)$", path.read_text()).group(1).replace("%i", "1").replace("$$", "$")
    command = re.match(r"/bin/sh -c '(.*)'$", line).group(1) + " --today 2026-11-23"
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", 8082)) == 0:
            pytest.fail("port 8082 is taken on this machine")
    process = subprocess.Popen(["/bin/sh", "-c", command], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert "http://127.0.0.1:8082/" in process.stdout.readline()
    finally:
        process.terminate()
        process.wait(timeout=15)
