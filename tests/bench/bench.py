#!/usr/bin/python3
"""Pixelmill benchmark: pixelmill-cli against its peers, interleaved, medians of N runs.

Seed job: fit inside 800x600, grayscale, JPEG quality 85, 2 workers (one per core).
Peers: the reference Python recipe (../shared/bench/seed_pool.py, Pillow process pool),
`vips thumbnail` through GNU parallel, and ImageMagick `mogrify` (JPEG subset only).
The GUI latency probe (bench_guilatency) runs the whole window over the 10,000 tiny images
and measures how long its GUI thread is ever blocked; then it opens a folder of 10,000 256x192
JPEGs and PNGs (made once in the scratch folder), with an empty and a warm thumbnail cache:
how soon the list is shown with Start enabled, and the stalls while the thumbnails stream in.
The "ideal" is the sum over images of the fastest single-process time for that image
(per-image worker times of both engines, one worker each) divided by the cores.

Second job, "photo export" (whole corpus only): long edge 2048, never enlarged, colour, JPEG
quality 90, metadata kept, sRGB. Peers: ../shared/bench/photo_pool.py (Pillow process pool),
`vips thumbnail` and ImageMagick `convert`, each through GNU parallel. Its pixel quality is
checked after every timed run: PSNR of each output against an independent full-resolution
Lanczos-3 resize of its input, so that speed bought with pixels shows.
`--jobs photo` runs that job alone (`--jobs seed,photo`, the default, runs both).
`--jobs gui` runs only the GUI latency figures (the seed job includes them), in a few minutes.

Run through `make bench`; not a test: nothing here gates CI.
"""
import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

try:  # not in Debian 12: the quality check falls back to the vips CLI (libvips-tools)
    import pyvips
except (ImportError, OSError):
    pyvips = None

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")
CORES = os.cpu_count() or 2
SUBSETS = ["jpg", "png", "webp", "all"]
JOBS = ["seed", "photo", "gui"]


def run_timed(cmd, env=None, cwd=None):
    """Wall time of a command from process start to exit, in seconds. The disk is synced
    first, so that no run pays for the previous one's writeback (10,000 outputs are flushed
    by the kernel some 30 s after they are written: in the middle of a later run)."""
    os.sync()
    start = time.perf_counter()
    proc = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr}")
    return elapsed


def fresh_dir(base, name):
    path = os.path.join(base, name)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


# Every timed run writes into a folder never used before, and nothing is deleted while runs
# are timed. On this machine's ext4 (no journal) the inode allocator skips, one by one, every
# inode freed in the last few seconds (and while its inode table block is still dirty, up to
# five minutes: ialloc.c, recently_deleted), so creating 10,000 files right after deleting
# the previous run's 10,000 cost both tools 6-7 s of kernel time and measured the file
# system instead of the tool.
_output_count = 0


def output_dir(scratch, name):
    global _output_count
    _output_count += 1
    path = os.path.join(scratch, "outputs", f"{_output_count:03d}-{name}")
    os.makedirs(path)
    return path


def clear_outputs(scratch):
    """Removes an earlier bench's outputs, then lets the deletions settle (see output_dir)."""
    path = os.path.join(scratch, "outputs")
    if os.path.isdir(path):
        shutil.rmtree(path)
        os.sync()  # clean inode table blocks: freed inodes count as recent for 5 s, not 300
        time.sleep(6)


# --no-enlarge: the reference recipe (Pillow thumbnail()) never enlarges, so neither do we; the
# corpus' 13 small wallpapers (about 400x250) would otherwise be encoded at 800x500.
def cli_cmd(bin_dir, src, dst, extra=()):
    return [os.path.join(bin_dir, "pixelmill-cli"), src, "-o", dst, "--resize", "800x600",
            "--mode", "fit", "--grayscale", "--format", "jpg", "--quality", "85",
            "--workers", str(CORES), "--no-enlarge", "--on-conflict", "overwrite", "--quiet",
            *extra]


