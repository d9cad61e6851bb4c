"""The "web export" job for bench.py (issue 13): long edge 1600 (never enlarged), sharpen,
a text watermark at the bottom right, WebP quality 80, on the whole corpus. Peers, each
through GNU parallel with one job per core: libvips' CLI (thumbnail, sharpen, text with
alpha, composite2) and ImageMagick's convert (-resize -unsharp -annotate)."""
import os
import statistics

EDGE = 1600
MARK = "© Pixelmill"
CORES = os.cpu_count() or 2
IM_CONVERT = "/usr/bin/convert"
# ImageMagick's default font (Helvetica) is not on Debian; the font file Pango picks for "Sans
# Bold" is, as fonts-dejavu-core comes with the desktop and libvips' text.
IM_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

# One image through the vips CLI: as few calls as the recipe needs, .v files between them.
VIPS_SCRIPT = r"""set -e
in=$1; out=$2; t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
vips thumbnail "$in" "$t/a.v" %(edge)d --size down
vips sharpen "$t/a.v" "$t/b.v"
h=$(vipsheader -f height "$t/b.v"); w=$(vipsheader -f width "$t/b.v")
vips text "$t/t.v" "<span foreground='white'>%(mark)s</span>" --rgba --height $((h * 4 / 100))
tw=$(vipsheader -f width "$t/t.v"); th=$(vipsheader -f height "$t/t.v")
m=$(( (w < h ? w : h) * 2 / 100 ))
vips composite2 "$t/b.v" "$t/t.v" "$out[Q=80]" over --x $((w - tw - m)) --y $((h - th - m))
""" % {"edge": EDGE, "mark": MARK}


def pixelmill_cmd(bin_dir, src, dst):
    return [os.path.join(bin_dir, "pixelmill-cli"), src, "-o", dst, "--long-edge", str(EDGE),
            "--no-enlarge", "--sharpen", "--watermark-text", MARK, "--format", "webp",
            "--quality", "80", "--workers", str(CORES), "--on-conflict", "overwrite", "--quiet"]


def peers(bin_dir, src, scratch, output_dir):
    files = sorted(os.path.join(src, f) for f in os.listdir(src))
    script = os.path.join(scratch, "web-vips.sh")
    with open(script, "w") as f:
        f.write(VIPS_SCRIPT)

    def vips_parallel():
        out = output_dir("web-vips")
        return ["parallel", "-q", f"-j{CORES}", "bash", script, "{}", f"{out}/{{/.}}.webp",
                ":::", *files]

    def convert_parallel():
        out = output_dir("web-convert")
        return ["parallel", "-q", f"-j{CORES}", IM_CONVERT, "{}", "-resize",
                f"{EDGE}x{EDGE}>", "-unsharp", "0x0.75+0.75+0", "-gravity", "southeast",
                "-font", IM_FONT, "-fill", "white", "-pointsize", "40", "-annotate", "+20+20", MARK,
                "-quality", "80", f"{out}/{{/.}}.webp", ":::", *files]

    return [("pixelmill", lambda: pixelmill_cmd(bin_dir, src, output_dir("web-pixelmill"))),
            ("vips CLI + parallel", vips_parallel),
            ("ImageMagick convert + parallel", convert_parallel)]


def measure(bin_dir, corpus, scratch, reps, run_timed, output_dir):
    """Medians per peer, interleaved (every peer once per repetition)."""
    rows = peers(bin_dir, os.path.join(corpus, "all"), scratch, output_dir)
    times = {}
    for _ in range(reps):
        for name, make in rows:
            times.setdefault(name, []).append(run_timed(make()))
    return {name: (statistics.median(v), v) for name, v in times.items()}


def report(times, ratio_row):
    print(f"\nWeb export, whole corpus: long edge {EDGE}, never enlarged, sharpen, text "
          "watermark, WebP quality 80\n")
    print("| peer | median (s) | runs (s) |")
    print("|---|---|---|")
    for name, (median, runs) in times.items():
        print(f"| {name} | {median:.2f} | {' '.join(f'{r:.2f}' for r in runs)} |")
    print("\n| goal | pixelmill | peer | ratio | target | |")
    print("|---|---|---|---|---|---|")
    ours = times["pixelmill"][0]
    for name, goal in (("vips CLI + parallel", 0.35), ("ImageMagick convert + parallel", 0.15)):
        print(ratio_row(f"web export vs {name}", ours, times[name][0], goal))
