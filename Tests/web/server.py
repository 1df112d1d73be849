"""Starts the real `conciliation-serve` on a free loopback port for the web tests,
and reads back what it printed (to check that no answer ever reaches a log); and
just enough of a browser to walk the page over HTTP."""
import html
import http.client
import os
import re
import subprocess
import tempfile
import time
import urllib.parse

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
BIN = os.environ.get("CONCILIATION_SERVE_BIN") or os.path.join(ROOT, ".build", "debug", "conciliation-serve")
TODAY = "2026-11-23"


class Server:
    def __init__(self, *args, today=TODAY, port=0, launcher=()):
        """`launcher`: a command that starts the server, such as `taskset -c 0`."""
        self.log = tempfile.NamedTemporaryFile(prefix="conciliation-serve-", suffix=".log", delete=False)
        command = list(launcher) + [BIN, "--port", str(port)] + (["--today", today] if today else []) + list(args)
        self.process = subprocess.Popen(command, stdout=self.log, stderr=self.log, stdin=subprocess.DEVNULL)
        deadline = time.time() + 20
        while time.time() < deadline:
            match = re.search(r"serving on http://(?:127\.0\.0\.1|0\.0\.0\.0|\[::1\]):(\d+)/", self.output())
            if match:
                self.port = int(match.group(1))
                self.url = f"http://127.0.0.1:{self.port}/"
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("conciliation-serve did not start: " + self.output())

    def output(self):
        with open(self.log.name, encoding="utf-8", errors="replace") as f:
            return f.read()

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        os.unlink(self.log.name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


class Browser:
    """Just enough of a browser: its cookies (the form token and the session),
    the page's forms, posts, and the redirect (303) that follows each post."""

    def __init__(self, server, headers=None):
        self.server = server
        self.cookies = {}
        self.headers = headers or {}
        self.page = ""
        self.location = None

    @property
    def cookie(self):
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items()) or None

    @cookie.setter
    def cookie(self, value):
        self.cookies = dict(part.split("=", 1) for part in value.split("; ")) if value else {}

    def request(self, method, path="/", body=None, headers=None, raw=False, follow=True):
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=10)
        sent = dict(self.headers)
        if self.cookie:
            sent["Cookie"] = self.cookie
        sent.update(headers or {})
        if body is not None and not raw:
            body = urllib.parse.urlencode(body).encode()
            sent.setdefault("Content-Type", "application/x-www-form-urlencoded")
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        data = response.read()
        for name, value in response.getheaders():
            if name.lower() == "set-cookie":
                key, _, rest = value.split(";")[0].partition("=")
                self.cookies[key] = rest
        connection.close()
        if response.status == 303 and follow:
            self.location = urllib.parse.urljoin(path, response.getheader("Location"))
            return self.request("GET", self.location, headers=headers)
        if response.getheader("Content-Type", "").startswith("text/html"):
            self.page = data.decode()
        return response, data

    def hidden(self):
        return [(html.unescape(n), html.unescape(v)) for n, v in
                re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', self.page)]

    def press(self, button, **fields):
        return self.request("POST", "/", self.hidden() + [("do", button)] + list(fields.items()))

    def start(self):
        self.request("GET", "/")
        return self.press("start")

    def answer_all(self, answers):
        response = self.start()
        for a in answers:
            response, _ = self.press("next", answer=a)
            assert response.status == 200, (a, response.status, text(self.page))
        return response


def text(page):
    """The visible text of a page's main part."""
    main = page[page.find("<main"):page.find("</main>")]
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", main))).replace("\u00a0", " ")
