#!/usr/bin/env bash
# `backcare report` on the crafted history, rendered by a real browser (Debian's chromium,
# headless, networking off): the DOM text holds the figures, a busy twelve weeks print on one
# A4 page and on one Letter page (pdfinfo), a screenshot renders, and nothing in the page asks
# for anything outside it. Skipped (77) without chromium
# (scripts/setup.sh --test installs it and poppler-utils).
source "$SOURCE_DIR/tests/cli/lib.bash"
export XDG_STATE_HOME="$TMP/state"
mkdir -p "$XDG_STATE_HOME/backcare"
cp "$SOURCE_DIR/tests/data/stats/history.jsonl" "$XDG_STATE_HOME/backcare/history.jsonl"

# --- the page, to stdout in a pipe and to --out -----------------------------------------------
run "$BACKCARE" report --as-of 2026-12-01 --name 'Ana <b>&</b>'
expect_rc 0 "report to a pipe"
PAGE="$TMP/report.html"
printf '%s\n' "$OUT" >"$PAGE"
expect_out '<!DOCTYPE html>' "report: an HTML page"
expect_out 'For <strong>Ana &lt;b&gt;&amp;&lt;/b&gt;</strong>' "the name, escaped"
expect_out '&lt;i&gt;evening&lt;/i&gt; &amp; &quot;more&quot;' "a routine name, escaped"
[[ "$OUT" != *"<script"* && "$OUT" != *"<i>"* ]] && pass || fail "untrusted text left as markup"
# Nothing fetched: the only address is the SVG namespace.
expect_eq "$(grep -o 'http[^"]*' "$PAGE" | sort -u)" "http://www.w3.org/2000/svg" "addresses"
expect_eq "$(grep -c -e 'src=' -e 'url(' -e '@import' -e '<link' -e '<script' "$PAGE")" 0 \
  "no src=, url(, @import, link or script"

run "$BACKCARE" report --as-of 2026-12-01 --out "$TMP/out.html" --weeks 4
expect_rc 0 "report --out"
expect_err "report written to $TMP/out.html" "report --out says where"
expect_eq "$(grep -c 'Period: 2026-11-09 to 2026-12-06 (4 weeks)' "$TMP/out.html")" 1 \
  "report --weeks 4: the period"
run "$BACKCARE" report --weeks 0
expect_rc 2 "report --weeks 0"
run "$BACKCARE" report --as-of 2026-13-01
expect_rc 2 "report --as-of 2026-13-01"

# --- in a real browser -------------------------------------------------------------------------
if ! command -v chromium >/dev/null; then
  fail "chromium is not installed (scripts/setup.sh --test installs it): the report was not rendered"
  finish
fi
CHROMIUM=(chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync
  --user-data-dir="$TMP/profile" "--host-resolver-rules=MAP * ~NOTFOUND")
timeout 120 "${CHROMIUM[@]}" --dump-dom "file://$PAGE" >"$TMP/dom.html" 2>"$TMP/chromium.err"
expect_eq "$?" 0 "chromium --dump-dom"
DOM=$(sed -e 's/<[^>]*>/ /g' "$TMP/dom.html" | tr -s ' \n' ' ')
for figure in "Period: 2026-09-14 to 2026-12-06 (12 weeks), as of 2026-12-01" \
  "13 practices, 107 minutes in all" "Practice streak: 1 day (best 6)" \
  "night-release 101" "breathe 5" "leaking 2" "safety stops 1" \
  "2026-11-26 safety stop night-release 7" "2026-11-17 leaking check-in 2" \
  "week of 2026-11-23: 5.7" "Nights of night-release per week; goal: 5 nights" \
  "week of 2026-11-09: no data; week of 2026-11-16: 5 nights (goal met)" \
  "Days practised of routines without a goal, per week" "week of 2026-11-16: 1 day;" \
  "leaking noted on 2 days within 14 (2026-11-17, 2026-11-23)" \
  "These are reasons to see a pelvic-floor physiotherapist" "not medical advice"; do
  [[ "$DOM" == *"$figure"* ]] && pass || fail "the rendered page lacks [$figure]: [$DOM]"
done

