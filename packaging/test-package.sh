#!/usr/bin/env bash
# Builds the .deb from a build tree, validates its desktop integration, extracts it into a
# scratch root and runs the installed pixelmill-cli from there (which also proves the front
# ends find the worker relative to their own location). Usage: test-package.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

(cd "$build" && cpack -G DEB -B "$scratch/deb" >/dev/null)
deb=$(ls "$scratch"/deb/pixelmill_*.deb)
echo "built $(basename "$deb")"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libvips42 libqt6widgets6 libopencv-imgcodecs; do
    [[ "$depends" == *"$lib"* ]] || { echo "FAIL: Depends lacks $lib: $depends"; exit 1; }
done

root="$scratch/root"
dpkg-deb -x "$deb" "$root"
for f in usr/bin/pixelmill usr/bin/pixelmill-cli usr/lib/pixelmill/pixelmill-worker \
    usr/lib/pixelmill/libpixelmill_cvcodecs.so \
    usr/share/applications/org.pixelmill.Pixelmill.desktop \
    usr/share/metainfo/org.pixelmill.Pixelmill.metainfo.xml \
    usr/share/icons/hicolor/scalable/apps/org.pixelmill.Pixelmill.svg \
    usr/share/icons/hicolor/256x256/apps/org.pixelmill.Pixelmill.png \
    usr/share/man/man1/pixelmill-cli.1; do
    [[ -e "$root/$f" ]] || { echo "FAIL: package lacks /$f"; exit 1; }
done
desktop-file-validate "$root/usr/share/applications/org.pixelmill.Pixelmill.desktop"
appstreamcli validate --no-net --pedantic "$root/usr/share/metainfo/org.pixelmill.Pixelmill.metainfo.xml" >/dev/null

"$root/usr/bin/pixelmill-cli" --version | grep -q '^pixelmill-cli [0-9]'
"$root/usr/bin/pixelmill-cli" "$root/usr/share/pixelmill/samples" -o "$scratch/out" \
    --long-edge 320 --format jpg --quiet --report "$scratch/report.json"
samples=$(find "$root/usr/share/pixelmill/samples" -type f ! -name README | wc -l)
outputs=$(find "$scratch/out" -type f -name '*.jpg' | wc -l)
[[ "$outputs" -eq "$samples" ]] || { echo "FAIL: $outputs outputs for $samples samples"; exit 1; }
grep -q '"failed": 0' "$scratch/report.json" || { echo "FAIL: report shows failures"; exit 1; }
# PNG output through the OpenCV engine needs the lazily loaded codec module beside the worker.
"$root/usr/bin/pixelmill-cli" "$root/usr/share/pixelmill/samples" -o "$scratch/out-png" \
    --long-edge 320 --format png --engine opencv --quiet
pngs=$(find "$scratch/out-png" -type f -name '*.png' | wc -l)
[[ "$pngs" -eq "$samples" ]] || { echo "FAIL: $pngs PNG outputs for $samples samples"; exit 1; }
echo "PASS: installed pixelmill-cli processed $outputs sample images (and $pngs to PNG)"
