"""GUI latency figures for bench.py (issues 5 and 14): bench_guilatency over the results
stream and over a large folder's listing and thumbnails, and their table."""
import json
import os
import statistics
import subprocess
import sys

CORES = os.cpu_count() or 2


def run_json(cmd):
    """The JSON line a bench program prints last; exits on its failure."""
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit(f"benchmark command failed ({proc.returncode}): {' '.join(cmd)}\n"
                 f"{proc.stdout}{proc.stderr}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def gui_latency(bin_dir, tiny, scratch, reps, folder_images, output_dir):
    """The GUI thread's figures (bench_guilatency), every run: the whole window over the tiny
    set while a 5 ms probe timer measures its stalls as the results stream in; then, unless
    folder_images is 0, a folder of that many 256x192 images opened twice (empty, then warm
    thumbnail cache): time until the list is shown and Start enabled, stalls while the
    thumbnails stream in. output_dir(name): a fresh output folder for one run."""
    results, folders = [], []
    folder = os.path.join(scratch, f"thumbs-{folder_images}")
    for _ in range(reps):  # interleaved, like the timed runs
        results.append(run_json([os.path.join(bin_dir, "bench_guilatency"), tiny,
                                 output_dir("tiny-gui"), "--workers", str(CORES)]))
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
