#!/usr/bin/env bash
# An experiment, not a build: how fast the unchanged engine runs when its modules are
# compiled with mypyc (the compiler mypy ships, used by black and mypy themselves).
# The engine is compiled in a scratch copy of src/; the checkout and the installed
# frister stay pure Python. Needs the test extra (mypy) and a C compiler.
#
#   bash benchmarks/compiled_engine.sh                   # bench_engine.py's default sizes
#   bash benchmarks/compiled_engine.sh --sizes 1000      # any bench_engine.py arguments
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
cp -r src "$scratch/"
modules=(frister/engine/{_context,_checks,_derived,_versions,_due,_settle,_shapes,_evaluate}.py)
(cd "$scratch/src" && mypyc "${modules[@]}" > "$scratch/mypyc.log" 2>&1) \
  || { tail -n 20 "$scratch/mypyc.log"; exit 1; }
export PYTHONPATH="$scratch/src"
python - <<'PY'
import frister.engine._evaluate as engine
assert engine.__file__.endswith(".so"), f"not the compiled engine: {engine.__file__}"
print(f"compiled engine: {engine.__file__}")
PY
python benchmarks/bench_engine.py "$@"
