#!/usr/bin/env bash
# The lab's BuildKit image, from Debian's archive only: buildkitd and buildctl built from the "buildkit" component of
# trixie's docker.io source package (with Debian's patches to it), in GOPATH mode with Debian's Go and golang-*-dev
# packages, plus Debian's runc (buildkitd's OCI worker) and git (BuildKit fetches a Git URL context itself).
# No image is pulled from a registry: the docker-container driver only needs an image with buildkitd and buildctl.
#
#   buildkit-image.sh recipe    print this recipe's revision (part of the key; bump it when the image would change)
#   buildkit-image.sh build     write $WORK/image/rootfs.tar and $WORK/image/key, unless they hold the newest key
#
# scripts/lab.sh up runs `build` and imports the rootfs into the engine; this script does not touch the engine.
# Environment for `build`:
#   MIRROR            the Debian mirror URI (lab.sh passes the one of the machine's own apt sources)
#   SECURITY_MIRROR   the Debian security mirror URI, if the machine has one
#   WORK              where apt lists, downloads, the Go build cache and the result are kept between runs
#   SOURCE_VERSION    a docker.io source version to build instead of trixie's newest
# The key names what was built: "docker.io=<source version> git=<git version> recipe=<revision>".
# Progress goes to fd 3 (stderr when fd 3 is not open); everything else to stdout/stderr, which lab.sh logs.
set -eEuo pipefail
# errexit stops silently: say in the log which command failed.
trap 'echo "error: exit $? at line $LINENO: $BASH_COMMAND" >&2' ERR

RECIPE=2
SUITE=trixie
# The docker.io source version this recipe was first verified with: `build` falls back to it when the newest fails.
KNOWN_GOOD_SOURCE=26.1.5+dfsg1-9+deb13u1
# What the image runs besides buildkitd/buildctl; apt resolves their library closure. git's shell parts (git-submodule,
# which BuildKit runs on every Git context) need the Essential packages no Depends names: a sh, coreutils and sed.
RUNTIME_PACKAGES=(runc git dash coreutils sed ca-certificates)

self=$(readlink -f "${BASH_SOURCE[0]}")
{ true >&3; } 2>/dev/null || exec 3>&2
say() { printf '[lab] buildkit: %s\n' "$*" >&3; }
die() { printf '[lab] buildkit: error: %s\n' "$*" >&3; printf 'error: %s\n' "$*" >&2; exit 1; }
log_step() { printf '\n### [%ss] %s\n' "$SECONDS" "$*"; }

jobs=$(nproc 2>/dev/null || echo 1)
arch=$(dpkg --print-architecture)

# ---------------------------------------------------------------- private apt
# apt with its own sources (trixie, its updates and security suites, with deb-src), lists and downloads under
# $WORK/apt, nothing installed assumed, and no pinning: the machine's apt state stays as it is, and the newest
# version in the suites is the candidate.
apt_opts() {
  local apt=$WORK/apt
  printf '%s\n' -o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt/sources" \
    -o Dir::Etc::Preferences=/dev/null -o "Dir::Etc::PreferencesParts=$apt/preferences" \
    -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache=$apt/cache" -o Dir::State::status=/dev/null \
    -o APT::Sandbox::User=root -o "APT::Architecture=$arch" -o "APT::Architectures=$arch"
}
private_apt() { local opts; mapfile -t opts < <(apt_opts); apt-get "${opts[@]}" "$@"; }
private_apt_cache() { local opts; mapfile -t opts < <(apt_opts); apt-cache "${opts[@]}" "$@"; }

setup_apt() {
  local apt=$WORK/apt
  mkdir -p "$apt/sources" "$apt/preferences" "$apt/lists/partial" "$apt/cache/archives/partial"
  {
    printf 'Types: deb deb-src\nURIs: %s\nSuites: %s %s-updates\nComponents: main\n' "$MIRROR" "$SUITE" "$SUITE"
    printf 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
    if [ -n "${SECURITY_MIRROR:-}" ]; then
      printf '\nTypes: deb deb-src\nURIs: %s\nSuites: %s-security\nComponents: main\n' "$SECURITY_MIRROR" "$SUITE"
      printf 'Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n'
    fi
  } >"$apt/sources/$SUITE.sources"
  log_step "apt-get update ($SUITE, with sources)"
  private_apt -q update
}

