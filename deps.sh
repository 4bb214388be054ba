#!/bin/sh
# Install what glean needs to build and test on Debian 12 (run as root).
set -eu
export DEBIAN_FRONTEND=noninteractive
pkgs="build-essential pkg-config libjansson-dev libpcre2-dev libutf8proc-dev
libstemmer-dev libxml2-dev zlib1g-dev libsqlite3-dev python3 jq parallel clang
libclang-rt-14-dev time rsync valgrind perl man-db openssh-server sqlite3 chromium"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	# openssh-server is for tests/ssh.test, which starts an sshd of its
	# own: keep the package from starting the system's (policy-rc.d 101)
	policy=
	if [ ! -e /usr/sbin/policy-rc.d ]; then
		policy=/usr/sbin/policy-rc.d
		printf '#!/bin/sh\nexit 101\n' >"$policy"
		chmod +x "$policy"
		trap 'rm -f "$policy"' EXIT
	fi
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends $missing
fi
