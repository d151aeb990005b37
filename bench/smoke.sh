#!/usr/bin/env bash
# CI smoke of the benchmark (about a minute): N=5, one run, every tool that is installed. Asserts only that each tool sent every
# request (counted by the loopback server; for replay, listed in our report) and caught exactly the planted wrong answers,
# and, for the throttled nightly at N=5 and 100 requests/s, that each report agrees with the server, the planted lost write
# is caught and our harness passes every scenario. No timing is asserted. Installs bench/'s own dependencies first when they are missing (npm ci, from bench/package-lock.json).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi
exec node run.js --smoke --quiet-wait 0 "$@"