def peers(bin_dir, subset, src, scratch):
    """(name, command-maker) pairs for one subset; each maker returns a fresh command."""
    def pixelmill():  # its report gives the in-run job times (see measure_subsets)
        return cli_cmd(bin_dir, src, output_dir(scratch, "pixelmill"),
                       ["--report", os.path.join(scratch, "pixelmill-report.json")])

    def seed():
        return ["/usr/bin/python3", os.path.join(SHARED, "seed_pool.py"), src,
                output_dir(scratch, "seed")]

    def vips_parallel():
        out = output_dir(scratch, "vips")
        script = ("vips thumbnail \"$1\" \"$2/$(basename \"$1\").v\" 800 --height 600 && "
                  "vips colourspace \"$2/$(basename \"$1\").v\" \"$2/$(basename \"$1\").jpg[Q=85]\" b-w"
                  " && rm \"$2/$(basename \"$1\").v\"")
        return ["bash", "-c", f"ls -d {src}/* | parallel -q -j{CORES} bash -c '{script}' _ {{}} {out}"]

    def mogrify():
        out = output_dir(scratch, "mogrify")
        return ["bash", "-c", f"mogrify -path {out} -resize 800x600 -colorspace Gray "
                f"-quality 85 -format jpg {src}/*"]

    rows = [("pixelmill", pixelmill), ("seed_pool (Pillow)", seed)]
    if subset in ("jpg", "all"):
        rows.append(("vips CLI + parallel", vips_parallel))
    if subset == "jpg":
        rows.append(("mogrify", mogrify))
    return rows


def measure_subsets(bin_dir, corpus, scratch, reps):
    """Medians per (subset, peer), and the median ideal. The ideal is measured once per
    repetition of the whole corpus, between its timed runs, so that it sees the same machine
    (a shared one: per-image times drift by 10-15% between minutes)."""
    times, ideals, overheads = {}, [], []
    for subset in SUBSETS:
        src = os.path.join(corpus, subset)
        rows = peers(bin_dir, subset, src, scratch)
        for _ in range(reps):  # interleaved: every peer once per repetition
            for name, make in rows:
                seconds = run_timed(make())
                times.setdefault((subset, name), []).append(seconds)
                if subset == "all" and name == "pixelmill":
                    overheads.append(seconds / in_run_job_seconds(scratch))
            if subset == "all":
                ideals.append(ideal_seconds(bin_dir, corpus, scratch))
    medians = {key: statistics.median(v) for key, v in times.items()}
    return medians, statistics.median(ideals), statistics.median(overheads)


def in_run_job_seconds(scratch):
    """The last pixelmill run's summed per-image worker times / cores: its wall time would be
    this with a free pool. Wall / this is what the pool, scheduling, IPC, start-up and the last
    image cost; the ideal adds what two busy cores cost each image over one (shared cache,
    memory bandwidth), which no scheduling can remove."""
    with open(os.path.join(scratch, "pixelmill-report.json")) as f:
        return sum(r["ms"] for r in json.load(f)["results"]) / 1000 / CORES


def ideal_seconds(bin_dir, corpus, scratch):
    """Sum over images of the fastest one-worker engine time, divided by the cores."""
    best = {}
    for engine in ("vips", "opencv"):
        report = os.path.join(scratch, f"ideal-{engine}.json")
        cmd = cli_cmd(bin_dir, os.path.join(corpus, "all"), output_dir(scratch, "ideal"),
                      ["--engine", engine, "--report", report])
        cmd[cmd.index("--workers") + 1] = "1"
        run_timed(cmd)
        with open(report) as f:
            for r in json.load(f)["results"]:
                best[r["input"]] = min(best.get(r["input"], float("inf")), r["ms"] / 1000)
    return sum(best.values()) / CORES


