#!/usr/bin/python3
"""The cluster files users copy: packaging/kubernetes/*.yaml parse as YAML and describe an
Indexed Job whose shard count, index and command agree, plus the merge; the Slurm script is
valid bash and keeps its promises (shard from the array, workers from the allocation, a
dependent merge). Usage: check-manifests.py SOURCE_DIR"""
import glob
import os
import subprocess
import sys

import yaml

src = sys.argv[1]
manifests = glob.glob(os.path.join(src, "packaging/kubernetes/*.yaml"))
assert manifests, "no manifest in packaging/kubernetes"
docs = [d for path in manifests for d in yaml.safe_load_all(open(path)) if d]
jobs = {d["metadata"]["name"]: d for d in docs if d["kind"] == "Job"}
assert set(jobs) == {"pixelmill", "pixelmill-merge"}, jobs.keys()
for d in docs:
    assert d["apiVersion"] == "batch/v1", d["apiVersion"]

shards = jobs["pixelmill"]["spec"]
assert shards["completionMode"] == "Indexed"
assert 1 <= shards["parallelism"] <= shards["completions"]
pod = shards["template"]["spec"]
assert pod["restartPolicy"] == "Never"
(container,) = pod["containers"]
env = {e["name"]: e for e in container["env"]}
assert int(env["SHARDS"]["value"]) == shards["completions"], "SHARDS must equal completions"
assert env["WORKERS"]["valueFrom"]["resourceFieldRef"]["resource"] == "limits.cpu"
command = " ".join(container["command"] + container["args"])
for part in ('--shard "$JOB_COMPLETION_INDEX/$SHARDS"', '--workers "$WORKERS"', "--resume",
             "run-{shard}.json"):
    assert part in command, part
mounts = {m["name"] for m in container["volumeMounts"]}
assert mounts == {v["name"] for v in pod["volumes"]}

merge = jobs["pixelmill-merge"]["spec"]["template"]["spec"]["containers"][0]
assert "merge-reports" in " ".join(merge["command"] + merge["args"])

script = os.path.join(src, "packaging/slurm/pixelmill-array.sbatch")
subprocess.run(["bash", "-n", script], check=True)
text = open(script).read()
for part in ("#SBATCH --array=0-", "#SBATCH --nodes=1", "#SBATCH --ntasks=1",
             '--shard "$SLURM_ARRAY_TASK_ID/$shards"', '--workers "${SLURM_CPUS_PER_TASK',
             "--dependency=\"afterany:", "merge-reports", "run-{shard}.json"):
    assert part in text, part
print(f"ok: {len(docs)} Kubernetes documents, the Slurm script")
