#!/usr/bin/env bash
# Accepts every pending public-API change: renames each ApiApproval/<Assembly>.received.txt to .approved.txt.
# Run the public API tests first (dotnet test tests/Crm.PublicApi.Tests) and review each diff before accepting.
set -euo pipefail
cd "$(dirname "$0")/ApiApproval"
shopt -s nullglob
received=(*.received.txt)
if [ ${#received[@]} -eq 0 ]; then echo "No received API files: nothing to accept."; exit 0; fi
for f in "${received[@]}"; do
  mv -- "$f" "${f%.received.txt}.approved.txt"
  echo "accepted ${f%.received.txt}"
done