def run_json(cmd):
    """The JSON line a bench program prints last; exits on its failure."""
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n"
                 f"{proc.stdout}{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def gui_latency(bin_dir, tiny, scratch, reps, folder_images):
    """The GUI thread's figures (bench_guilatency), every run: the whole window over the tiny
    set while a 5 ms probe timer measures its stalls as the results stream in; then, unless
    folder_images is 0, a folder of that many 256x192 images opened twice (empty, then warm
    thumbnail cache): time until the list is shown and Start enabled, stalls while the
    thumbnails stream in."""
    results, folders = [], []
    folder = os.path.join(scratch, f"thumbs-{folder_images}")
    for _ in range(reps):  # interleaved, like the timed runs
        results.append(run_json([os.path.join(bin_dir, "bench_guilatency"), tiny,
                                 output_dir(scratch, "tiny-gui"), "--workers", str(CORES)]))
        if folder_images:
            folders.append(run_json([os.path.join(bin_dir, "bench_guilatency"), "--folder",
                                     folder, "--images", str(folder_images)]))
    return results, folders


def print_gui_latency(results, folders):
    """One row per figure: median of the runs, their range, the goal (issues 5 and 14). For a
    stall, the GUI thread's CPU time within it and its time waiting for a core (medians): the
    first near the stall when our code blocked, the second when a busy machine did."""
    def row(label, values, goal, unit="ms", cpu=None, waiting=None):
        digits = 1 if unit == "s" else 0
        median = statistics.median(values)
        spread = f"{min(values):.{digits}f}-{max(values):.{digits}f}"
        verdict = "" if goal is None else ("met" if median <= goal else "NOT met")
        target = "" if goal is None else f"<= {goal} {unit}"
        busy = "" if cpu is None else (f"{statistics.median(cpu):.1f} ms / "
                                       f"{statistics.median(waiting):.0f} ms")
        print(f"| {label} | {median:.{digits}f} {unit} | {spread} | {busy} | {target} | {verdict} |")

    def stall(label, runs):
        row(label, [r["max_stall_ms"] for r in runs], 50, cpu=[r["max_stall_cpu_ms"] for r in runs],
            waiting=[r.get("max_stall_waiting_ms", 0) for r in runs])

    print("\n| latency | median | range | in the stall: GUI CPU / waiting for a core | target | |")
    print("|---|---|---|---|---|---|")
    stall(f"GUI thread max stall, {results[0]['results']} results stream in", results)
    if folders:
        cold, warm = [f["cold"] for f in folders], [f["warm"] for f in folders]
        rows = cold[0]["rows"]
        row(f"{rows}-image folder interactive (list shown, Start enabled), empty cache",
            [v["interactive_ms"] for v in cold], 1000)
        row(f"{rows}-image folder interactive, second visit",
            [v["interactive_ms"] for v in warm], 1000)
        row("  (its first rows listed, Start enabled, the list still growing)",
            [v.get("first_rows_ms", 0) for v in cold], None)
        stall(f"GUI thread max stall, listing and {rows} thumbnails from workers (empty cache)",
              cold)
        stall(f"GUI thread max stall, listing and {rows} thumbnails from the cache", warm)
        row("first page of thumbnails shown, empty cache", [v["first_page_ms"] for v in cold], None)
        row("first page of thumbnails shown, cache warm", [v["first_page_ms"] for v in warm], None)
        row(f"all {rows} thumbnails, paged through ({cold[0]['rows_per_page']} rows a page), "
            "empty cache", [v["all_thumbnails_ms"] / 1000 for v in cold], None, "s")
        row(f"all {rows} thumbnails, paged through, cache warm",
            [v["all_thumbnails_ms"] / 1000 for v in warm], None, "s")
    mid = sorted(results, key=lambda r: r["max_stall_ms"])[len(results) // 2]
    print(f"(results: the run of median max stall of {len(results)}: p99 stall "
          f"{mid['p99_stall_ms']:.1f} ms, {mid['stalls_over_50ms']} stalls over 50 ms, GUI-thread "
          f"CPU at most {mid['max_busy_ms']:.1f} ms between probe firings, batch "
          f"{mid['batch_seconds']:.1f} s)")
    if folders:
        print("(folder, each run, cold/warm: max stall, and the most GUI-thread CPU between two "
              "probe firings: " +
              "; ".join(f"{f['cold']['max_stall_ms']:.0f}/{f['warm']['max_stall_ms']:.0f} ms, "
                        f"{f['cold']['max_busy_ms']:.1f}/{f['warm']['max_busy_ms']:.1f} ms"
                        for f in folders) + ")")


def make_tiny_set(scratch, count):
    path = os.path.join(scratch, "tiny")
    if os.path.isdir(path) and len(os.listdir(path)) == count:
        return path
    fresh_dir(scratch, "tiny")
    from PIL import Image
    for i in range(count):
        Image.new("RGB", (64, 64), ((i * 7) % 256, (i * 13) % 256, (i * 29) % 256)).save(
            os.path.join(path, f"t{i:05d}.png"))
    return path


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


def peak_rss(bin_dir, src, scratch):
    """Peak RSS (MB) of any worker and of the CLI while the CLI processes src."""
    with PeakRss("pixelmill-worker") as worker, PeakRss("pixelmill-cli") as cli:
        subprocess.run(cli_cmd(bin_dir, src, output_dir(scratch, "mem-out")),
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return worker.peak_kb / 1024, cli.peak_kb / 1024


def measure_memory(bin_dir, scratch, results):
    """Worker peaks on a 16000x16000 JPEG and an 8000x8000 PNG (each alone), and the CLI's peak
    while it holds `results` results (damaged PNGs: they fail fast, so the run is short)."""
    peaks = {}
    for name, args in (("huge.jpg", ["16000", "16000"]), ("large.png", ["8000", "8000"])):
        folder = os.path.join(scratch, "big-" + name.split(".")[0])
        image = os.path.join(folder, name)
        if not os.path.exists(image):
            fresh_dir(scratch, os.path.basename(folder))
            subprocess.run(["vips", "gaussnoise", image + ("[Q=90]" if name.endswith("jpg") else ""),
                            *args], check=True)
        peaks[name] = peak_rss(bin_dir, folder, scratch)[0]
    many = os.path.join(scratch, f"many-{results}")
    if not os.path.isdir(many):
        os.makedirs(many + ".tmp", exist_ok=True)
        for i in range(results):  # a PNG signature and nothing else: planned, then "truncated"
            with open(os.path.join(many + ".tmp", f"m{i:06d}.png"), "wb") as f:
                f.write(b"\x89PNG\r\n\x1a\n" + bytes(8))
        os.rename(many + ".tmp", many)
    start = time.perf_counter()
    cli_mb = peak_rss(bin_dir, many, scratch)[1]
    return peaks, cli_mb, time.perf_counter() - start


# The "photo export" job: what exporting photos for the web or a client asks for. Unlike the
# seed job's gray 800x600 (JPEGs decoded at 1/8 or 1/4 scale, luma only), it keeps colour and
# most of the pixels: shrink-on-load gets at most 1/2 (5120 -> 2048), and 40 of the 100
# images are not resized at all (never enlarged).
PHOTO_EDGE = 2048
# Debian's ImageMagick (bench-packages.txt), by path: a `convert` earlier in PATH may be another.
IM_CONVERT = "/usr/bin/convert"


def photo_cmd(bin_dir, src, dst, extra=()):
    return [os.path.join(bin_dir, "pixelmill-cli"), src, "-o", dst, "--long-edge", str(PHOTO_EDGE),
            "--no-enlarge", "--format", "jpg", "--quality", "90", "--colour", "srgb",
            "--workers", str(CORES), "--on-conflict", "overwrite", "--quiet", *extra]


def photo_peers(bin_dir, src, scratch):
    """(name, command-maker) pairs for the photo job. GNU parallel gets the files as arguments,
    with no shell between it and the names, and one job per core, as pixelmill has one worker
    per core. None is told to strip metadata."""
    files = sorted(os.path.join(src, f) for f in os.listdir(src))

    def pixelmill():  # its report maps inputs to outputs for photo_quality
        return photo_cmd(bin_dir, src, output_dir(scratch, "photo-pixelmill"),
                         ["--report", os.path.join(scratch, "photo-report.json")])

    def pillow():
        return ["/usr/bin/python3", os.path.join(SHARED, "photo_pool.py"), src,
                output_dir(scratch, "photo-pillow")]

    # A width alone is a width x width box: the long edge. With --export-profile srgb, vips 8.14
    # converts every image through a profile: from its embedded one, or from its own sRGB via
    # XYZ when there is none (thumbnail.c), so it pays for colour management on all 100.
    def vips_parallel():
        out = output_dir(scratch, "photo-vips")
        return ["parallel", "-q", f"-j{CORES}", "vips", "thumbnail", "{}",
                f"{out}/{{/.}}.jpg[Q=90]", str(PHOTO_EDGE), "--size", "down",
                "--export-profile", "srgb", ":::", *files]

    # No colour conversion for ImageMagick: version 6 converts only to a profile file named on
    # its command line, and every profile embedded in this corpus (19 of the 100 images) is an
    # sRGB one already, so the transform would change next to nothing. The embedded profile is
    # kept, like the rest of the metadata.
    def convert_parallel():
        out = output_dir(scratch, "photo-convert")
        return ["parallel", "-q", f"-j{CORES}", IM_CONVERT, "{}", "-resize",
                f"{PHOTO_EDGE}x{PHOTO_EDGE}>", "-quality", "90", f"{out}/{{/.}}.jpg",
                ":::", *files]

    return [("pixelmill", pixelmill), ("Pillow pool", pillow),
            ("vips CLI + parallel", vips_parallel),
            ("ImageMagick convert + parallel", convert_parallel)]


def measure_photo(bin_dir, corpus, scratch, reps):
    """Medians per peer over the whole corpus, interleaved as the seed job's subsets are."""
    rows = photo_peers(bin_dir, os.path.join(corpus, "all"), scratch)
    times = {}
    for _ in range(reps):  # every peer once per repetition
        for name, make in rows:
            times.setdefault(name, []).append(run_timed(make()))
    return {name: statistics.median(v) for name, v in times.items()}


def photo_quality(scratch):
    """PSNR (dB) of each output of the last timed pixelmill photo run against a reference made
    independently from its input (see reference_steps), and the inputs not measured with why.
    Two images at a time, one per core. Called only after every timed run: it keeps both cores
    busy for about a minute, and deletes files (see output_dir)."""
    with open(os.path.join(scratch, "photo-report.json")) as f:
        results = json.load(f)["results"]
    # The full-size intermediates of the CLI path (up to 60 MB an image) go to memory where
    # there is a tmpfs: on disk, their writeback would outlast the pass.
    base = "/dev/shm" if os.path.isdir("/dev/shm") else scratch

    def measure(result):
        if result["status"] != "ok":
            return None, f"pixelmill: {result['status']} {result.get('error') or ''}".strip()
        try:
            if pyvips:
                return psnr_pyvips(result["input"], result["output"]), None
            with tempfile.TemporaryDirectory(prefix="pixelmill-quality-", dir=base) as work:
                return psnr_vips_cli(result["input"], result["output"], work), None
        except Exception as e:  # a failed vips call, pyvips.Error, a header without a field
            detail = (getattr(e, "stderr", None) or str(e)).strip() or type(e).__name__
            return None, detail.splitlines()[-1]

    with ThreadPoolExecutor(CORES) as pool:
        measured = list(pool.map(measure, results))
    psnrs = [(db, os.path.basename(r["input"])) for r, (db, _) in zip(results, measured)
             if db is not None]
    missed = [(os.path.basename(r["input"]), why) for r, (db, why) in zip(results, measured)
              if db is None]
    return psnrs, missed


def psnr(mse):
    """Peak signal-to-noise ratio of 8-bit samples from their mean squared difference."""
    return math.inf if mse == 0 else 10 * math.log10(255 ** 2 / mse)


def reference_steps(header, width, height):
    """The steps that make the reference for one output of width x height from its input:
    decoded at full size (no shrink-on-load), converted to sRGB from its embedded profile if it
    has one, made 8-bit sRGB, flattened on white (as pixelmill does for JPEG), turned upright by
    its EXIF orientation, resized with Lanczos-3 to the output's size. Gap 0: libvips' resize
    would otherwise box-filter down to within twice the target size first. Only the steps an
    image needs, as (operation, positional arguments, options), so that the pyvips and the CLI
    path run the same list. `header`: the input's width, height, bands, format, interpretation,
    icc (bool) and orientation."""
    steps = []
    if header["icc"]:
        steps.append(("icc_transform", ["srgb"], {"embedded": True}))
    if header["interpretation"] != "srgb" or header["format"] != "uchar":
        steps.append(("colourspace", ["srgb"], {}))
    if header["bands"] in (2, 4):
        steps.append(("flatten", [], {"background": 255}))
    w, h = header["width"], header["height"]
    if header["orientation"] in range(2, 9):
        steps.append(("autorot", [], {}))
        if header["orientation"] >= 5:
            w, h = h, w
    if (w, h) != (width, height):
        steps.append(("resize", [width / w],
                      {"vscale": height / h, "kernel": "lanczos3", "gap": 0}))
    return steps


# The resize's rounding can miss the output's size by a pixel: cropped, or padded by copying
# the edge, before the comparison.
def fit_step(width, height):
    return ("embed", [0, 0, width, height], {"extend": "copy"})


def psnr_pyvips(src, out):
    output = pyvips.Image.new_from_file(out)
    image = pyvips.Image.new_from_file(src)
    header = {"width": image.width, "height": image.height, "bands": image.bands,
              "format": image.format, "interpretation": image.interpretation,
              "icc": image.get_typeof("icc-profile-data") != 0,
              "orientation": image.get("orientation")
              if image.get_typeof("orientation") != 0 else 1}
    steps = reference_steps(header, output.width, output.height)
    for operation, args, options in steps + [fit_step(output.width, output.height)]:
        image = getattr(image, operation)(*args, **options)
    diff = image - output  # a one-band (gray) output is compared with each of the three bands
    return psnr((diff * diff).avg())


def vips_header(path):
    """reference_steps' header fields of an image, from `vipsheader -a`."""
    proc = subprocess.run(["vipsheader", "-a", path], capture_output=True, text=True, check=True)
    fields = {}
    for line in proc.stdout.splitlines()[1:]:  # the first line is a summary after the path
        key, sep, value = line.partition(": ")
        if sep:
            fields.setdefault(key, value)
    return {"width": int(fields["width"]), "height": int(fields["height"]),
            "bands": int(fields["bands"]), "format": fields["format"],
            "interpretation": fields["interpretation"], "icc": "icc-profile-data" in fields,
            "orientation": int(fields.get("orientation") or 1)}


def psnr_vips_cli(src, out, work):
    """psnr_pyvips through the vips CLI: one call per step, through .v files in `work`, the
    last saving a PPM; the output is decoded by vips into a PPM too, and Pillow only reads the
    two and sums the squared differences. As few calls as an image needs: each costs 0.1-0.2 s
    of start-up alone. One vips thread per call, as two images are measured at a time."""
    from PIL import Image, ImageChops, ImageStat
    env = dict(os.environ, VIPS_CONCURRENCY="1")

    def vips(operation, image, args=(), options=None, suffix=".v"):
        path = os.path.join(work, f"{len(os.listdir(work))}-{operation}{suffix}")
        flags = [x for k, v in (options or {}).items()
                 for x in ([f"--{k}"] if v is True else [f"--{k}", str(v)])]
        subprocess.run(["vips", operation, image, path, *map(str, args), *flags],
                       capture_output=True, text=True, check=True, env=env)
        return path

    with Image.open(vips("copy", out, suffix=".ppm")) as decoded:
        output = decoded.convert("RGB")  # gray: its value in each of the three bands
    image = src
    steps = reference_steps(vips_header(src), *output.size) or [("copy", [], {})]
    for i, (operation, args, options) in enumerate(steps):
        image = vips(operation, image, args, options, ".ppm" if i == len(steps) - 1 else ".v")
    with Image.open(image) as reference:
        size = reference.size
    if size != output.size:
        operation, args, options = fit_step(*output.size)
        image = vips(operation, image, args, options, ".ppm")
    with Image.open(image) as reference:
        diff = ImageChops.difference(reference.convert("RGB"), output)
    return psnr(sum(ImageStat.Stat(diff).sum2) / (output.width * output.height * 3))


def machine():
    model = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_gb = int(f.readline().split()[1]) / 1024 / 1024
    return (f"{model}, {CORES} cores, {mem_gb:.1f} GB RAM, {os.uname().sysname} "
            f"{os.uname().release}; load average {os.getloadavg()[0]:.2f}")


def ratio_row(label, ours, theirs, goal):
    ratio = ours / theirs
    verdict = "met" if ratio <= goal else "NOT met"
    return f"| {label} | {ours:.2f} | {theirs:.2f} | {ratio:.2f} | <= {goal:.2f} | {verdict} |"


def seed_job(args):
    """The seed job's timed runs, the tiny set, the GUI latency and the memory peaks. Returns
    the function that prints their tables: main prints every job's tables after every job's
    runs, after the machine line that they all share."""
    t, ideal, pool_overhead = measure_subsets(args.bin_dir, args.corpus, args.scratch, args.reps)
    tiny = make_tiny_set(args.scratch, args.tiny)
    tiny_times = {"ours": [], "seed": []}
    for _ in range(args.reps):  # interleaved, like the corpus subsets
        tiny_times["ours"].append(
            run_timed(cli_cmd(args.bin_dir, tiny, output_dir(args.scratch, "tiny-out"))))
        tiny_times["seed"].append(
            run_timed(["/usr/bin/python3", os.path.join(SHARED, "seed_pool.py"), tiny,
                       output_dir(args.scratch, "tiny-seed")]))
    print("10,000 tiny PNGs, each run (s): pixelmill " +
          " ".join(f"{x:.2f}" for x in tiny_times["ours"]) + "; seed_pool " +
          " ".join(f"{x:.2f}" for x in tiny_times["seed"]), flush=True)
    tiny_ours = statistics.median(tiny_times["ours"])
    tiny_seed = statistics.median(tiny_times["seed"])
    gui = gui_latency(args.bin_dir, tiny, args.scratch, args.reps, args.gui_folder)
    worker_peaks, cli_mb, cli_seconds = measure_memory(args.bin_dir, args.scratch, args.results)

    def report():
        print("| subset | pixelmill | seed_pool (Pillow) | vips CLI + parallel | mogrify |")
        print("|---|---|---|---|---|")
        for s in SUBSETS:
            cell = lambda name: f"{t[(s, name)]:.2f}" if (s, name) in t else "-"
            print(f"| {s} | {cell('pixelmill')} | {cell('seed_pool (Pillow)')} | "
                  f"{cell('vips CLI + parallel')} | {cell('mogrify')} |")
        print("\n| goal | pixelmill | peer | ratio | target | |")
        print("|---|---|---|---|---|---|")
        p = lambda s: t[(s, "pixelmill")]
        print(ratio_row("all vs seed_pool", p("all"), t[("all", "seed_pool (Pillow)")], 0.75))
        for s, goal in (("jpg", 1.0), ("png", 1.0), ("webp", 0.6)):
            print(ratio_row(f"{s} vs seed_pool", p(s), t[(s, "seed_pool (Pillow)")], goal))
        print(ratio_row("all vs vips CLI + parallel", p("all"), t[("all", "vips CLI + parallel")], 0.35))
        print(ratio_row("jpg vs mogrify", p("jpg"), t[("jpg", "mogrify")], 0.1))
        print(ratio_row("all vs ideal", p("all"), ideal, 1.10))
        print(f"| (all vs its own job times / cores: pool, IPC, start-up, tail) | | | "
              f"{pool_overhead:.2f} | | |")
        print(ratio_row(f"{args.tiny} tiny PNG vs seed_pool", tiny_ours, tiny_seed, 1 / 1.5))
        print("\n| memory | peak RSS (MB) | target | |")
        print("|---|---|---|---|")
        for name, label in (("huge.jpg", "worker, 16000x16000 JPEG"), ("large.png", "worker, 8000x8000 PNG")):
            mb = worker_peaks[name]
            print(f"| {label} | {mb:.0f} | <= 200 | {'met' if mb <= 200 else 'NOT met'} |")
        print(f"| CLI holding {args.results} results ({cli_seconds:.1f} s) | {cli_mb:.0f} | <= 150 | "
              f"{'met' if cli_mb <= 150 else 'NOT met'} |")
        print_gui_latency(*gui)
    return report


def print_photo(times, quality, quality_seconds):
    print(f"Photo export, whole corpus: long edge {PHOTO_EDGE}, never enlarged, colour, "
          "JPEG quality 90, metadata kept, sRGB\n")
    names = list(times)  # photo_peers' order: pixelmill first
    print("| job | " + " | ".join(names) + " |")
    print("|---" * (len(names) + 1) + "|")
    print("| photo export, all | " + " | ".join(f"{times[n]:.2f}" for n in names) + " |")
    print("\n| goal | pixelmill | peer | ratio | target | |")
    print("|---|---|---|---|---|---|")
    for name, goal in (("Pillow pool", 0.5), ("vips CLI + parallel", 0.35),
                       ("ImageMagick convert + parallel", 0.15)):
        print(ratio_row(f"photo export vs {name}", times["pixelmill"], times[name], goal))
    psnrs, missed = quality
    how = "pyvips" if pyvips else "the vips CLI"
    if psnrs:
        worst_db, worst_name = min(psnrs)
        print(f"\nphoto export quality vs full-resolution Lanczos-3: median "
              f"{statistics.median(db for db, _ in psnrs):.1f} dB, worst {worst_db:.1f} dB "
              f"({len(psnrs)} images; worst {worst_name}; measured with {how} in "
              f"{quality_seconds:.0f} s, untimed)")
    if missed:
        print(f"photo export quality: {len(missed)} of {len(psnrs) + len(missed)} outputs not "
              "measured: " + "; ".join(f"{name}: {why}" for name, why in missed[:3]) +
              ("; ..." if len(missed) > 3 else ""))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bin_dir")
    parser.add_argument("--corpus", default=os.path.join(tempfile.gettempdir(), "pixelmill-corpus"))
    parser.add_argument("--scratch", default=os.path.join(tempfile.gettempdir(), "pixelmill-bench"))
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--tiny", type=int, default=10000)
    parser.add_argument("--results", type=int, default=100000,
                        help="results the CLI holds in the memory test")
    parser.add_argument("--gui-folder", type=int, default=10000,
                        help="images in the GUI latency's folder scenario (0: skip it)")
    parser.add_argument("--jobs", type=lambda text: text.split(","), default=JOBS[:2],
                        help="comma-separated, run in this file's order: seed (with the tiny, "
                             "GUI latency and memory figures), photo, gui (the GUI latency "
                             "figures alone) (default: seed,photo)")
    args = parser.parse_args()
    if not args.jobs or not set(args.jobs) <= set(JOBS):
        parser.error(f"--jobs: a comma-separated choice of {', '.join(JOBS)}")
    if args.reps < 1:
        parser.error("--reps: at least 1")
    if args.jobs != ["gui"] and not os.path.isdir(os.path.join(args.corpus, "all")):
        subprocess.run([os.path.join(SHARED, "corpus.sh"), args.corpus], check=True)
    os.makedirs(args.scratch, exist_ok=True)
    clear_outputs(args.scratch)
    machine_before = machine()

    selected = set(args.jobs)
    seed_report = seed_job(args) if "seed" in selected else None
    gui = None
    if "gui" in selected and "seed" not in selected:  # the seed job has them already
        gui = gui_latency(args.bin_dir, make_tiny_set(args.scratch, args.tiny), args.scratch,
                          args.reps, args.gui_folder)
    photo_times = None
    if "photo" in selected:
        photo_times = measure_photo(args.bin_dir, args.corpus, args.scratch, args.reps)
    load_after = os.getloadavg()[0]
    if photo_times:  # untimed, after every timed run
        start = time.perf_counter()
        quality = photo_quality(args.scratch)
        quality_seconds = time.perf_counter() - start

    print(f"\nMachine: {machine_before} (at start); load at end of the timed runs {load_after:.2f}")
    print(f"{args.reps} repetitions, interleaved, medians, seconds (wall, start to exit)\n")
    if seed_report:
        seed_report()
    if gui:
        print_gui_latency(*gui)
    if photo_times:
        if seed_report:
            print()
        print_photo(photo_times, quality, quality_seconds)


if __name__ == "__main__":
    main()
