#!/usr/bin/python3
"""gpsbabel side of the FIT reader benchmark. For every file: gpsbabel decodes the FIT file (-t tracks) and the
nuketypes filter drops everything before output, so the time is process start + decode (the peer's best case).
Wall time per pass includes process start-up; the decode-only estimate uses the children's CPU time (user+sys)
minus the CPU time of `gpsbabel -V` (start-up) per file, which is less disturbed by other load on the machine.
Usage: fit_peer.py LIST REPS"""
import resource
import subprocess
import sys
import time


def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run(args):
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def run_cpu(args):
    before = cpu()
    run(args)
    return cpu() - before


def main():
    paths = [p for p in open(sys.argv[1]).read().splitlines() if p]
    reps = int(sys.argv[2])
    total_bytes = sum(len(open(p, "rb").read()) for p in paths)
    startup = min(run_cpu(["gpsbabel", "-V"]) for _ in range(9))
    passes = []
    cpu_passes = []
    for _ in range(reps):
        t = 0.0
        c0 = cpu()
        for p in paths:
            t += run(["gpsbabel", "-t", "-i", "garmin_fit", "-f", p, "-x", "nuketypes,waypoints,tracks,routes",
                      "-o", "unicsv", "-F", "/dev/null"])
        passes.append(t)
        cpu_passes.append(cpu() - c0)
    best = min(passes)
    corrected = max(min(cpu_passes) - startup * len(paths), 1e-9)
    version = subprocess.run(["gpsbabel", "-V"], capture_output=True, text=True).stdout.strip().splitlines()[0]
    print("%s: %d files, %d bytes, best %.1f ms/pass wall (%.1f MB/s); start-up %.1f ms CPU/file; "
          "decode-only estimate %.1f ms CPU/pass (%.1f MB/s)" % (
              version, len(paths), total_bytes, best * 1e3, total_bytes / best / 1e6, startup * 1e3,
              corrected * 1e3, total_bytes / corrected / 1e6))
    print("PEER_FIT_BEST_MS=%.3f" % (best * 1e3))
    print("PEER_FIT_DECODE_MS=%.3f" % (corrected * 1e3))


if __name__ == "__main__":
    main()
