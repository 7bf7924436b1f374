#!/usr/bin/env bash
# Runs every test and gate of guide. Installs what the tests need when it is missing
# (Debian's chromium and chromium-driver for the browser tests), so it works on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "== installing ${need[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "warning: ${need[*]} missing and cannot be installed here; browser tests will be skipped" >&2
  fi
fi
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  export GUIDE_REQUIRE_BROWSER=1
fi

echo "== cargo fmt --check"
cargo fmt --check
echo "== cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets --quiet -- -D warnings
echo "== cargo test"
cargo test --all-targets --quiet 2>&1 | tee /tmp/guide-test.log
echo "== building the bundled guide"
cargo run --release --quiet -- build -o target/bundled-site
echo "== gates"
bash scripts/gates/gates.sh
