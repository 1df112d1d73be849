#!/usr/bin/env python3
"""Median time from launch to the first prompt on a pseudo-terminal, for one or
more commands run in turn (interleaved, so that a slower moment of the machine
weighs on each alike).

Usage: launch-time.py RUNS EXPECTED -- COMMAND ARGS... [-- COMMAND ARGS...]
Starts each COMMAND on a pseudo-terminal RUNS times, round after round, and
measures each time the time until EXPECTED appears; prints one median in
milliseconds per command, on one line, separated by spaces.
"""
import os, statistics, sys, time
import pexpect

runs = int(sys.argv[1]); expected = sys.argv[2]
rest = sys.argv[3:]
commands = []
for word in rest:
    if word == "--":
        commands.append([])
    else:
        commands[-1].append(word)
env = dict(os.environ, TERM="xterm", NO_COLOR="1", LANG="C.UTF-8")
times = [[] for _ in commands]
for _ in range(runs):
    for i, command in enumerate(commands):
        start = time.perf_counter()
        child = pexpect.spawn(command[0], command[1:], env=env, encoding="utf-8", timeout=10)
        child.expect_exact(expected)
        times[i].append((time.perf_counter() - start) * 1000)
        child.kill(9)
        child.close(force=True)
print(" ".join(f"{statistics.median(t):.1f}" for t in times))
