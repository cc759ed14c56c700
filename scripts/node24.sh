#!/usr/bin/env bash
# Node 24, the runtime of action.yml's `using: node24`, for running the tests as GitHub runs the action. It comes
# from the npm registry (the node-linux-<arch> package ships the official binary), checked by npm against the
# registry's integrity hash, and is cached outside the repository.
#
#   scripts/node24.sh                  print the path of the node 24 binary, fetching it on first use
#   scripts/node24.sh ARG...           run node 24 with these arguments, with it first on PATH for what it starts:
#                                      `scripts/node24.sh node_modules/.bin/jest --selectProjects unit`
#
#   NODE24_VERSION   the exact version (default below; GitHub's runners follow the 24 line)
#   NODE24_CACHE     where versions are kept (default ~/.cache/multiarch-build/node)
set -euo pipefail

NODE24_VERSION=${NODE24_VERSION:-24.22.3}
NODE24_CACHE=${NODE24_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/multiarch-build/node}

die() { printf '[node24] error: %s\n' "$*" >&2; exit 1; }

case "$NODE24_VERSION" in
  24.*.*) ;;
  *) die "NODE24_VERSION must be an exact 24.x.y version, not '$NODE24_VERSION'" ;;
esac
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  *) die "no node-linux package for $(uname -m)" ;;
esac

home=$NODE24_CACHE/$NODE24_VERSION-linux-$arch
node=$home/bin/node

# Whether a binary is the wanted version: a half-written or foreign file is fetched again.
is_wanted_node() { [ -x "$1" ] && [ "$("$1" --version 2>/dev/null)" = "v$NODE24_VERSION" ]; }

fetch() {
  mkdir -p "$NODE24_CACHE"
  local work
  work=$(mktemp -d "$NODE24_CACHE/.fetch-XXXXXX")
  # shellcheck disable=SC2064 # the directory is known now
  trap "rm -rf '$work'" EXIT
  printf '[node24] fetching node %s (node-linux-%s) from the npm registry\n' "$NODE24_VERSION" "$arch" >&2
  (cd "$work" && npm pack --silent "node-linux-$arch@$NODE24_VERSION" >/dev/null) ||
    die "npm pack node-linux-$arch@$NODE24_VERSION failed"
  tar -xzf "$work/node-linux-$arch-$NODE24_VERSION.tgz" -C "$work" package/bin/node package/LICENSE ||
    die "node-linux-$arch@$NODE24_VERSION has no package/bin/node"
  is_wanted_node "$work/package/bin/node" || die "node-linux-$arch@$NODE24_VERSION's bin/node is not v$NODE24_VERSION"
  rm -rf "$home"
  # One rename: another run fetching at the same time finds the whole directory or none.
  mv -T "$work/package" "$home" 2>/dev/null || is_wanted_node "$node" || die "could not install node into $home"
  # Now, not at exit: `exec` below would skip the trap.
  rm -rf "$work"
  trap - EXIT
}

is_wanted_node "$node" || fetch

if [ $# -eq 0 ]; then
  echo "$node"
else
  PATH=$home/bin:$PATH exec "$node" "$@"
fi
