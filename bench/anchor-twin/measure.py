#!/usr/bin/env python3
"""Runs one command and writes its wall time, CPU time (user + system) and peak RSS as JSON.
/usr/bin/time -v rounds to 10 ms, a tenth of Parzen's run; wait4 gives microseconds. Its
rusage covers the command and the descendants it waited for (nbconvert's kernel); the peak RSS
is that of the largest single process.
Usage: measure.py OUT.json COMMAND [ARGUMENT…]   (the command's stdout and stderr are dropped)"""
import json
import os
import subprocess
import sys
import time

start = time.perf_counter()
child = subprocess.Popen(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
wall = time.perf_counter() - start
child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait again
if child.returncode != 0:
    sys.exit(f"measure.py: {sys.argv[2]} exited with status {child.returncode}")
with open(sys.argv[1], "w") as out:
    json.dump({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mib": usage.ru_maxrss / 1024}, out)
