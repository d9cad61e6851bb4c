#!/usr/bin/python3
"""Pixelmill benchmark: pixelmill-cli against its peers, interleaved, medians of N runs.

Seed job: fit inside 800x600, grayscale, JPEG quality 85, 2 workers (one per core).
Peers: the reference Python recipe (../shared/bench/seed_pool.py, Pillow process pool),
`vips thumbnail` through GNU parallel, ImageMagick `mogrify` (JPEG subset only), and sharp
(sharppeer.py, installed from npm into a cache folder; also in the photo job).
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
Third job, "web export" (webjob.py): long edge 1600, sharpen, text watermark, WebP Q80, against
the vips CLI and ImageMagick through GNU parallel.
`--jobs photo` runs that job alone (`--jobs seed,photo`, the default, runs both).
`--jobs gui` runs only the GUI latency figures (the seed job includes them), in a few minutes.

Run through `make bench`; not a test: nothing here gates CI.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from benchmemory import measure_memory
from guibench import gui_latency, print_gui_latency
from benchtables import machine, print_photo, ratio_row, spread_line
from photoquality import photo_quality
import sharppeer
import webjob

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "bench")
CORES = os.cpu_count() or 2
SUBSETS = ["jpg", "png", "webp", "all"]
JOBS = ["seed", "photo", "gui", "web"]
SHARP_MODULES = None  # set by main: sharp's node_modules, or None when it could not be installed


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


def as_command(made):
    """A peer's maker returns a command, or (command, environment) when it needs one."""
    return made if isinstance(made, tuple) else (made,)


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
    if SHARP_MODULES:
        rows.append(("sharp", lambda: (sharppeer.command("seed", src, output_dir(scratch, "sharp")),
                                      sharppeer.environment(SHARP_MODULES))))
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
                seconds = run_timed(*as_command(make()))
                times.setdefault((subset, name), []).append(seconds)
                if subset == "all" and name == "pixelmill":
                    overheads.append(seconds / in_run_job_seconds(scratch))
            if subset == "all":
                ideals.append(ideal_seconds(bin_dir, corpus, scratch))
    medians = {key: statistics.median(v) for key, v in times.items()}
    return medians, statistics.median(ideals), statistics.median(overheads), times


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

    rows = [("pixelmill", pixelmill), ("Pillow pool", pillow),
            ("vips CLI + parallel", vips_parallel),
            ("ImageMagick convert + parallel", convert_parallel)]
    if SHARP_MODULES:
        rows.append(("sharp", lambda: (sharppeer.command("photo", src,
                                                         output_dir(scratch, "photo-sharp")),
                                      sharppeer.environment(SHARP_MODULES))))
    return rows


def measure_photo(bin_dir, corpus, scratch, reps):
    """Medians per peer over the whole corpus, interleaved as the seed job's subsets are."""
    rows = photo_peers(bin_dir, os.path.join(corpus, "all"), scratch)
    times = {}
    for _ in range(reps):  # every peer once per repetition
        for name, make in rows:
            times.setdefault(name, []).append(run_timed(*as_command(make())))
    return {name: statistics.median(v) for name, v in times.items()}, times


