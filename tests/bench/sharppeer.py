"""sharp as a bench peer (issue 16): the Node library over its own prebuilt libvips 8.18 that
web teams pick for batch resizing. Installed once from the npm registry into a cache folder,
then run through ../shared/bench/sharp_batch.js: two images in flight on two cores,
sharp.concurrency(1), as Pixelmill runs one worker per core."""
import os
import subprocess

VERSION = "0.35.5"
HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(HERE))), "shared",
                      "bench", "sharp_batch.js")


def cache_dir():
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "pixelmill-bench", f"sharp-{VERSION}")


def ensure_installed():
    """The node_modules folder holding sharp, installing it on first use; None, with the
    reason printed, when npm or the registry is not there (the bench then runs without it)."""
    prefix = cache_dir()
    modules = os.path.join(prefix, "node_modules")
    if os.path.isdir(os.path.join(modules, "sharp")):
        return modules
    print(f"Installing sharp {VERSION} into {prefix} (npm registry)...", flush=True)
    try:
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", prefix,
                        f"sharp@{VERSION}"], check=True, stdout=subprocess.DEVNULL)
    except (OSError, subprocess.CalledProcessError) as e:
        print(f"sharp left out of this bench: npm install failed ({e})", flush=True)
        return None
    return modules


def environment(modules):
    # Two libuv threads: sharp's work runs there, one image each.
    return dict(os.environ, NODE_PATH=modules, UV_THREADPOOL_SIZE="2")


def command(job, src, dst):
    """job: "seed" (fit 800x600, gray, Q85) or "photo" (long edge 2048, Q90, metadata kept)."""
    return ["node", SCRIPT, job, src, dst]
