#!/usr/bin/env bash
# The national-scale benchmark of BENCHMARKS.md: `lobmonitor run` on 200 and 1,000
# sample institutions (2 years each), with wall time, peak memory and the manifest's
# per-stage timings, beside the floor (every cell read with calamine, nothing else).
#
#   bash benches/run.sh            # uses target/release; builds it if missing
#   RUNS=3 bash benches/run.sh     # runs per size: the first into an empty folder, then reruns
#   (then the 1,000-institution run with --pdf, as often)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
cargo build --release --bins --example floor >/dev/null 2>&1
BIN=target/release/lobmonitor
FLOOR=target/release/examples/floor
WORK=${WORK:-/tmp/lobmonitor-bench}
mkdir -p "$WORK"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr)"
echo "lobmonitor $($BIN --version | awk '{print $2}'), commit $(git rev-parse --short HEAD)"
for n in 200 1000; do
  in="$WORK/in$n"
  if [ ! -d "$in" ]; then
    /usr/bin/time -f "sample $n: %e s" "$BIN" sample --institutions "$n" --years 2 -o "$in" 2>&1 | tail -1
  fi
  for i in $(seq "$RUNS"); do
    "$FLOOR" "$in"
  done
  # The first run writes into an empty output folder; the others rerun into it, as an
  # analyst does.
  rm -rf "$WORK/out$n"
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f "wall %e s, peak %M KiB" "$BIN" run --input "$in" --output "$WORK/out$n" 2>"$WORK/err" >/dev/null || true
    summary=$(grep '^lobmonitor:' "$WORK/err" || true)
    res=$(tail -1 "$WORK/err")
    timings=$(python3 -c "import json;t=json.load(open('$WORK/out$n/manifest.json'))['timings_ms'];print(' '.join(f'{k}={v}' for k,v in t.items()))")
    echo "run $n institutions: $res; $timings"
  done
  echo "  $summary"
done
# The same national run with the PDFs (run --pdf): every portret and the sector overview.
in="$WORK/in1000"
for i in $(seq "$RUNS"); do
  /usr/bin/time -f "wall %e s, peak %M KiB" "$BIN" run --pdf --input "$in" --output "$WORK/outpdf" 2>"$WORK/err" >/dev/null || true
  res=$(tail -1 "$WORK/err")
  timings=$(python3 -c "import json;t=json.load(open('$WORK/outpdf/manifest.json'))['timings_ms'];print(' '.join(f'{k}={v}' for k,v in t.items()))")
  echo "run --pdf 1000 institutions: $res; $timings"
done
