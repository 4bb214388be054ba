#!/bin/sh
# Install what glean needs to build and test on Debian 12 (run as root).
set -eu
export DEBIAN_FRONTEND=noninteractive
pkgs="build-essential pkg-config libjansson-dev libpcre2-dev libutf8proc-dev
libstemmer-dev python3 jq parallel clang libclang-rt-14-dev time rsync
valgrind perl man-db libsqlite3-dev sqlite3 chromium"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends $missing
fi
