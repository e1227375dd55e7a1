# Runs one command and prints one JSON line: wall ms, CPU ms (user + system of the command and its
# children) and peak RSS (the largest of them, from getrusage(RUSAGE_CHILDREN)), so a node CLI, `go
# tool cover` and a Python script are measured alike, as whole processes.
# argv: <cwd> <command...>. The command's stdout is discarded; its exit code is reported.
import json
import resource
import subprocess
import sys
import time

cwd, cmd = sys.argv[1], sys.argv[2:]
started = time.perf_counter()
done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(
    json.dumps(
        {
            "rc": done.returncode,
            "ms": wall * 1000,
            "cpuMs": (usage.ru_utime + usage.ru_stime) * 1000,
            "maxRssBytes": usage.ru_maxrss * 1024,
            "stderr": done.stderr.decode(errors="replace")[-500:],
        }
    )
)
