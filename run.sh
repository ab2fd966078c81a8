#!/usr/bin/env bash
# Runs LoTrình on http://127.0.0.1:5080: provisions PostgreSQL when none is configured, builds,
# migrates, loads the seed programme into an empty database, and serves.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/setup.sh
lotrinh_postgres "${LOTRINH_DATABASE:-lotrinh}"
lotrinh_poppler
lotrinh_libreoffice
lotrinh_build Release
app="src/LoTrinh.Web/bin/Release/net10.0/lotrinh.dll"
dotnet "$app" migrate
dotnet "$app" seed --if-empty
# The content root is the project folder: its wwwroot holds the pages' CSS and scripts.
exec dotnet "$app" --urls http://127.0.0.1:5080 --contentRoot "$PWD/src/LoTrinh.Web"
