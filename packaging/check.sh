#!/usr/bin/env bash
# Build the PyInstaller bundle from scratch and smoke-test the built binary.
#
#   packaging/check.sh              # clean build (packaging/build.sh --clean), then tests
#   packaging/check.sh --no-build   # test the existing packaging/dist/FactDesk/
#
# Tests, all with FACTDESK_HOME in a fresh temporary folder and from outside the source tree:
#   1. the bundle holds the model, weights, resources, seeds, trafilatura data, Qt platforms
#   2. factdesk --version
#   3. headless pipeline: new, import the bundled seeds and an HTML page (trafilatura),
#      extract claims with 2 worker processes (spaCy model + weights), list the articles
#   4. QT_QPA_PLATFORM=offscreen factdesk demo --quit-after 3000 --screenshot FILE:
#      exit code 0, no ERROR/Traceback in the GUI log, demo project and screenshot written
# Prints the bundle size, the build time and one line per test; exits 1 if any failed.
set -uo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUNDLE="$HERE/dist/FactDesk"
BIN="$BUNDLE/factdesk"
QUIT_AFTER_MS=${QUIT_AFTER_MS:-3000}

build_time="(not built by this run)"
if [[ "${1:-}" != "--no-build" ]]; then
    start=$(date +%s)
    if ! "$HERE/build.sh" --clean; then
        echo "check.sh: FAIL build" >&2
        exit 1
    fi
    secs=$(( $(date +%s) - start ))
    build_time=$(printf '%dm%02ds' $((secs / 60)) $((secs % 60)))
fi
[[ -x "$BIN" ]] || { echo "check.sh: no executable at $BIN" >&2; exit 1; }

TMP="$(mktemp -d -t factdesk-check.XXXXXX)"
trap 'rm -rf "$TMP"' EXIT
export FACTDESK_HOME="$TMP/home"
cd "$TMP"  # outside the source tree: nothing may be found through the checkout

declare -a RESULTS=()
failures=0
result() {  # result PASS|FAIL name detail
    RESULTS+=("$(printf '%-4s  %-22s %s' "$1" "$2" "$3")")
    [[ "$1" == PASS ]] || failures=$((failures + 1))
}

