#!/usr/bin/env bash
# `make test-cluster` (ctest label "cluster"): packaging/slurm/pixelmill-array.sbatch on a real
# single-node Slurm cluster started here (munged, slurmctld, slurmd from a generated slurm.conf
# in a temporary folder, stopped by their pid files whatever happens). Over a corpus of 240
# real images it checks: every image processed exactly once across 4 shards; the merged report
# lists every input once; outputs equal an unsharded run's, name for name and byte for byte
# (so pixel for pixel); a shard cancelled mid-run with scancel, re-run with --resume, does
# only its remainder. Without root or where the daemons cannot start it says why and exits 77
# (ctest SKIP_RETURN_CODE), never passing by accident.
#
# Usage: test-cluster.sh BIN_DIR SOURCE_DIR
set -euo pipefail
bin=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
SKIP=77
skip() { echo "SKIPPED: $*"; exit $SKIP; }
fail() { echo "FAILED: $*" >&2; exit 1; }

[[ $(id -u) -eq 0 ]] || skip "needs root to start munged, slurmctld and slurmd"
"$src/packaging/install-deps.sh" "$src/packaging/cluster-packages.txt" ||
    skip "could not install the packages of packaging/cluster-packages.txt"
for tool in munged mungekey slurmctld slurmd sbatch squeue scancel sinfo; do
    command -v "$tool" >/dev/null || PATH=$PATH:/usr/sbin command -v "$tool" >/dev/null ||
        skip "$tool is not installed"
done
export PATH=$PATH:/usr/sbin
[[ -x "$bin/pixelmill-cli" && -x "$bin/pixelmill-worker" ]] || fail "build pixelmill-cli first"

