"""Kill-during-write harness shared by the project-save and autosave kill tests.

One helper process imports the program once (a zygote); for every run it forks a child that
writes in a loop, the test kills that child with SIGKILL at a random moment, the zygote reaps
it, and the test inspects what is on disk. Forking from a warm process makes hundreds of kills
take seconds instead of the minutes a fresh interpreter per kill would cost.
"""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

ZYGOTE = r'''
import os, sys
setup = {}
exec(sys.argv[1], setup)  # defines write(n) after importing what it needs
for line in sys.stdin:
    command, arg = line.split()
    if command == "run":
        pid = os.fork()
        if pid == 0:
            try:
                n = int(arg) * 1_000_000
                while True:
                    n += 1
                    setup["write"](n)
            finally:
                os._exit(0)
        print(pid, flush=True)
    else:
        os.waitpid(int(arg), 0)
        print("reaped", flush=True)
'''


class Zygote:
    def __init__(self, setup: str) -> None:
        env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
        self.proc = subprocess.Popen([sys.executable, "-c", ZYGOTE, setup], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT)

    def kill_one(self, run: int, rng: random.Random, max_delay: float, ready=None) -> None:
        """Start writer number ``run``, kill it after a random delay, wait until it is reaped.
        With ``ready(pid)`` the delay starts once that is true (the writer finished a first
        write), so a busy machine cannot turn every run into a kill before anything happened."""
        self.proc.stdin.write(f"run {run}\n")
        self.proc.stdin.flush()
        pid = int(self.proc.stdout.readline())
        deadline = time.monotonic() + 20
        while ready is not None and not ready(pid) and time.monotonic() < deadline:
            time.sleep(0.0005)
        time.sleep(rng.uniform(0, max_delay))
        os.kill(pid, signal.SIGKILL)
        self.proc.stdin.write(f"reap {pid}\n")
        self.proc.stdin.flush()
        assert self.proc.stdout.readline().strip() == "reaped"

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=10)