# `Inst` lines of a simulated install from nothing: "name version" for every package the closure needs.
resolve_closure() { # packages...
  private_apt -s install --no-install-recommends "$@" | awk '/^Inst /{ sub(/^\(/, "", $3); print $2, $3 }'
}

# Downloads exactly these packages into a directory kept between runs: present files are not fetched again, others
# (from an older resolution) are removed.
download_debs() { # dir packages...
  local dir=$1
  shift
  mkdir -p "$dir"
  # apt lists only what the current directory lacks: ask from an empty one.
  local want empty=$WORK/apt/empty
  mkdir -p "$empty"
  want=$(cd "$empty" && private_apt download --print-uris "$@" | awk '{ print $2 }')
  [ -n "$want" ] || die "apt-get download --print-uris listed nothing for $# packages"
  local f
  for f in "$dir"/*.deb; do
    [ -e "$f" ] || continue
    grep -qxF "$(basename "$f")" <<<"$want" || rm -f "$f"
  done
  (cd "$dir" && private_apt -q download "$@")
}

deb_names() { find "$1" -maxdepth 1 -name '*.deb' -printf '%f\n' | sort; }

# Unpacks every .deb of a directory into one tree, on every core.
extract_debs() { # deb-dir tree
  mkdir -p "$2"
  # shellcheck disable=SC2016 # expanded by that sh, not this one
  find "$1" -maxdepth 1 -name '*.deb' -print0 |
    xargs -0 -r -n 16 -P "$jobs" sh -c 'for deb; do dpkg-deb -x "$deb" "$0" || exit 255; done' "$2"
}

# ---------------------------------------------------------------- docker.io source
# The newest docker.io source version in the suites (the Sources indexes are signed; no pinning applies).
newest_source_version() {
  local version newest=
  for version in $(private_apt_cache showsrc --only-source docker.io | awk '/^Version:/ { print $2 }'); do
    if [ -z "$newest" ] || dpkg --compare-versions "$version" gt "$newest"; then newest=$version; fi
  done
  echo "$newest"
}

# Fetches one file of a docker.io source version, checked against the SHA256 of the signed Sources index. The
# .dsc is not needed (and not always served): only the components this build uses are fetched.
fetch_source_file() { # version file
  local version=$1 file=$2 uris line url sum
  uris=$(private_apt source --only-source --print-uris "docker.io=$version" 2>/dev/null | grep "^'") ||
    die "docker.io $version is not in Debian $SUITE's Sources"
  line=$(awk -v f="$file" '$2 == f' <<<"$uris")
  [ -n "$line" ] || die "docker.io $version has no $file"
  url=$(awk '{ gsub(/\047/, "", $1); print $1 }' <<<"$line")
  sum=$(sed -n 's/.*SHA256:\([0-9a-f]*\).*/\1/p' <<<"$line")
  [ -n "$sum" ] || die "no SHA256 for $file in Sources"
  mkdir -p "$WORK/src"
  local dest=$WORK/src/$file
  if [ -f "$dest" ] && echo "$sum  $dest" | sha256sum -c --quiet >/dev/null 2>&1; then return 0; fi
  # The archive's own pool first, then the other archive's (security uploads reach the main pool at point releases).
  local candidate
  for candidate in "$url" "$MIRROR/pool/main/d/docker.io/$file" \
    ${SECURITY_MIRROR:+"$SECURITY_MIRROR/pool/updates/main/d/docker.io/$file"}; do
    if curl -fsS -o "$dest.part" "$candidate" && echo "$sum  $dest.part" | sha256sum -c --quiet; then
      mv "$dest.part" "$dest"
      return 0
    fi
  done
  rm -f "$dest.part"
  die "could not fetch $file with SHA256 $sum"
}

