#!/usr/bin/env bash
# The desktop entry: valid per desktop-file-validate, offers "Process with Pixelmill…" to file
# managers for folders and images, and passes the selected paths (%F) to the program.
set -euo pipefail
entry=$1
desktop-file-validate "$entry"
fail() { echo "FAIL: $*" >&2; exit 1; }
value() { # value KEY [GROUP]: the key's value in the group (default: Desktop Entry)
    awk -v group="[${2:-Desktop Entry}]" -v key="$1" '
        /^\[/ { inside = ($0 == group) }
        inside && index($0, key "=") == 1 { print substr($0, length(key) + 2) }' "$entry"
}
mime=$(value MimeType)
for type in inode/directory image/jpeg image/png image/webp image/tiff; do
    [[ ";$mime" == *";$type;"* ]] || fail "MimeType lacks $type: $mime"
done
[[ ";$(value Actions)" == *";process;"* ]] || fail "no 'process' in Actions"
[[ $(value Name "Desktop Action process") == "Process with Pixelmill…" ]] || fail "action name"
[[ $(value Exec "Desktop Action process") == "pixelmill %F" ]] || fail "action Exec"
[[ -n $(value "Name[de]" "Desktop Action process") ]] || fail "no German action name"
[[ -n $(value "Name[zh_CN]" "Desktop Action process") ]] || fail "no Chinese action name"
echo "desktop entry ok"
