#!/bin/sh
# Benchmarks folio on a generated archive of 10k pieces (-big: and 100k)
# beside rg, grep and recollq, and prints Markdown tables; -huge adds
# 1M (slow; not for CI).
set -e
cd "$(dirname "$0")/.."
exec go run ./bench "$@"
