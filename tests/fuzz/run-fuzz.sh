#!/usr/bin/env bash
# Runs every fuzz target of tests/fuzz for SECONDS each, from seeds made by
# pixelmill-fuzz-seeds plus the corpus earlier runs kept (BUILD_DIR/corpus), and prints the
# executions per target. A crash, timeout or out-of-memory input is copied to
# tests/fuzz/regressions/<target>/, where the normal test suite replays it (fuzz_replay_*):
# fix the bug, keep the input. Exit status 1 when anything was found.
# Usage: tests/fuzz/run-fuzz.sh BUILD_DIR SECONDS
set -uo pipefail
build=${1:?build dir}
seconds=${2:?seconds per target}
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
targets=(pngfast header webp protocol jpegscans)

rm -rf "$build/seeds" "$build/findings"
ASAN_OPTIONS=detect_leaks=0 "$build/bin/pixelmill-fuzz-seeds" "$build/seeds" \
    "$source_dir/resources/samples" 2>/dev/null || { echo "fuzz: seed generation failed"; exit 1; }

found=0
clean=0
summary=()
for target in "${targets[@]}"; do
    corpus="$build/corpus/$target"
    findings="$build/findings/$target"
    log="$build/logs/$target.log"
    mkdir -p "$corpus" "$findings" "$(dirname "$log")"
    # -timeout: one input taking over 10 s is a hang; -rss_limit_mb: the machine is shared.
    "$build/bin/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" "$build/seeds/$target" \
        >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    kept=$(find "$corpus" -type f | wc -l)
    result=clean
    shopt -s nullglob
    inputs=("$findings"/*)
    shopt -u nullglob
    if ((${#inputs[@]} > 0)) || [ "$status" -ne 0 ]; then
        found=1
        result="FOUND (exit $status, log $log)"
        mkdir -p "$source_dir/tests/fuzz/regressions/$target"
        for input in "${inputs[@]}"; do
            cp "$input" "$source_dir/tests/fuzz/regressions/$target/"
            result+=" -> tests/fuzz/regressions/$target/$(basename "$input")"
        done
        grep -m3 -E "ERROR|runtime error|invariant broken|Timeout|out-of-memory" "$log" | sed 's/^/    /'
    fi
    [ "$result" = clean ] && clean=$((clean + 1))
    summary+=("$(printf '%-9s %12s executions %8s exec/s %6s corpus files  %s' \
        "$target" "${runs:-?}" "${rate:-?}" "$kept" "$result")")
done

echo "fuzz: ${seconds} s per target"
printf '  %s\n' "${summary[@]}"
echo "fuzz: $clean passed, $(( ${#targets[@]} - clean )) failed"
if [ "$found" -ne 0 ]; then
    echo "fuzz: findings were copied to tests/fuzz/regressions/; fix them and commit the inputs"
    exit 1
fi
