#!/usr/bin/env bash
# Extraction throughput, one thread (BenchmarkDotNet). Results: bench/BenchmarkDotNet.Artifacts/results.
# Pass BenchmarkDotNet options after the script, e.g. ./bench/run.sh --job short
set -euo pipefail
cd "$(dirname "$0")"
dotnet run -c Release --project LoTrinh.Bench -- --filter '*' --artifacts BenchmarkDotNet.Artifacts "$@"