# 1. contents ----------------------------------------------------------------------------
INT="$BUNDLE/_internal"
missing=()
model_dir=$(find "$INT" -maxdepth 1 -type d -name 'en_core_web_sm*' ! -name '*.dist-info' | head -1)
[[ -n "$model_dir" ]] || missing+=("spaCy model")
[[ -n "$model_dir" && -n "$(find "$model_dir" -name config.cfg | head -1)" ]] || missing+=("model config.cfg")
seeds=$(find "$INT/factdesk/resources/seeds" -name '*.txt' 2>/dev/null | wc -l)
(( seeds >= 3 )) || missing+=("seeds (*.txt: $seeds)")
[[ -f "$INT/factdesk/resources/seeds/sources.json" ]] || missing+=("seeds/sources.json")
[[ -f "$INT/factdesk/resources/icons/factdesk.svg" ]] || missing+=("icon")
ls "$INT"/factdesk/resources/themes/*.qss >/dev/null 2>&1 || missing+=("themes")
[[ -f "$INT/trafilatura/settings.cfg" ]] || missing+=("trafilatura/settings.cfg")
[[ -d "$INT/tzdata/zoneinfo" ]] || missing+=("tzdata")
# dateparser's language data are Python modules: look for them in the build's archive list
toc="$HERE/build/factdesk/PYZ-00.toc"
if [[ -f "$toc" ]]; then
    for mod in dateparser.data.date_translation_data.en factdesk.gui.app factdesk.cli.gui_commands; do
        grep -q "'$mod'" "$toc" || missing+=("module $mod")
    done
fi
for p in offscreen xcb; do
    [[ -f "$INT/PySide6/Qt/plugins/platforms/libq$p.so" ]] || missing+=("Qt platform $p")
done
weights=$(find "$INT/factdesk/nlp/weights" "$INT/factdesk/matching/weights" -type f 2>/dev/null | wc -l)
src_weights=$(find "$HERE/../factdesk/nlp/weights" "$HERE/../factdesk/matching/weights" -type f ! -name .gitkeep 2>/dev/null | wc -l)
(( weights == src_weights )) || missing+=("weights ($weights bundled, $src_weights in the tree)")
if (( ${#missing[@]} == 0 )); then
    result PASS contents "model $(basename "$model_dir"), $weights weight files, $seeds seeds, Qt offscreen+xcb"
else
    result FAIL contents "missing: ${missing[*]}"
fi

# 2. --version ---------------------------------------------------------------------------
version=$("$BIN" --version 2>&1); rc=$?
if [[ $rc -eq 0 && "$version" == FactDesk\ * ]]; then
    result PASS --version "$version"
else
    result FAIL --version "rc=$rc: $version"
fi

# 3. headless pipeline -------------------------------------------------------------------
cat > "$TMP/page.html" <<'HTML'
<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Budget vote</title>
<meta name="author" content="A. Reporter"><meta name="date" content="2024-03-05"></head>
<body><nav>Home | World | Politics</nav><article><h1>Budget passes after long debate</h1>
<p>The finance minister said on Tuesday that unemployment fell to 4.2 percent in 2023,
the lowest level in a decade, and that the new budget would create 50,000 jobs.</p>
<p>Opposition leader Maria Lopez said the government had cut health spending by
12 percent since 2019, a claim the ministry disputed.</p></article>
<footer>Copyright 2024</footer></body></html>
HTML
P="$TMP/smoke.factdesk"
log="$TMP/pipeline.log"
start_ms=$(date +%s%3N)
{
    "$BIN" new "$P" &&
    "$BIN" import "$P" "$INT/factdesk/resources/seeds" --no-extract &&
    "$BIN" import "$P" "$TMP/page.html" --no-extract &&
    "$BIN" extract "$P" --processes 2 &&
    "$BIN" articles "$P"
} >"$log" 2>&1
rc=$?
secs=$(( ($(date +%s%3N) - start_ms) / 1000 ))
articles=$("$BIN" articles "$P" 2>/dev/null | wc -l)
claims=$(grep -Eio '[0-9]+ claims?' "$log" | head -1)
if [[ $rc -eq 0 && $articles -ge 4 ]]; then
    result PASS pipeline "new/import/extract: $articles articles${claims:+, $claims} (${secs}s)"
else
    result FAIL pipeline "rc=$rc, $articles articles: $(tail -3 "$log" | tr '\n' ' ')"
fi

# 4. offscreen GUI smoke start -----------------------------------------------------------
shot="$TMP/demo.png"
start_ms=$(date +%s%3N)
QT_QPA_PLATFORM=offscreen timeout 180 "$BIN" demo --quit-after "$QUIT_AFTER_MS" \
    --screenshot "$shot" >"$TMP/demo.out" 2>&1
rc=$?
secs=$(( ($(date +%s%3N) - start_ms) / 1000 ))
guilog="$FACTDESK_HOME/data/factdesk-gui.log"
problems=()
[[ $rc -eq 0 ]] || problems+=("exit code $rc")
if grep -qE 'ERROR|CRITICAL|Traceback' "$guilog" 2>/dev/null; then
    problems+=("errors in the GUI log: $(grep -E 'ERROR|CRITICAL|Error:' "$guilog" | tail -2 | tr '\n' ' ')")
fi
grep -qE 'Traceback|Could not load the Qt platform' "$TMP/demo.out" && problems+=("$(tail -2 "$TMP/demo.out" | tr '\n' ' ')")
[[ -f "$FACTDESK_HOME/data/demo.factdesk" ]] && demo="demo project built" || demo="demo project NOT built within ${QUIT_AFTER_MS} ms"
[[ -s "$shot" ]] && demo+=", screenshot $(stat -c %s "$shot") bytes" || problems+=("no screenshot")
if (( ${#problems[@]} == 0 )); then
    result PASS "demo (offscreen)" "rc=0 after ${secs}s, $demo"
else
    result FAIL "demo (offscreen)" "${problems[*]}; $demo"
fi
if [[ -n "${KEEP_SCREENSHOT:-}" && -s "$shot" ]]; then cp "$shot" "$KEEP_SCREENSHOT"; fi

# summary --------------------------------------------------------------------------------
echo
echo "== FactDesk bundle check =="
echo "bundle      $BUNDLE"
echo "size        $(du -sh "$BUNDLE" | cut -f1) ($(find "$BUNDLE" -type f | wc -l) files)"
echo "build time  $build_time"
for line in "${RESULTS[@]}"; do echo "$line"; done
if (( failures )); then
    echo "RESULT: $failures check(s) FAILED"
    exit 1
fi
echo "RESULT: all checks passed"
