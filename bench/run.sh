#!/bin/sh
# Benchmarks folio's index on generated archives of 1k, 10k and 100k pieces
# and prints a Markdown table. Pass -sizes 1000,10000 for fewer, or
# -sizes 1000000 for 1M (slow; not for CI).
set -e
cd "$(dirname "$0")/.."
exec go run ./bench "$@"
