"""Memory peaks for bench.py: peak RSS of the workers and of the CLI, sampled from /proc."""
import os
import subprocess
import threading
import time


class PeakRss:
    """Samples VmHWM (peak RSS) of every process with a given name while a command runs."""

    def __init__(self, name):
        self.name, self.peak_kb, self.stop = name, 0, threading.Event()

    def sample(self):
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/status") as f:
                    status = f.read()
            except OSError:
                continue
            if f"Name:\t{self.name[:15]}\n" in status:
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        self.peak_kb = max(self.peak_kb, int(line.split()[1]))

    def __enter__(self):
        def loop():
            while not self.stop.wait(0.02):
                self.sample()
        self.thread = threading.Thread(target=loop, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()


def peak_rss(cli_for, src):
    """Peak RSS (MB) of any worker and of the CLI while the CLI processes src."""
    with PeakRss("pixelmill-worker") as worker, PeakRss("pixelmill-cli") as cli:
        subprocess.run(cli_for(src),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return worker.peak_kb / 1024, cli.peak_kb / 1024


def measure_memory(cli_for, scratch, results):
    """`cli_for(src)`: the CLI command that processes the folder src. Worker peaks on a 16000x16000 JPEG and an 8000x8000 PNG (each alone), and the CLI's peak
    while it holds `results` results (damaged PNGs: they fail fast, so the run is short)."""
    peaks = {}
    for name, args in (("huge.jpg", ["16000", "16000"]), ("large.png", ["8000", "8000"])):
        folder = os.path.join(scratch, "big-" + name.split(".")[0])
        image = os.path.join(folder, name)
        if not os.path.exists(image):
            os.makedirs(folder, exist_ok=True)
            subprocess.run(["vips", "gaussnoise", image + ("[Q=90]" if name.endswith("jpg") else ""),
                            *args], check=True)
        peaks[name] = peak_rss(cli_for, folder)[0]
    many = os.path.join(scratch, f"many-{results}")
    if not os.path.isdir(many):
        os.makedirs(many + ".tmp", exist_ok=True)
        for i in range(results):  # a PNG signature and nothing else: planned, then "truncated"
            with open(os.path.join(many + ".tmp", f"m{i:06d}.png"), "wb") as f:
                f.write(b"\x89PNG\r\n\x1a\n" + bytes(8))
        os.rename(many + ".tmp", many)
    start = time.perf_counter()
    cli_mb = peak_rss(cli_for, many)[1]
    return peaks, cli_mb, time.perf_counter() - start
