#!/bin/bash
# Instructions per request of each page's own work (no HTTP), counted by
# callgrind: repeatable whatever the VM is doing, unlike times. Needs a release
# build (swift build -c release --product conciliation-bench) and valgrind.
# valgrind cannot read the release binary's debug information, so a copy
# without it is counted; Swift's hashing is made deterministic for the count.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
copy="$(mktemp)"
trap 'rm -f "$copy" "$copy".cg*' EXIT
strip -g -o "$copy" "$root/.build/release/conciliation-bench"
export SWIFT_DETERMINISTIC_HASHING=1
count() {
    valgrind --tool=callgrind --callgrind-out-file="$copy.cg" "$copy" "$root/dialogues/conciliation.yaml" --pages "$1" "$2" 2>&1 \
        | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
echo "| page | instructions per request |"
echo "|---|---:|"
for page in "start" "first question" "an answer" "result" "summary download" "letter download"; do
    many=$(count 101 "$page")
    one=$(count 1 "$page")
    echo "| $page | $(( (many - one) / 100 )) |"
done
# What the metrics add to each request (`--metrics-port`): one answer recorded.
many=$(valgrind --tool=callgrind --callgrind-out-file="$copy.cg" "$copy" "$root/dialogues/conciliation.yaml" --metrics 301 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
one=$(valgrind --tool=callgrind --callgrind-out-file="$copy.cg" "$copy" "$root/dialogues/conciliation.yaml" --metrics 1 2>&1 | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
echo "| the metrics of one request (\`--metrics-port\`) | $(( (many - one) / 300 )) |"