work=$(mktemp -d /tmp/pixelmill-cluster.XXXXXX)
chmod 755 "$work"
stop_daemons() {
    local pidfile pid
    # Jobs first, so that no pixelmill-cli outlives the cluster and writes into a removed $work.
    if [[ -s "$work/slurmctld.pid" ]] && [[ -n "$(squeue -h 2>/dev/null)" ]]; then
        scancel --full --user=root 2>/dev/null || true
        for _ in $(seq 100); do [[ -z "$(squeue -h 2>/dev/null)" ]] && break; sleep 0.1; done
    fi
    for pidfile in "$work/slurmd.pid" "$work/slurmctld.pid" "$work/munge/munged.pid"; do
        [[ -s "$pidfile" ]] || continue
        pid=$(cat "$pidfile")
        kill "$pid" 2>/dev/null || continue
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -9 "$pid" 2>/dev/null || true
    done
}
on_exit() {
    local code=$?
    stop_daemons
    if [[ $code -ne 0 && $code -ne $SKIP ]]; then
        for log in "$work"/*.log "$work"/logs/*; do
            [[ -f "$log" ]] && { echo "--- $log"; tail -n 30 "$log"; }
        done
    fi
    rm -rf "$work"
    exit $code
}
trap on_exit EXIT
trap 'exit 130' INT TERM

wait_for_queue_to_empty() {
    for _ in $(seq 600); do
        [[ -z "$(squeue -h 2>/dev/null)" ]] && return 0
        sleep 0.2
    done
    fail "jobs still queued after two minutes: $(squeue)"
}

# --- a private cluster: munge key and socket, slurm.conf, state, all under $work ---
mkdir -p "$work/munge" "$work/state" "$work/spool" "$work/logs"
chmod 700 "$work/munge"
mungekey --create --keyfile="$work/munge/munge.key" >/dev/null 2>&1 ||
    dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
munged --force --key-file="$work/munge/munge.key" --socket="$work/munge/munge.socket" \
    --pid-file="$work/munge/munged.pid" --log-file="$work/munge/munged.log" \
    --seed-file="$work/munge/munged.seed" ||
    skip "munged does not start here: $(tail -n 3 "$work/munge/munged.log" 2>/dev/null)"

host=$(hostname -s)
port=$((20000 + RANDOM % 20000))
export SLURM_CONF="$work/slurm.conf"
cat >"$SLURM_CONF" <<CONF
ClusterName=pixelmill-test
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$work/munge/munge.socket
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
KillWait=10
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -f "$SLURM_CONF" -i || skip "slurmctld does not start here (see $work/slurmctld.log)"
slurmd -f "$SLURM_CONF" || skip "slurmd does not start here (see $work/slurmd.log)"
for _ in $(seq 150); do
    [[ "$(sinfo -h -o %T 2>/dev/null)" == idle ]] && break
    sleep 0.2
done
[[ "$(sinfo -h -o %T 2>/dev/null)" == idle ]] ||
    skip "the Slurm node never became idle: $(sinfo -h -o '%T %E' 2>&1)"
echo "cluster up after ${SECONDS} s: $host, $(nproc) CPUs, slurmctld port $port"

# --- the corpus: 240 real PNGs (noise: distinct pixels, slow enough to cancel mid-shard), in
# two folders whose file names repeat ---
input="$work/input"
/usr/bin/python3 - "$input" <<'PY'
import os, struct, sys, zlib
def png(path, w, h, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\0" + r for r in rows)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw, 1)) + chunk(b"IEND", b""))
for folder in "ab":
    os.makedirs(os.path.join(sys.argv[1], folder))
    for i in range(120):
        png(os.path.join(sys.argv[1], folder, f"img{i:03d}.png"), 480, 360,
            [os.urandom(480 * 3) for _ in range(360)])
PY
count=$(find "$input" -name '*.png' | wc -l)
[[ $count -eq 240 ]] || fail "made $count images, expected 240"
recipe=(--resize 160x120 --format png --recursive)

# --- reference: one unsharded run on this machine ---
"$bin/pixelmill-cli" "$input" -o "$work/reference" "${recipe[@]}" --workers 2 --quiet ||
    fail "the unsharded reference run failed"

# --- the array, as a user submits it: 4 shards, one CPU each here ---
export PIXELMILL_CLI="$bin/pixelmill-cli" PIXELMILL_INPUT="$input"
export PIXELMILL_OUTPUT="$work/output" PIXELMILL_REPORTS="$work/reports"
echo "corpus and unsharded reference ready at ${SECONDS} s"
started=$(date +%s)
array=$(bash "$src/packaging/slurm/pixelmill-array.sbatch" \
    --slurm "--array=0-3 --cpus-per-task=1 --output=$work/logs/%A_%a.log" "${recipe[@]}" |
    sed -n 's/^submitted array \([0-9]*\).*/\1/p')
[[ -n "$array" ]] || fail "the array was not submitted"
wait_for_queue_to_empty
echo "array $array and its merge job ran in $(($(date +%s) - started)) s"

/usr/bin/python3 - "$input" "$work/reports" <<'PY' || fail "shard reports"
import json, os, sys
inp, reports = sys.argv[1], sys.argv[2]
corpus = sorted(os.path.join(d, f) for d, _, fs in os.walk(inp) for f in fs)
seen = []
for k in range(4):
    r = json.load(open(os.path.join(reports, f"run-{k}.json")))
    assert r["summary"]["shard"] == f"{k}/4", r["summary"]
    oks = [x["input"] for x in r["results"] if x["status"] == "ok"]
    assert len(oks) == len(r["results"]) == r["summary"]["total"] > 0, (k, r["summary"])
    seen += oks
    print(f"shard {k}: {len(oks)} images")
assert sorted(seen) == corpus, "not every image exactly once across the shards"
plans = {json.load(open(os.path.join(reports, f"run-{k}.json")))["summary"]["plan"] for k in range(4)}
assert len(plans) == 1, plans
m = json.load(open(os.path.join(reports, "merged.json")))
inputs = [x["input"] for x in m["results"]]
assert sorted(inputs) == corpus and len(set(inputs)) == len(inputs), "merged report"
assert m["summary"]["total"] == m["summary"]["ok"] == len(corpus), m["summary"]
assert m["summary"]["shard"] == "0,1,2,3/4", m["summary"]
print("every image processed exactly once; merged report lists each input once")
PY

# outputs: the same names, byte for byte, as the unsharded run; only images in the folder
diff <(cd "$work/reference" && find . -type f | sort) <(cd "$work/output" && find . -type f | sort) ||
    fail "sharded outputs are not named as the unsharded run's (or a journal was left)"
while read -r f; do
    cmp -s "$work/reference/$f" "$work/output/$f" || fail "$f differs from the unsharded output"
done < <(cd "$work/reference" && find . -type f)
echo "outputs equal the unsharded run's: $(find "$work/output" -type f | wc -l) files"

# --- cancel shard 2 mid-run with scancel, then re-run that index with --resume ---
export PIXELMILL_OUTPUT="$work/output2" PIXELMILL_REPORTS="$work/reports2" PIXELMILL_SHARDS=4
journal="$work/output2/.pixelmill-journal-2-of-4"
# three times the size, TIFF, one worker: about 0.1 s an image, 6 s for the shard
slow=(--percent 300 --format tiff --recursive --workers 1)
job=$(sbatch --parsable --array=2 --cpus-per-task=1 --output="$work/logs/cancel-%A_%a.log" \
    "$src/packaging/slurm/pixelmill-array.sbatch" --quiet "${slow[@]}")
job=${job%%;*}
for _ in $(seq 600); do # until the shard has finished a few images (header + 3 lines)
    [[ -f "$journal" && $(wc -l <"$journal") -ge 4 ]] && break
    sleep 0.05
done
scancel --signal=TERM --full "${job}_2" 2>/dev/null || scancel "${job}_2"
wait_for_queue_to_empty
[[ -f "$journal" ]] ||
    fail "shard 2 left no journal: it finished before the cancel, or never started (log below)"
done_before=$(($(wc -l <"$journal") - 1))
cancel_report="$work/reports2/run-2.json"
shard_size=$(/usr/bin/python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['summary']['total'])" \
    "$work/reports/run-2.json")
echo "shard 2 cancelled after $done_before of $shard_size images (at ${SECONDS} s)"
[[ $done_before -ge 3 && $done_before -lt $shard_size ]] || fail "not cancelled mid-run"
echo "no job left at ${SECONDS} s"
# (sbatch --wait polls at growing intervals, up to half a minute here: squeue is polled instead)
sbatch --array=2 --cpus-per-task=1 --output="$work/logs/resume-%A_%a.log" \
    "$src/packaging/slurm/pixelmill-array.sbatch" --resume --quiet "${slow[@]}" >/dev/null ||
    fail "the resumed shard was not submitted"
wait_for_queue_to_empty
/usr/bin/python3 - "$cancel_report" "$done_before" "$shard_size" <<'PY' || fail "resume"
import json, sys
r = json.load(open(sys.argv[1]))
done, size = int(sys.argv[2]), int(sys.argv[3])
s = r["summary"]
assert s["total"] == size and s["skipped"] == done and s["ok"] == size - done, (s, done, size)
assert all(x["error"].startswith(("output exists", "done in an earlier run"))
           for x in r["results"] if x["status"] == "skipped"), r["results"]
print(f"resumed shard 2: {s['ok']} processed, {s['skipped']} skipped as done before")
PY
[[ ! -e "$journal" ]] || fail "the completed shard kept its journal"
[[ $(find "$work/output2" -type f | wc -l) -eq $shard_size ]] || fail "shard 2's outputs"
echo "PASSED in ${SECONDS} s"
