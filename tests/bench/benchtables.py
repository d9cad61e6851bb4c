"""The bench's printed tables that more than one job shares: a ratio against its goal, the
run-by-run spread of a ratio, the machine line, and the photo job's tables."""
import os
import statistics

from photoquality import pyvips


def ratio_row(label, ours, theirs, goal):
    ratio = ours / theirs
    verdict = "met" if ratio <= goal else "NOT met"
    return f"| {label} | {ours:.2f} | {theirs:.2f} | {ratio:.2f} | <= {goal:.2f} | {verdict} |"


def spread_line(label, ours, theirs):
    """Each repetition's times and ratio (the runs are interleaved, so run i of each peer saw
    the same minutes of the machine), and the ratios' range."""
    ratios = [a / b for a, b in zip(ours, theirs)]
    runs = ", ".join(f"{a:.2f}/{b:.2f} = {r:.2f}" for a, b, r in zip(ours, theirs, ratios))
    return f"{label}, run by run: {runs} (ratio {min(ratios):.2f} to {max(ratios):.2f})"


def print_photo(times, runs, quality, quality_seconds, edge):
    print(f"Photo export, whole corpus: long edge {edge}, never enlarged, colour, "
          "JPEG quality 90, metadata kept, sRGB\n")
    names = list(times)  # photo_peers' order: pixelmill first
    print("| job | " + " | ".join(names) + " |")
    print("|---" * (len(names) + 1) + "|")
    print("| photo export, all | " + " | ".join(f"{times[n]:.2f}" for n in names) + " |")
    print("\n| goal | pixelmill | peer | ratio | target | |")
    print("|---|---|---|---|---|---|")
    for name, goal in (("Pillow pool", 0.5), ("vips CLI + parallel", 0.35),
                       ("ImageMagick convert + parallel", 0.15), ("sharp", 0.5)):
        if name in times:
            print(ratio_row(f"photo export vs {name}", times["pixelmill"], times[name], goal))
    if "sharp" in runs:
        print(spread_line("photo export vs sharp", runs["pixelmill"], runs["sharp"]))
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


def machine():
    model = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_gb = int(f.readline().split()[1]) / 1024 / 1024
    return (f"{model}, {os.cpu_count() or 2} cores, {mem_gb:.1f} GB RAM, {os.uname().sysname} "
            f"{os.uname().release}; load average {os.getloadavg()[0]:.2f}")