# The parts of a quilt patch that touch buildkit/ (Debian's docker.io patches also change engine/ and cli/).
buildkit_hunks() { # patch-file
  awk '
    function path(p) { sub(/\t.*/, "", p); if (p == "/dev/null") return ""; sub(/^[^\/]*\//, "", p); return p }
    function body(l) { if (l ~ /^(diff |Index: )/) keep = 0; else if (keep) print l }
    held != "" {
      if ($0 ~ /^\+\+\+ /) {
        keep = path(substr($0, 5)) ~ /^buildkit\// || path(substr(held, 5)) ~ /^buildkit\//
        if (keep) { print held; print }
        held = ""
        next
      }
      body(held)
      held = ""
    }
    /^--- / { held = $0; next }
    { body($0) }
    END { if (held != "") body(held) }
  ' "$1"
}

# The golang-*-dev packages of docker.io's Build-Depends (first alternative of each), as Debian builds it with.
golang_build_depends() { # debian/control
  awk '
    on && /^[A-Za-z][A-Za-z0-9-]*:/ { exit }
    /^Build-Depends:/ { on = 1; sub(/^Build-Depends:/, "") }
    on && !/^[ \t]*#/ { deps = deps " " $0 }
    END {
      n = split(deps, d, ",")
      for (i = 1; i <= n; i++) {
        split(d[i], alt, "|"); name = alt[1]
        gsub(/^[ \t]+/, "", name); sub(/[ \t(\[<].*/, "", name)
        if (name ~ /^golang-.*-dev$/) print name
      }
    }
  ' "$1"
}

# ---------------------------------------------------------------- compile (run as a child: its own errexit)
# Builds one docker.io source version into $WORK/image.new/rootfs.tar.
compile() { # version runtime-closure-file
  local version=$1 closure=$2 upstream tree=$WORK/tree out=$WORK/out rootfs=$WORK/rootfs
  upstream=${version#*:}
  upstream=${upstream%-*}
  log_step "fetch docker.io $version source"
  say "docker.io $version: fetching its buildkit component and Debian's patches"
  local bk_tar=docker.io_${upstream}.orig-buildkit.tar.xz debian_tar=docker.io_${version#*:}.debian.tar.xz
  local engine_tar=docker.io_${upstream}.orig.tar.xz
  fetch_source_file "$version" "$bk_tar"
  fetch_source_file "$version" "$debian_tar"
  # Only for engine/vendor.mod: the BuildKit release this buildkit component is (buildx compares versions).
  fetch_source_file "$version" "$engine_tar"
  local bk_release
  bk_release=$(tar -xJOf "$WORK/src/$engine_tar" --wildcards '*/engine/vendor.mod' |
    awk '$1 == "github.com/moby/buildkit" && v == "" { v = $2 } END { print v }')
  [ -n "$bk_release" ] || die "no github.com/moby/buildkit line in docker.io $version's engine/vendor.mod"

  rm -rf "$tree" && mkdir -p "$tree"
  tar -xJf "$WORK/src/$bk_tar" -C "$tree"
  tar -xJf "$WORK/src/$debian_tar" -C "$tree"
  log_step "apply Debian's patches to buildkit/"
  local patch
  grep -v -e '^#' -e '^[[:space:]]*$' "$tree/debian/patches/series" | while read -r patch _; do
    buildkit_hunks "$tree/debian/patches/$patch" >"$tree/$patch.buildkit"
    if [ -s "$tree/$patch.buildkit" ]; then
      echo "  $patch"
      patch -d "$tree" -s -p1 --no-backup-if-mismatch <"$tree/$patch.buildkit"
    fi
    rm -f "$tree/$patch.buildkit"
  done

  # Debian's Go and the Go libraries Debian builds docker.io with (resolved by apt, so that conflicting
  # alternatives are not mixed in), plus the docker/docker packages buildkitd imports.
  log_step "resolve and download the Go build dependencies"
  say "docker.io $version: downloading Debian's Go and golang-*-dev packages"
  local go_debs
  # shellcheck disable=SC2046 # one word per package
  go_debs=$(resolve_closure golang-go golang-github-docker-docker-dev $(golang_build_depends "$tree/debian/control") |
    awk '$1 ~ /^golang-/ { print $1 }')
  # shellcheck disable=SC2086 # one word per package
  download_debs "$WORK/debs/build" $go_debs
  echo "  $(echo "$go_debs" | wc -l) packages"
  # The unpacked tree (about 2 GB in 100k files) is kept for the next build with the same packages: unpacking and
  # removing it cost more than compiling with a warm Go cache.
  local unpacked=$WORK/goroot.debs
  if [ -d "$WORK/goroot" ] && deb_names "$WORK/debs/build" | cmp -s - "$unpacked"; then
    log_step "reuse the unpacked Go build dependencies"
  else
    log_step "extract the Go build dependencies"
    rm -f "$unpacked" && rm -rf "$WORK/goroot" && extract_debs "$WORK/debs/build" "$WORK/goroot"
    deb_names "$WORK/debs/build" >"$unpacked"
  fi

  local goroot
  goroot=$(find "$WORK/goroot/usr/lib" -maxdepth 1 -name 'go-1.*' -type d | sort -V | tail -1)
  [ -x "$goroot/bin/go" ] || die "no Go toolchain in Debian's golang-go"
  export GOROOT=$goroot PATH=$goroot/bin:$PATH
  export GOPATH=$WORK/gopath:$WORK/goroot/usr/share/gocode
  export GO111MODULE=off GOPROXY=off GOFLAGS='' GOTOOLCHAIN=local GOCACHE=$WORK/gocache CGO_ENABLED=0
  rm -rf "$WORK/gopath" && mkdir -p "$WORK/gopath/src/github.com/moby"
  mv "$tree/buildkit" "$WORK/gopath/src/github.com/moby/buildkit"
  local missing
  missing=$(cd "$WORK/gopath/src/github.com/moby/buildkit" &&
    go list -e -deps -f '{{range .DepsErrors}}{{.}}{{"\n"}}{{end}}' ./cmd/buildkitd ./cmd/buildctl |
    { grep 'cannot find package' || true; } | sort -u)
  [ -z "$missing" ] || die "imports Debian does not provide: $missing"

  log_step "go build buildkitd buildctl ($(go version), $jobs jobs)"
  say "docker.io $version: compiling BuildKit $bk_release with $(go version | awk '{ print $3 }') on $jobs cores"
  local ldflags="-s -w"
  ldflags+=" -X github.com/moby/buildkit/version.Version=$bk_release+debian.$(tr '+:~' '...' <<<"$version")"
  ldflags+=" -X github.com/moby/buildkit/version.Revision=debian-docker.io-$version"
  ldflags+=" -X github.com/moby/buildkit/version.Package=github.com/moby/buildkit"
  rm -rf "$out" && mkdir -p "$out"
  (cd "$WORK/gopath/src/github.com/moby/buildkit" &&
    nice -n 10 go build -p "$jobs" -trimpath -tags "osusergo netgo static_build seccomp" -ldflags "$ldflags" \
      -o "$out/" ./cmd/buildkitd ./cmd/buildctl)
  "$out/buildkitd" --version

  log_step "assemble the rootfs"
  say "docker.io $version: assembling the rootfs with Debian's ${RUNTIME_PACKAGES[*]}"
  local runtime_debs
  runtime_debs=$(awk '{ print $1 }' "$closure")
  # shellcheck disable=SC2086 # one word per package
  download_debs "$WORK/debs/runtime" $runtime_debs
  rm -rf "$rootfs" && extract_debs "$WORK/debs/runtime" "$rootfs"
  # Maintainer scripts do not run here: merge /bin, /sbin, /lib* into /usr as a usrmerged system has them,
  # and make the links and files that postinst scripts would.
  local d
  for d in bin sbin lib lib64; do
    if [ -d "$rootfs/$d" ] && [ ! -L "$rootfs/$d" ]; then
      mkdir -p "$rootfs/usr/$d" && cp -a "$rootfs/$d/." "$rootfs/usr/$d/" && rm -rf "${rootfs:?}/$d"
    fi
    if [ -d "$rootfs/usr/$d" ]; then ln -sfn "usr/$d" "$rootfs/$d"; fi
  done
  if [ ! -e "$rootfs/usr/bin/sh" ]; then ln -s dash "$rootfs/usr/bin/sh"; fi
  if [ ! -e "$rootfs/usr/bin/runc" ]; then ln -s ../sbin/runc "$rootfs/usr/bin/runc"; fi
  rm -rf "$rootfs/usr/share/doc" "$rootfs/usr/share/man" "$rootfs/usr/share/info" "$rootfs/usr/share/lintian"
  install -m 755 "$out/buildkitd" "$out/buildctl" "$rootfs/usr/bin/"
  mkdir -p "$rootfs/etc/ssl/certs" "$rootfs/etc/buildkit" "$rootfs/var/lib/buildkit" "$rootfs/run" "$rootfs/tmp" \
    "$rootfs/proc" "$rootfs/sys" "$rootfs/dev" "$rootfs/root"
  chmod 1777 "$rootfs/tmp"
  cat "$rootfs"/usr/share/ca-certificates/mozilla/*.crt >"$rootfs/etc/ssl/certs/ca-certificates.crt"
  printf 'root:x:0:0:root:/root:/bin/sh\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\n' >"$rootfs/etc/group"
  printf 'hosts: files dns\n' >"$rootfs/etc/nsswitch.conf"
  : >"$rootfs/etc/hosts"
  : >"$rootfs/etc/resolv.conf"

  log_step "pack the rootfs"
  rm -rf "$WORK/image.new" && mkdir -p "$WORK/image.new"
  tar --numeric-owner --owner=0 --group=0 -C "$rootfs" -cf "$WORK/image.new/rootfs.tar" .
  # Rebuilt on each run; the downloads, the unpacked Go packages and the Go build cache are what make a rebuild cheap.
  rm -rf "$tree" "$WORK/gopath" "$rootfs" "$out"
}

# ---------------------------------------------------------------- build
key_of() { # docker.io-version git-version
  printf 'docker.io=%s git=%s recipe=%s\n' "$1" "$2" "$RECIPE"
}

cmd_build() {
  [ -n "${MIRROR:-}" ] || die "MIRROR is not set (scripts/lab.sh up passes the machine's Debian mirror)"
  [ -n "${WORK:-}" ] || die "WORK is not set"
  local tool
  for tool in apt-get dpkg-deb curl sha256sum patch xz tar; do
    command -v "$tool" >/dev/null || die "$tool is missing"
  done
  mkdir -p "$WORK"
  setup_apt

  local closure=$WORK/runtime-closure git_version version key
  resolve_closure "${RUNTIME_PACKAGES[@]}" >"$closure"
  git_version=$(awk '$1 == "git" { print $2 }' "$closure")
  [ -n "$git_version" ] || die "apt resolved no git in Debian $SUITE"
  version=${SOURCE_VERSION:-$(newest_source_version)}
  [ -n "$version" ] || die "no docker.io in Debian $SUITE's Sources (does the mirror serve deb-src indexes?)"
  key=$(key_of "$version" "$git_version")
  if [ -s "$WORK/image/rootfs.tar" ] && [ "$(cat "$WORK/image/key" 2>/dev/null)" = "$key" ]; then
    say "already built for $key"
    return 0
  fi
  say "building for $key"
  if ! bash "$self" compile "$version" "$closure"; then
    # A newer upload may not build with this recipe: fall back to the verified one, if the archive still has it.
    if [ -n "${SOURCE_VERSION:-}" ] || [ "$version" = "$KNOWN_GOOD_SOURCE" ]; then
      die "docker.io $version did not build"
    fi
    say "docker.io $version did not build (see the log); falling back to $KNOWN_GOOD_SOURCE"
    version=$KNOWN_GOOD_SOURCE
    key=$(key_of "$version" "$git_version")
    if [ -s "$WORK/image/rootfs.tar" ] && [ "$(cat "$WORK/image/key" 2>/dev/null)" = "$key" ]; then
      say "already built for $key"
      return 0
    fi
    bash "$self" compile "$version" "$closure" || die "docker.io $version did not build either"
  fi
  # The key is written last: a rootfs.tar without its key (an interrupted run) is never taken for a result.
  mkdir -p "$WORK/image"
  rm -f "$WORK/image/key"
  mv "$WORK/image.new/rootfs.tar" "$WORK/image/rootfs.tar"
  echo "$key" >"$WORK/image/key"
  rm -rf "$WORK/image.new"
  log_step "done: $key"
}

case "${1:-}" in
  recipe) echo "$RECIPE" ;;
  build) cmd_build ;;
  compile) shift; compile "$@" ;;
  *) echo "usage: $0 recipe|build" >&2; exit 2 ;;
esac
