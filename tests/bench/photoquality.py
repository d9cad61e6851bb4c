"""Photo-export quality for bench.py: PSNR of each output against a reference made
independently from its input with libvips (pyvips when present, else the vips CLI)."""
import json
import math
import os
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor

try:  # not in Debian 12: the quality check falls back to the vips CLI (libvips-tools)
    import pyvips
except (ImportError, OSError):
    pyvips = None

CORES = os.cpu_count() or 2


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
