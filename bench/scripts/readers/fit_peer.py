#!/usr/bin/python3
"""gpsbabel side of the FIT reader benchmark. For every file: gpsbabel decodes the FIT file (-t tracks) and the
nuketypes filter drops everything before output, so the time is process start + decode (the peer's best case).
Process start-up is measured with `gpsbabel -V` and reported separately. Usage: fit_peer.py LIST REPS"""
import subprocess
import sys
import time


def run(args):
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def main():
    paths = [p for p in open(sys.argv[1]).read().splitlines() if p]
    reps = int(sys.argv[2])
    total_bytes = sum(len(open(p, "rb").read()) for p in paths)
    startup = min(run(["gpsbabel", "-V"]) for _ in range(5))
    passes = []
    for _ in range(reps):
        t = 0.0
        for p in paths:
            t += run(["gpsbabel", "-t", "-i", "garmin_fit", "-f", p, "-x", "nuketypes,waypoints,tracks,routes",
                      "-o", "unicsv", "-F", "/dev/null"])
        passes.append(t)
    best = min(passes)
    corrected = max(best - startup * len(paths), 1e-9)
    version = subprocess.run(["gpsbabel", "-V"], capture_output=True, text=True).stdout.strip().splitlines()[0]
    print("%s: %d files, %d bytes, best %.1f ms/pass (%.1f MB/s); start-up %.1f ms/file; "
          "minus start-up %.1f ms/pass (%.1f MB/s)" % (
              version, len(paths), total_bytes, best * 1e3, total_bytes / best / 1e6, startup * 1e3,
              corrected * 1e3, total_bytes / corrected / 1e6))
    print("PEER_FIT_BEST_MS=%.3f" % (best * 1e3))
    print("PEER_FIT_DECODE_MS=%.3f" % (corrected * 1e3))


if __name__ == "__main__":
    main()
