# Runs one command and prints one JSON line: wall ms, CPU ms (user + system of the command and the
# children it waited for) and peak RSS, so a node CLI, `go tool cover` and a Python script are
# measured alike, as whole processes.
# The figures are the command's own, from wait4() on its pid. getrusage(RUSAGE_CHILDREN) would also
# count what ran before this script: python3 is often a pyenv shim whose helper processes (~60 ms of
# CPU here) are children of the process that then becomes this interpreter.
# argv: <cwd> <command...>. The command's stdout is discarded; its exit code is reported.
import json
import os
import subprocess
import sys
import time

cwd, cmd = sys.argv[1], sys.argv[2:]
started = time.perf_counter()
child = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
# Read stderr before waiting, so a command that writes much of it cannot block on a full pipe.
stderr = child.stderr.read()
_, status, usage = os.wait4(child.pid, 0)
wall = time.perf_counter() - started
child.returncode = os.waitstatus_to_exitcode(status)
print(
    json.dumps(
        {
            "rc": child.returncode,
            "ms": wall * 1000,
            "cpuMs": (usage.ru_utime + usage.ru_stime) * 1000,
            "maxRssBytes": usage.ru_maxrss * 1024,
            "stderr": stderr.decode(errors="replace")[-500:],
        }
    )
)
