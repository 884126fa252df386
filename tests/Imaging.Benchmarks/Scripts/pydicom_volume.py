"""Load a series into a 3-D numpy array with pydicom, the way a pydicom user does, timed inside the interpreter.

Usage: python3 pydicom_volume.py LISTFILE   (one path per line)
Reads every file whole (dcmread), sorts by position along the slice normal (not Instance Number), stacks the
pixel_arrays with np.stack and applies Rescale Slope/Intercept — in place on int16 when both are integers (as our
loader keeps int16), else to float32. Prints one JSON line: {"files": N, "seconds": S, "shape": [...], "dtype": ..., "checksum": ...}.
The time covers the work only; interpreter start and imports are outside it (the harness times the whole process too).
"""
import json
import sys
import time

import numpy as np
import pydicom


def main() -> int:
    with open(sys.argv[1], encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    start = time.perf_counter()
    slices = [pydicom.dcmread(p) for p in paths]
    iop = [float(v) for v in slices[0].ImageOrientationPatient]
    normal = np.cross(iop[:3], iop[3:])
    slices.sort(key=lambda d: float(np.dot(normal, [float(v) for v in d.ImagePositionPatient])))
    volume = np.stack([d.pixel_array for d in slices])
    slope = float(getattr(slices[0], "RescaleSlope", 1))
    intercept = float(getattr(slices[0], "RescaleIntercept", 0))
    if slope == int(slope) and intercept == int(intercept) and volume.dtype == np.int16:
        if slope != 1:
            volume *= np.int16(slope)
        volume += np.int16(intercept)
    else:
        volume = volume.astype(np.float32) * np.float32(slope) + np.float32(intercept)
    seconds = time.perf_counter() - start
    print(json.dumps({"files": len(slices), "seconds": seconds, "shape": list(volume.shape), "dtype": str(volume.dtype),
                      "checksum": int(volume.astype(np.int64).sum())}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
