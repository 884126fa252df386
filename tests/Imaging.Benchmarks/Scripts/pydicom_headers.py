"""Headers-only parse of a list of files with pydicom, timed inside the interpreter.

Usage: python3 pydicom_headers.py LISTFILE   (one path per line)
Prints one JSON line: {"files": N, "seconds": S, "pydicom": VERSION}. The time covers the loop of
dcmread(path, stop_before_pixels=True) only: interpreter start and `import pydicom` are outside it
(the harness measures the whole process separately).
"""
import json
import sys
import time

import pydicom


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    start = time.perf_counter()
    n = 0
    for p in paths:
        ds = pydicom.dcmread(p, stop_before_pixels=True)
        n += 1 if ds is not None else 0
    seconds = time.perf_counter() - start
    print(json.dumps({"files": n, "seconds": seconds, "pydicom": pydicom.__version__}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
