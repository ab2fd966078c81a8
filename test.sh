#!/usr/bin/env bash
# Runs every test: provisions PostgreSQL (its own database for the tests) and Chromium, restores in
# locked mode, checks formatting, builds with warnings as errors, runs unit, database and browser tests.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
lotrinh_postgres "${LOTRINH_TEST_DATABASE:-lotrinh_test}"
lotrinh_chromium
lotrinh_pgbouncer
lotrinh_standby
lotrinh_poppler
lotrinh_libreoffice
lotrinh_build Debug
dotnet format LoTrinh.slnx --verify-no-changes --no-restore
dotnet test LoTrinh.slnx --no-build -c Debug
