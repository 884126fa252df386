"""`gaussian3d` benchmark peer: scipy.ndimage.gaussian_filter on the same int16 volume, same kernel as imaging.filters.

usage: scipy_gaussian3d.py RAW SIZE_I SIZE_J SIZE_K SIGMA_I SIGMA_J SIGMA_K RUNS OUT
Sigmas are in voxels; radius ceil(3 sigma) per axis, mode='nearest'. Times RUNS calls with the default output
(int16, which scipy also uses between the axis passes, truncating) and RUNS with output=float32; prints
"int16 SECONDS" / "float32 SECONDS" lines (the filter call only, after loading) and writes the last float32 result to OUT.
"""
import math
import sys
import time

import numpy as np
import scipy.ndimage as ndi

raw, ni, nj, nk = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
si, sj, sk = (float(s) for s in sys.argv[5:8])
runs, out = int(sys.argv[8]), sys.argv[9]
v = np.fromfile(raw, dtype=np.int16).reshape((nk, nj, ni))
sigma = (sk, sj, si)  # numpy axes are k, j, i
radius = tuple(max(1, math.ceil(3 * s)) for s in sigma)
result = None
for kind, dtype in (("int16", None), ("float32", np.float32)):
    for _ in range(runs):
        t = time.perf_counter()
        result = ndi.gaussian_filter(v, sigma, mode='nearest', radius=radius, output=dtype)
        print(f"{kind} {time.perf_counter() - t:.4f}", flush=True)
result.tofile(out)