def seed_job(args):
    """The seed job's timed runs, the tiny set, the GUI latency and the memory peaks. Returns
    the function that prints their tables: main prints every job's tables after every job's
    runs, after the machine line that they all share."""
    t, ideal, pool_overhead, runs = measure_subsets(args.bin_dir, args.corpus, args.scratch,
                                                    args.reps)
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
    gui = gui_latency(args.bin_dir, tiny, args.scratch, args.reps, args.gui_folder,
                      lambda name: output_dir(args.scratch, name))
    worker_peaks, cli_mb, cli_seconds = measure_memory(
        lambda src: cli_cmd(args.bin_dir, src, output_dir(args.scratch, "mem-out")), args.scratch,
        args.results)

    def report():
        names = ["pixelmill", "sharp", "seed_pool (Pillow)", "vips CLI + parallel", "mogrify"]
        print("| subset | " + " | ".join(names) + " |")
        print("|---" * (len(names) + 1) + "|")
        for s in SUBSETS:
            cell = lambda name: f"{t[(s, name)]:.2f}" if (s, name) in t else "-"
            print(f"| {s} | " + " | ".join(cell(n) for n in names) + " |")
        print("\n| goal | pixelmill | peer | ratio | target | |")
        print("|---|---|---|---|---|---|")
        p = lambda s: t[(s, "pixelmill")]
        print(ratio_row("all vs seed_pool", p("all"), t[("all", "seed_pool (Pillow)")], 0.75))
        for s, goal in (("jpg", 1.0), ("png", 1.0), ("webp", 0.6)):
            print(ratio_row(f"{s} vs seed_pool", p(s), t[(s, "seed_pool (Pillow)")], goal))
        print(ratio_row("all vs vips CLI + parallel", p("all"), t[("all", "vips CLI + parallel")], 0.35))
        print(ratio_row("jpg vs mogrify", p("jpg"), t[("jpg", "mogrify")], 0.1))
        if ("all", "sharp") in t:  # issue 16's goals
            for s, goal in (("all", 0.5), ("jpg", 0.5), ("png", 0.5), ("webp", 0.7)):
                print(ratio_row(f"{s} vs sharp", p(s), t[(s, "sharp")], goal))
        print(ratio_row("all vs ideal", p("all"), ideal, 1.10))
        print(f"| (all vs its own job times / cores: pool, IPC, start-up, tail) | | | "
              f"{pool_overhead:.2f} | | |")
        print(ratio_row(f"{args.tiny} tiny PNG vs seed_pool", tiny_ours, tiny_seed, 1 / 1.5))
        if ("all", "sharp") in runs:  # issue 16 asks for the spread, run by run
            for s in ("all", "jpg", "png", "webp"):
                print(spread_line(f"{s} vs sharp", runs[(s, "pixelmill")], runs[(s, "sharp")]))
        print("\n| memory | peak RSS (MB) | target | |")
        print("|---|---|---|---|")
        for name, label in (("huge.jpg", "worker, 16000x16000 JPEG"), ("large.png", "worker, 8000x8000 PNG")):
            mb = worker_peaks[name]
            print(f"| {label} | {mb:.0f} | <= 200 | {'met' if mb <= 200 else 'NOT met'} |")
        print(f"| CLI holding {args.results} results ({cli_seconds:.1f} s) | {cli_mb:.0f} | <= 150 | "
              f"{'met' if cli_mb <= 150 else 'NOT met'} |")
        print_gui_latency(*gui)
    return report


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
    parser.add_argument("--jobs", type=lambda text: text.split(","), default=["seed", "photo", "web"],
                        help="comma-separated, run in this file's order: seed (with the tiny, "
                             "GUI latency and memory figures), photo, gui (the GUI latency "
                             "figures alone), web (web export: long edge 1600, sharpen, text "
                             "watermark, WebP Q80; webjob.py) (default: seed,photo,web)")
    args = parser.parse_args()
    if not args.jobs or not set(args.jobs) <= set(JOBS):
        parser.error(f"--jobs: a comma-separated choice of {', '.join(JOBS)}")
    if args.reps < 1:
        parser.error("--reps: at least 1")
    if args.jobs != ["gui"] and not os.path.isdir(os.path.join(args.corpus, "all")):
        subprocess.run([os.path.join(SHARED, "corpus.sh"), args.corpus], check=True)
    os.makedirs(args.scratch, exist_ok=True)
    clear_outputs(args.scratch)
    global SHARP_MODULES
    SHARP_MODULES = sharppeer.ensure_installed() if {"seed", "photo"} & set(args.jobs) else None
    machine_before = machine()

    selected = set(args.jobs)
    seed_report = seed_job(args) if "seed" in selected else None
    gui = None
    if "gui" in selected and "seed" not in selected:  # the seed job has them already
        gui = gui_latency(args.bin_dir, make_tiny_set(args.scratch, args.tiny), args.scratch,
                          args.reps, args.gui_folder, lambda name: output_dir(args.scratch, name))
    photo_times = None
    if "photo" in selected:
        photo_times, photo_runs = measure_photo(args.bin_dir, args.corpus, args.scratch,
                                                args.reps)
    web_times = None
    if "web" in selected:
        web_times = webjob.measure(args.bin_dir, args.corpus, args.scratch, args.reps, run_timed,
                                   lambda name: output_dir(args.scratch, name))
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
    if web_times:
        webjob.report(web_times, ratio_row)
    if photo_times:
        if seed_report:
            print()
        print_photo(photo_times, photo_runs, quality, quality_seconds, PHOTO_EDGE)


if __name__ == "__main__":
    main()
