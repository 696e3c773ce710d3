#!/usr/bin/env bash
# Build the one-folder PyInstaller bundle: packaging/dist/FactDesk/.
#
#   packaging/build.sh            # incremental (reuses packaging/build/)
#   packaging/build.sh --clean    # from scratch (what packaging/check.sh uses)
#
# Environment: PYTHON (default: the active virtual environment's python ($VIRTUAL_ENV),
# else the repository's .venv, else python3) - the interpreter whose site-packages get
# bundled; the project must be installed there (pip install -e .) with its model.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/.." && pwd)"
if [[ -z "${PYTHON:-}" ]]; then
    if [[ -n "${VIRTUAL_ENV:-}" && -x "$VIRTUAL_ENV/bin/python" ]]; then
        PYTHON="$VIRTUAL_ENV/bin/python"
    elif [[ -x "$REPO/.venv/bin/python" ]]; then
        PYTHON="$REPO/.venv/bin/python"
    else
        PYTHON=python3
    fi
fi

CLEAN=()
for arg in "$@"; do
    case "$arg" in
        --clean) CLEAN=(--clean) ;;
        *) echo "usage: $0 [--clean]" >&2; exit 2 ;;
    esac
done

if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
    echo "build.sh: installing PyInstaller into $("$PYTHON" -c 'import sys; print(sys.prefix)')"
    "$PYTHON" -m pip install --quiet "pyinstaller>=6.10"
fi

DIST="$HERE/dist"
WORK="$HERE/build"
if [[ ${#CLEAN[@]} -gt 0 ]]; then
    rm -rf "$DIST/FactDesk" "$DIST/FactDesk.app" "$WORK"
fi

echo "build.sh: PyInstaller $("$PYTHON" -m PyInstaller --version) with $("$PYTHON" --version)"
start=$(date +%s)
cd "$REPO"
"$PYTHON" -m PyInstaller --noconfirm ${CLEAN[@]+"${CLEAN[@]}"} --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" "$HERE/factdesk.spec"
end=$(date +%s)

BUNDLE="$DIST/FactDesk"
[[ -d "$BUNDLE" ]] || { echo "build.sh: no bundle at $BUNDLE" >&2; exit 1; }
size=$(du -sh "$BUNDLE" | cut -f1)
files=$(find "$BUNDLE" -type f | wc -l)
secs=$((end - start))
echo "build.sh: bundle  $BUNDLE"
echo "build.sh: size    $size ($files files)"
printf 'build.sh: time    %dm%02ds\n' $((secs / 60)) $((secs % 60))
