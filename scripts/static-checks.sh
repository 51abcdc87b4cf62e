#!/usr/bin/env bash
# The type check and the linter are each single-threaded: on CI's two cores they run side by side.
# Both always finish (so every error is printed); either one failing fails the checks.
set -uo pipefail
npm run --silent typecheck &
typecheck=$!
npm run --silent lint &
lint=$!
wait "$typecheck"
typecheck_status=$?
wait "$lint"
lint_status=$?
exit $((typecheck_status || lint_status))
