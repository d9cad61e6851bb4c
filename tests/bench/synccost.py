#!/usr/bin/python3
"""The cost of the final syncfs on the tiny job (README, "Performance"): the seed job's
pixelmill-cli command over 10,000 64x64 PNGs, REPS times with the default clean end (syncfs,
then the journal removed) and REPS times with --keep-journal (no sync), interleaved, each into
a fresh folder after a global sync. After each --keep-journal run, the syncfs that run skipped
is timed on its own, which is the figure that survives a noisy machine.

Usage: synccost.py BIN_DIR SCRATCH [REPS]   (the tiny set is made in SCRATCH/tiny if missing)
"""
import ctypes
import os
import shutil
import struct
import subprocess
import sys
import time
import zlib


def png(path, w, h, rgb):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = (b"\0" + bytes(rgb) * w) * h
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def tiny_set(scratch, count=10000):
    """As bench.py's make_tiny_set: 64x64 PNGs, one colour each (without Pillow)."""
    path = os.path.join(scratch, "tiny")
    if os.path.isdir(path) and len(os.listdir(path)) == count:
        return path
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    for i in range(count):
        png(os.path.join(path, f"t{i:05d}.png"), 64, 64,
            ((i * 7) % 256, (i * 13) % 256, (i * 29) % 256))
    return path


def main():
    bin_dir, scratch = sys.argv[1], sys.argv[2]
    reps = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    tiny = tiny_set(scratch)
    libc = ctypes.CDLL("libc.so.6", use_errno=True)
    seed_job = ["--resize", "800x600", "--mode", "fit", "--grayscale", "--format", "jpg",
                "--quality", "85", "--workers", str(os.cpu_count()), "--no-enlarge",
                "--on-conflict", "overwrite", "--quiet"]
    times = {"with sync": [], "--keep-journal": [], "syncfs alone": []}
    for rep in range(reps):
        for keep in (False, True):
            out = os.path.join(scratch, f"tiny-out-{int(keep)}-{rep}")
            shutil.rmtree(out, ignore_errors=True)
            os.sync()
            start = time.perf_counter()
            subprocess.run([os.path.join(bin_dir, "pixelmill-cli"), tiny, "-o", out, *seed_job,
                            *(["--keep-journal"] if keep else [])], check=True)
            times["--keep-journal" if keep else "with sync"].append(time.perf_counter() - start)
            if keep:
                fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
                start = time.perf_counter()
                libc.syncfs(fd)
                times["syncfs alone"].append(time.perf_counter() - start)
                os.close(fd)
            files = os.listdir(out)
            assert (".pixelmill-journal" in files) == keep, "journal kept or removed wrongly"
            shutil.rmtree(out)
    for name, values in times.items():
        values_text = " ".join(f"{v:.3f}" for v in values)
        print(f"{name}: {values_text} s; median {sorted(values)[len(values) // 2]:.3f} s")


if __name__ == "__main__":
    main()