# No label overlaps another in any chart: the week of 2026-11-16 has 5 nights, its count on the
# goal line at the chart's right end. The page's own layout is measured by a script added to a
# copy of it (the report itself has none); a goal label is a text starting "goal ".
run "$BACKCARE" report --as-of 2026-11-22
printf '%s\n' "$OUT" >"$TMP/layout.html"
cat >>"$TMP/layout.html" <<'JS'
<script>
let goals = 0, overlaps = [];
for (const svg of document.querySelectorAll('svg')) {
  const texts = [...svg.querySelectorAll('text')];
  for (const goal of texts.filter(t => t.textContent.startsWith('goal '))) {
    ++goals;
    const a = goal.getBoundingClientRect();
    for (const other of texts) {
      const b = other.getBoundingClientRect();
      if (other !== goal && a.left < b.right && b.left < a.right && a.top < b.bottom &&
          b.top < a.bottom) {
        overlaps.push(goal.textContent + ' over ' + other.textContent);
      }
    }
  }
}
document.body.insertAdjacentHTML('beforeend',
  '<p id="layout">GOALS=' + goals + ' OVERLAPS=[' + overlaps.join(', ') + ']</p>');
</script>
JS
timeout 120 "${CHROMIUM[@]}" --dump-dom "file://$TMP/layout.html" >"$TMP/layout.dom" 2>>"$TMP/chromium.err"
expect_eq "$(grep -o 'GOALS=[0-9][^<]*' "$TMP/layout.dom")" "GOALS=1 OVERLAPS=[]" \
  "the goal label overlaps no other label"

# --- one printed page, A4 and Letter, for twelve busy weeks ----------------------------------
# The page names no paper size (it prints on the printer's); each copy here adds one, as a
# printer dialog would. The busy history (tests/data/stats/busy_history.py) fills every part:
# notes of up to 500 characters, three safety stops with their steps, pain after sessions.
BUSY="$TMP/busy"
mkdir -p "$BUSY/state/backcare" "$BUSY/config/backcare"
printf '%s\n' '{"name": "Ana", "goals": {"night-release": {"nights": 5, "of": 7},' \
  '"breathe": {"nights": 3, "of": 7}}}' >"$BUSY/config/backcare/config.json"
python3 "$SOURCE_DIR/tests/data/stats/busy_history.py" "$BUSY/state/backcare/history.jsonl"
run env XDG_STATE_HOME="$BUSY/state" XDG_CONFIG_HOME="$BUSY/config" "$BACKCARE" report \
  --as-of 2026-12-01 --weeks 12
expect_rc 0 "report of the busy history"
BUSY_TEXT=$(printf '%s\n' "$OUT" | sed -e 's/<[^>]*>/ /g' | tr -s ' \n' ' ')
for figure in "First record: 2026-09-07" "stopped early (q or a signal), 3 safety stops" \
  "Goals met: breathe (3 nights a week) in" "night-release, step 6: Knees to chest" \
  "night-release, step 2: Pelvic tilt &lt;lying&gt;" "Check-in notes" "(after a session)"; do
  [[ "$BUSY_TEXT" == *"$figure"* ]] && pass || fail "the busy report lacks [$figure]"
done
for paper in A4 letter; do
  { printf '%s\n' "$OUT"; printf '<style>@page { size: %s; }</style>\n' "$paper"; } \
    >"$TMP/busy-$paper.html"
  rm -f "$TMP/busy-$paper.pdf"
  timeout 120 "${CHROMIUM[@]}" --print-to-pdf="$TMP/busy-$paper.pdf" --no-pdf-header-footer \
    "file://$TMP/busy-$paper.html" 2>>"$TMP/chromium.err"
  if ! command -v pdfinfo >/dev/null; then
    fail "pdfinfo is not installed (poppler-utils): pages not counted"
    continue
  fi
  info=$(pdfinfo "$TMP/busy-$paper.pdf")
  expect_eq "$(awk '/^Pages:/ { print $2 }' <<<"$info")" 1 "the busy report prints on 1 $paper page"
  # The paper asked for is the paper used: 595 x 842 pt is A4, 612 x 792 Letter.
  size=$(awk '/^Page size:/ { printf "%.0f x %.0f", $3, $5 }' <<<"$info")
  expect_eq "$size" "$([ "$paper" = A4 ] && echo '595 x 842' || echo '612 x 792')" "$paper paper"
done

timeout 120 "${CHROMIUM[@]}" --screenshot="$TMP/r.png" --window-size=1240,1754 "file://$PAGE" \
  2>>"$TMP/chromium.err"
[ -s "$TMP/r.png" ] && pass || fail "no screenshot"
finish
