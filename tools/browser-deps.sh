#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests when it is missing and we may.
# On a laptop without root the browser tests are skipped instead (CI must have it).
set -u
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    exit $?
fi
echo "Chromium is not installed and cannot be installed here: browser tests will be skipped."
