#!/usr/bin/env bash
# Runs every test project of the solution and ends with one plain line "N passed, N failed, N skipped",
# summed over all projects from their TRX reports (CI cannot read dotnet test's own summary).
# Exits non-zero when a test fails, when a project did not report, or when the build fails.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh || { echo "0 passed, 1 failed, 0 skipped"; exit 1; }

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
projects=(tests/*/*.Tests.csproj)

dotnet build ProcessEngine.sln -c Debug -warnaserror --nologo -v quiet || { echo "build failed"; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

status=0
for project in "${projects[@]}"; do
  name="$(basename "$project" .csproj)"
  dotnet test "$project" --no-build --nologo -v quiet \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" || status=1
done

passed=0; failed=0; skipped=0; reported=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  reported=$((reported + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(value total); executed=$(value executed); p=$(value passed); f=$(value failed)
  e=$(value error); t=$(value timeout); a=$(value aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done

if [ "$reported" -ne "${#projects[@]}" ]; then
  echo "only $reported of ${#projects[@]} test projects reported results"
  failed=$((failed + ${#projects[@]} - reported))
fi
[ "$failed" -gt 0 ] && status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
