#!/usr/bin/env python3
"""Median time from launch to the first prompt on a pseudo-terminal.

Usage: launch-time.py RUNS EXPECTED -- COMMAND ARGS...
Starts COMMAND on a pseudo-terminal RUNS times and measures, each time, the time
until EXPECTED appears; prints the median in milliseconds.
"""
import os, statistics, sys, time
import pexpect

runs = int(sys.argv[1]); expected = sys.argv[2]
command = sys.argv[sys.argv.index("--") + 1:]
env = dict(os.environ, TERM="xterm", NO_COLOR="1", LANG="C.UTF-8")
times = []
for _ in range(runs):
    start = time.perf_counter()
    child = pexpect.spawn(command[0], command[1:], env=env, encoding="utf-8", timeout=10)
    child.expect_exact(expected)
    times.append((time.perf_counter() - start) * 1000)
    child.kill(9)
    child.close(force=True)
print(f"{statistics.median(times):.1f}")
