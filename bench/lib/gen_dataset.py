#!/usr/bin/python3
"""Writes a benchmark data set into a local folder, byte-for-byte reproducibly.

The folder is then uploaded through the S3 API (never written into S3Proxy's basedir,
which keeps its own metadata). Contents are pseudo-random so no layer can compress them;
the seed is fixed so every machine gets the same bytes.

usage: gen_dataset.py OUT_DIR TOP SMALL_COUNT SMALL_PREFIXES SMALL_BYTES LARGE_COUNT LARGE_BYTES
Keys:  TOP/pNN/oNNNNN (small objects spread over the prefixes), TOP/large/oNN (large ones).
"""
import os
import random
import sys

SEED = 20261125
CHUNK = 8 << 20


def write(path, size, rng):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        left = size
        while left:
            n = min(CHUNK, left)
            f.write(rng.randbytes(n))
            left -= n


def main():
    out, top = sys.argv[1], sys.argv[2]
    small_count, prefixes, small_bytes, large_count, large_bytes = map(int, sys.argv[3:8])
    rng = random.Random(SEED)
    for i in range(small_count):
        write(os.path.join(out, top, "p%03d" % (i % prefixes), "o%06d" % i), small_bytes, rng)
    for i in range(large_count):
        write(os.path.join(out, top, "large", "o%02d" % i), large_bytes, rng)


if __name__ == "__main__":
    main()
