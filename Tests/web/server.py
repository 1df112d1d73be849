"""Starts the real `conciliation-serve` on a free loopback port for the web tests,
and reads back what it printed (to check that no answer ever reaches a log)."""
import os
import re
import subprocess
import tempfile
import time

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
            match = re.search(r"http://(?:127\.0\.0\.1|0\.0\.0\.0):(\d+)/", self.output())
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
