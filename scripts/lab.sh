#!/usr/bin/env bash
# The local lab: a real Docker engine, buildx, QEMU (binfmt) and two OCI registries on loopback, plus a
# multi-arch base image, so that the e2e tests meet the real tools without pulling anything from the internet.
#
#   scripts/lab.sh up       bring every part up (idempotent: a second run on a ready machine changes nothing)
#   scripts/lab.sh status   report each part; exit 0 only when every part is ready
#   scripts/lab.sh down     stop only the processes `up` started (by the pids it recorded)
#
# The engine and buildx already on the machine are used when they work (a developer laptop, a GitHub runner).
# Otherwise, on Debian as root, they come from Debian trixie packages, with the mirror taken from the machine's
# own apt sources.
#
# LAB_BUILDX picks the buildx for `up` to put in place, and for `status` to require:
#   current   Debian's newest docker-buildx (from sid), close to the one GitHub's runners ship
#   oldest    Debian trixie's docker-buildx (0.13.1), the oldest the action supports
#   (unset)   whatever buildx the docker CLI finds (the last choice made, if any)
# Either is unpacked from its .deb into $LAB_DIR/buildx, beside the engine's packages (nothing installed is replaced),
# and linked from a system plugin directory: every docker command on the machine then uses it.
#
# The docker-container driver needs a BuildKit image, and no registry can be pulled from: `up` builds
# $LAB_BUILDKIT_IMAGE (local/buildkit:debian) from Debian trixie's docker.io source with scripts/lab/buildkit-image.sh
# (3 to 4 minutes, once; the rootfs, downloads and Go caches, about 3 GB, stay under $LAB_DIR/buildkit, and the rootfs
# is re-imported if the engine loses the image), and writes $LAB_DIR/buildkitd.toml, which lets BuildKit reach both
# loopback registries over plain http.
#   LAB_BUILDKIT_REFRESH=1   look for a newer docker.io (or git) in Debian and rebuild if there is one
#   LAB_BUILDKIT_SOURCE=V    build docker.io source version V instead of trixie's newest
set -euo pipefail

LAB_DIR=${LAB_DIR:-/var/lib/multiarch-lab}
RUN_DIR=$LAB_DIR/run
LOG_DIR=$LAB_DIR/log
LAB_REGISTRY_PORT=${LAB_REGISTRY_PORT:-5000}
LAB_AUTH_REGISTRY_PORT=${LAB_AUTH_REGISTRY_PORT:-5001}
LAB_AUTH_USER=${LAB_AUTH_USER:-lab-user}
LAB_AUTH_PASSWORD=${LAB_AUTH_PASSWORD:-lab-password}
LAB_BASE_IMAGE=127.0.0.1:$LAB_REGISTRY_PORT/lab/busybox:latest
# Architectures the lab emulates, as named by qemu's binfmt files.
QEMU_ARCHES=(aarch64 arm riscv64 ppc64le s390x)
binfmt_dir=/proc/sys/fs/binfmt_misc
DEBIAN_SOURCES=/etc/apt/sources.list.d/debian.sources
LAB_SOURCES=/etc/apt/sources.list.d/multiarch-lab-trixie.sources
LAB_PREFERENCES=/etc/apt/preferences.d/multiarch-lab-trixie
LAB_BUILDX=${LAB_BUILDX:-}
BUILDX_DIR=$LAB_DIR/buildx
# The docker CLI searches this directory before the packages' /usr/libexec/docker/cli-plugins; unlike
# ~/.docker/cli-plugins it does not move with DOCKER_CONFIG, which some tests set for a step.
BUILDX_LINK=/usr/local/lib/docker/cli-plugins/docker-buildx
LAB_BUILDKIT_IMAGE=${LAB_BUILDKIT_IMAGE:-local/buildkit:debian}
LAB_BUILDKIT_REFRESH=${LAB_BUILDKIT_REFRESH:-}
LAB_BUILDKIT_SOURCE=${LAB_BUILDKIT_SOURCE:-}
BUILDKIT_DIR=$LAB_DIR/buildkit
BUILDKITD_CONFIG=$LAB_DIR/buildkitd.toml
BUILDKIT_SCRIPT=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/lab/buildkit-image.sh
# The image label holding the key the image was built for (see buildkit-image.sh).
BUILDKIT_KEY_LABEL=org.multiarch-lab.buildkit.key

say() { printf '[lab] %s\n' "$*"; }
die() { printf '[lab] error: %s\n' "$*" >&2; exit 1; }

pid_alive() { # pidfile
  [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null
}

wait_for() { # description, seconds, command...
  local what=$1 seconds=$2
  shift 2
  local i
  for ((i = 0; i < seconds * 5; i++)); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  die "$what did not come up within ${seconds}s (logs in $LOG_DIR)"
}

# ---------------------------------------------------------------- packages
engine_works() { docker info >/dev/null 2>&1; }
buildx_works() { docker buildx version >/dev/null 2>&1; }
have_commands() { local c; for c in "$@"; do command -v "$c" >/dev/null 2>&1 || return 1; done; }

# The mirror URI of the machine's own main Debian suite, or with `security` of its security suite (empty if none).
debian_mirror() { # [security]
  [ -r "$DEBIAN_SOURCES" ] || die "$DEBIAN_SOURCES is missing: cannot find this machine's Debian mirror"
  awk -v want="${1:-main}" 'BEGIN { RS = ""; FS = "\n" }
       (want == "security") == ($0 ~ /Suites:[^\n]*security/) {
         for (i = 1; i <= NF; i++) if ($i ~ /^URIs:/) { sub(/^URIs:[ \t]*/, "", $i); split($i, u, /[ \t]+/); print u[1]; exit }
       }' "$DEBIAN_SOURCES"
}

# A deb822 stanza for one suite of the machine's own mirror.
debian_source() { # suite
  local mirror
  mirror=$(debian_mirror)
  [ -n "$mirror" ] || die "no URIs line found in $DEBIAN_SOURCES"
  printf 'Types: deb\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
    "$mirror" "$1"
}

# apt-get with its own lists and downloads under a work directory: the machine's apt state stays as it is.
private_apt() { # work-dir apt-get-args...
  local work=$1
  shift
  mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
  apt-get -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o "Dir::State::status=/dev/null" \
    -o APT::Sandbox::User=root "$@"
}

# What this machine lacks for the lab, as Debian package names; empty when everything is there.
missing_packages() {
  engine_works || have_commands dockerd containerd runc || echo docker.io containerd runc tini
  # A LAB_BUILDX choice brings its own buildx (select_buildx).
  [ -n "$LAB_BUILDX" ] || buildx_works || echo docker-buildx
  have_commands docker-registry || have_commands registry || echo docker-registry
  have_commands htpasswd || echo apache2-utils
  have_commands curl || echo curl
  # For the BuildKit image, built from Debian's docker.io source (scripts/lab/buildkit-image.sh).
  have_commands patch || echo patch
  have_commands xz || echo xz-utils
  local arch
  for arch in "${QEMU_ARCHES[@]}"; do
    [ "$arch" = "$(native_qemu_arch)" ] && continue
    if [ ! -e "$binfmt_dir/qemu-$arch" ] && [ ! -r "/usr/lib/binfmt.d/qemu-$arch.conf" ]; then
      echo qemu-user-static
      break
    fi
  done
}

# apt-get install from Debian trixie, through the machine's own mirror.
trixie_install() { # log-file packages...
  local log=$1
  shift
  debian_source trixie >"$LAB_SOURCES"
  # Keep trixie out of every other install on this machine: only `-t trixie` below takes from it.
  printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' >"$LAB_PREFERENCES"
  { DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends -t trixie "$@"; } >"$log" 2>&1
}

install_packages() {
  local missing
  missing=$(missing_packages | tr '\n' ' ')
  [ -z "${missing// /}" ] && return 0
  [ "$(id -u)" -eq 0 ] || die "missing packages ($missing) and not root: install them or run as root"
  command -v apt-get >/dev/null || die "missing packages ($missing) and no apt-get on this machine"
  say "installing $missing from Debian trixie"
  # shellcheck disable=SC2086 # one word per package
  trixie_install "$LOG_DIR/apt.log" $missing || { tail -20 "$LOG_DIR/apt.log" >&2; die "apt-get install failed"; }
}

# Debian's cosign, the signing tests' second verifier beside @sigstore/verify. Optional: where it does not install,
# those checks say they are skipped and the lab still comes up.
install_cosign() {
  have_commands cosign && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    say "cosign: not installed (needs root and apt-get): the tests' cosign checks are skipped"
    return 0
  fi
  say "installing cosign from Debian trixie"
  trixie_install "$LOG_DIR/apt-cosign.log" cosign ||
    say "cosign: Debian's package did not install (log in $LOG_DIR/apt-cosign.log): the tests' cosign checks are skipped"
}

cosign_status() {
  if have_commands cosign; then
    # Debian's build calls itself "devel": the package says which it is.
    echo "cosign: $(dpkg-query -W -f='${Version}' cosign 2>/dev/null || echo "$(command -v cosign), not Debian's")"
  else
    echo "cosign: not installed (the tests' cosign checks are skipped)"
  fi
}

# ---------------------------------------------------------------- engine
start_engine() {
  if engine_works; then return 0; fi
  have_commands dockerd || die "no working Docker engine and no dockerd to start"
  # The containerd image store lets the docker driver build and push several platforms at once.
  stop_unresponsive_engine
  printf '{"features": {"containerd-snapshotter": true}}\n' >"$LAB_DIR/daemon.json"
  say "starting dockerd (containerd snapshotter)"
  nohup dockerd --config-file "$LAB_DIR/daemon.json" --pidfile "$RUN_DIR/dockerd.docker.pid" \
    >"$LOG_DIR/dockerd.log" 2>&1 &
  echo $! >"$RUN_DIR/dockerd.pid"
  wait_for dockerd 60 docker info
}

# A dockerd that an earlier `up` started but that no longer answers (or a stale pidfile after a crash) would make
# the new dockerd refuse to start: stop that one process, by the pid this lab recorded, and nothing else.
stop_unresponsive_engine() {
  local pidfile=$RUN_DIR/dockerd.docker.pid pid
  [ -s "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null && [ "$(ps -p "$pid" -o comm=)" = dockerd ]; then
    say "the dockerd this lab started earlier (pid $pid) does not answer; stopping it"
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

engine_status() {
  if ! engine_works; then echo "engine: down"; return 1; fi
  local store
  store=$(docker info --format '{{range .DriverStatus}}{{index . 1}} {{end}}' 2>/dev/null)
  echo "engine: up (server $(docker version --format '{{.Server.Version}}'), storage: ${store:-unknown})"
}

# ---------------------------------------------------------------- buildx
buildx_suite() { # current|oldest
  case $1 in
    current) echo sid ;;
    oldest) echo trixie ;;
    *) return 1 ;;
  esac
}

# The Debian version of the lab's buildx for a choice (e.g. 0.29.1+ds1-4); empty when it is not installed.
lab_buildx_version() { # current|oldest
  cat "$BUILDX_DIR/$1/version" 2>/dev/null || true
}

# Unpacks the suite's docker-buildx .deb into $BUILDX_DIR/<choice>, once.
install_buildx() { # current|oldest
  local which=$1 suite dir=$BUILDX_DIR/$1
  [ -x "$dir/docker-buildx" ] && [ -n "$(lab_buildx_version "$which")" ] && return 0
  suite=$(buildx_suite "$which")
  [ "$(id -u)" -eq 0 ] || die "LAB_BUILDX=$which: installing Debian $suite's docker-buildx needs root"
  command -v apt-get >/dev/null || die "LAB_BUILDX=$which: no apt-get on this machine"
  local work=$LAB_DIR/apt-$suite log=$LOG_DIR/apt-$suite.log
  mkdir -p "$work/sources" "$work/preferences"
  debian_source "$suite" >"$work/sources/$suite.sources"
  # Only this suite, with no pinning of the machine's: its newest docker-buildx is the candidate.
  local suite_opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$work/sources"
    -o Dir::Etc::Preferences=/dev/null -o "Dir::Etc::PreferencesParts=$work/preferences")
  say "buildx $which: fetching docker-buildx from Debian $suite"
  private_apt "$work" "${suite_opts[@]}" -qq update >"$log" 2>&1 ||
    { tail -5 "$log" >&2; die "apt-get update for Debian $suite failed"; }
  (cd "$work" && rm -f docker-buildx_*.deb && private_apt "$work" "${suite_opts[@]}" -qq download docker-buildx) \
    >>"$log" 2>&1 || { tail -5 "$log" >&2; die "could not download docker-buildx from Debian $suite"; }
  local deb unpacked=$dir.new
  deb=$(echo "$work"/docker-buildx_*.deb)
  rm -rf "$unpacked" && mkdir -p "$unpacked" && dpkg-deb -x "$deb" "$unpacked/root"
  mv "$unpacked/root/usr/libexec/docker/cli-plugins/docker-buildx" "$unpacked/docker-buildx" ||
    die "$deb has no usr/libexec/docker/cli-plugins/docker-buildx"
  dpkg-deb -f "$deb" Version >"$unpacked/version"
  rm -rf "$unpacked/root" "$dir" && mv "$unpacked" "$dir"
}

# Whether `docker buildx` runs the lab's buildx for a choice: a Debian build reports its package version.
buildx_in_use_is() { # current|oldest
  local version
  version=$(lab_buildx_version "$1")
  [ -n "$version" ] || return 1
  case " $(docker buildx version 2>/dev/null) " in *" $version "*) return 0 ;; *) return 1 ;; esac
}

select_buildx() {
  [ -n "$LAB_BUILDX" ] || return 0
  buildx_suite "$LAB_BUILDX" >/dev/null || die "LAB_BUILDX must be current or oldest, not '$LAB_BUILDX'"
  install_buildx "$LAB_BUILDX"
  local target=$BUILDX_DIR/$LAB_BUILDX/docker-buildx
  if [ "$(readlink "$BUILDX_LINK" 2>/dev/null)" != "$target" ]; then
    if [ -e "$BUILDX_LINK" ] || [ -L "$BUILDX_LINK" ]; then
      case "$(readlink "$BUILDX_LINK")" in
        "$BUILDX_DIR"/*) ;;
        *) die "$BUILDX_LINK is not the lab's: move it away to let LAB_BUILDX choose the buildx" ;;
      esac
    fi
    say "buildx: using the $LAB_BUILDX one ($(lab_buildx_version "$LAB_BUILDX"))"
    mkdir -p "$(dirname "$BUILDX_LINK")"
    # Replaced in one rename: a docker command starting meanwhile finds either buildx, never none.
    ln -sfn "$target" "$BUILDX_LINK.new" && mv -T "$BUILDX_LINK.new" "$BUILDX_LINK"
  fi
  buildx_in_use_is "$LAB_BUILDX" || die "docker buildx reports '$(docker buildx version 2>&1)', not the $LAB_BUILDX" \
    "one ($target): a plugin directory searched first, such as ~/.docker/cli-plugins, has its own docker-buildx"
}

buildx_status() {
  local failed=0 which version
  if ! buildx_works; then
    echo "buildx: missing"
    failed=1
  elif [ -z "$LAB_BUILDX" ]; then
    echo "buildx: $(docker buildx version)"
  elif ! buildx_suite "$LAB_BUILDX" >/dev/null; then
    echo "buildx: $(docker buildx version), but LAB_BUILDX is '$LAB_BUILDX' (current or oldest)"
    failed=1
  elif buildx_in_use_is "$LAB_BUILDX"; then
    echo "buildx: $(docker buildx version) (LAB_BUILDX=$LAB_BUILDX)"
  else
    echo "buildx: $(docker buildx version), not the $LAB_BUILDX one (LAB_BUILDX=$LAB_BUILDX bash scripts/lab.sh up)"
    failed=1
  fi
  for which in current oldest; do
    version=$(lab_buildx_version "$which")
    if [ -z "$version" ]; then
      echo "buildx $which: not installed (LAB_BUILDX=$which bash scripts/lab.sh up)"
    else
      echo "buildx $which: $version from Debian $(buildx_suite "$which")$(buildx_in_use_is "$which" && echo ', in use')"
    fi
  done
  return $failed
}

# ---------------------------------------------------------------- binfmt
native_qemu_arch() {
  case "$(uname -m)" in
    x86_64) echo x86_64 ;; aarch64) echo aarch64 ;; *) uname -m ;;
  esac
}

register_binfmt() {
  if [ ! -e "$binfmt_dir/register" ]; then
    [ "$(id -u)" -eq 0 ] || die "binfmt_misc is not mounted and not root"
    mount -t binfmt_misc binfmt_misc "$binfmt_dir"
  fi
  local arch conf
  for arch in "${QEMU_ARCHES[@]}"; do
    [ "$arch" = "$(native_qemu_arch)" ] && continue
    [ -e "$binfmt_dir/qemu-$arch" ] && continue
    conf=/usr/lib/binfmt.d/qemu-$arch.conf
    [ -r "$conf" ] || die "$conf is missing (qemu-user-static not installed?)"
    [ "$(id -u)" -eq 0 ] || die "qemu-$arch is not registered and registering it needs root"
    say "registering binfmt for $arch"
    grep -v '^#' "$conf" >"$binfmt_dir/register"
  done
}

binfmt_status() {
  local arch missing=()
  for arch in "${QEMU_ARCHES[@]}"; do
    [ "$arch" = "$(native_qemu_arch)" ] && continue
    [ -e "$binfmt_dir/qemu-$arch" ] || missing+=("$arch")
  done
  if [ ${#missing[@]} -gt 0 ]; then echo "binfmt: missing ${missing[*]}"; return 1; fi
  echo "binfmt: ${QEMU_ARCHES[*]} registered"
}

# ---------------------------------------------------------------- registries
registry_answers() { # port [user:password]
  local code
  if [ -n "${2:-}" ]; then
    code=$(curl -s -o /dev/null -w '%{http_code}' -u "$2" "http://127.0.0.1:$1/v2/") || return 1
  else
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/v2/") || return 1
  fi
  [ "$code" = 200 ]
}

registry_binary() {
  command -v docker-registry || command -v registry || die "no docker-registry binary"
}

write_registry_config() { # name port [htpasswd-file]
  local name=$1 port=$2 htpasswd=${3:-}
  mkdir -p "$LAB_DIR/$name/storage"
  {
    printf 'version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: %s\n' "$LAB_DIR/$name/storage"
    printf '  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:%s\n' "$port"
    if [ -n "$htpasswd" ]; then
      printf 'auth:\n  htpasswd:\n    realm: multiarch-lab\n    path: %s\n' "$htpasswd"
    fi
  } >"$LAB_DIR/$name/config.yml"
}

start_registry() { # name port [user password]
  local name=$1 port=$2 user=${3:-} password=${4:-} credentials=
  [ -n "$user" ] && credentials=$user:$password
  if pid_alive "$RUN_DIR/$name.pid" && registry_answers "$port" "$credentials"; then return 0; fi
  if registry_answers "$port" "$credentials"; then
    say "$name: something this lab did not start already answers on 127.0.0.1:$port; using it"
    return 0
  fi
  local htpasswd=
  if [ -n "$user" ]; then
    htpasswd=$LAB_DIR/$name/htpasswd
    mkdir -p "$LAB_DIR/$name"
    htpasswd -Bbn "$user" "$password" >"$htpasswd"
  fi
  write_registry_config "$name" "$port" "$htpasswd"
  say "starting $name on 127.0.0.1:$port"
  nohup "$(registry_binary)" serve "$LAB_DIR/$name/config.yml" >"$LOG_DIR/$name.log" 2>&1 &
  echo $! >"$RUN_DIR/$name.pid"
  wait_for "$name" 20 registry_answers "$port" "$credentials"
}

registry_status() { # name port [user password]
  local credentials=
  [ -n "${3:-}" ] && credentials=$3:$4
  if registry_answers "$2" "$credentials"; then echo "$1: up on 127.0.0.1:$2"; else echo "$1: down"; return 1; fi
}

# ---------------------------------------------------------------- base image
base_image_ready() {
  local accept='application/vnd.oci.image.index.v1+json,application/vnd.docker.distribution.manifest.list.v2+json'
  curl -sf -o /dev/null -H "Accept: $accept" \
    "http://127.0.0.1:$LAB_REGISTRY_PORT/v2/lab/busybox/manifests/latest"
}

# busybox-static for one Debian architecture, unpacked into a rootfs with a link per applet.
busybox_rootfs() { # debian-arch dir
  local arch=$1 dir=$2 work=$LAB_DIR/apt-$1
  mkdir -p "$dir"
  local arch_opts=(-o "APT::Architecture=$arch" -o "APT::Architectures=$arch")
  private_apt "$work" "${arch_opts[@]}" -qq update >"$LOG_DIR/apt-$arch.log" 2>&1 ||
    { tail -5 "$LOG_DIR/apt-$arch.log" >&2; die "apt-get update for $arch failed"; }
  (cd "$work" && rm -f busybox-static_*.deb && private_apt "$work" "${arch_opts[@]}" -qq download "busybox-static:$arch") \
    >>"$LOG_DIR/apt-$arch.log" 2>&1 || die "could not download busybox-static:$arch"
  rm -rf "$work/extract" && dpkg-deb -x "$work"/busybox-static_*.deb "$work/extract"
  mkdir -p "$dir/bin" "$dir/tmp" "$dir/etc"
  cp "$work/extract/bin/busybox" "$dir/bin/busybox"
}

seed_base_image() {
  if base_image_ready; then return 0; fi
  say "seeding $LAB_BASE_IMAGE (linux/amd64 + linux/arm64) from Debian's busybox-static"
  local repo=127.0.0.1:$LAB_REGISTRY_PORT/lab/busybox
  local seed=$LAB_DIR/seed
  rm -rf "$seed"
  busybox_rootfs amd64 "$seed/amd64"
  busybox_rootfs arm64 "$seed/arm64"
  # Both builds share one Debian version, so the host-runnable one lists the applets of both.
  local applets
  applets=$(qemu_free_busybox "$seed" --list)
  local arch applet
  for arch in amd64 arm64; do
    for applet in $applets; do
      [ "$applet" = busybox ] || ln -sf busybox "$seed/$arch/bin/$applet"
    done
    tar -C "$seed/$arch" -c . | docker import --platform "linux/$arch" - "$repo:$arch" >/dev/null
    docker push -q "$repo:$arch" >/dev/null
  done
  docker buildx imagetools create -t "$repo:latest" "$repo:amd64" "$repo:arm64" >"$LOG_DIR/seed.log" 2>&1 ||
    { cat "$LOG_DIR/seed.log" >&2; die "imagetools create failed for the base image"; }
  base_image_ready || die "the base image is not in the registry after seeding"
}

# Runs the busybox of the host's own architecture (no emulation needed).
qemu_free_busybox() { # seed-dir args...
  local seed=$1
  shift
  case "$(uname -m)" in
    x86_64) "$seed/amd64/bin/busybox" "$@" ;;
    aarch64) "$seed/arm64/bin/busybox" "$@" ;;
    *) die "the lab seeds its base image on amd64 or arm64 hosts only" ;;
  esac
}

base_status() {
  if base_image_ready; then echo "base image: $LAB_BASE_IMAGE"; else echo "base image: missing"; return 1; fi
}

# ---------------------------------------------------------------- BuildKit image
# The key label of $LAB_BUILDKIT_IMAGE in the engine; empty when the engine does not have the image.
buildkit_image_key() {
  local key
  key=$(docker image inspect --format "{{ index .Config.Labels \"$BUILDKIT_KEY_LABEL\" }}" "$LAB_BUILDKIT_IMAGE" \
    2>/dev/null) || return 0
  [ "$key" = '<no value>' ] || echo "$key"
}

# The key of the rootfs kept under $BUILDKIT_DIR; empty when there is none.
buildkit_kept_key() {
  if [ -s "$BUILDKIT_DIR/image/rootfs.tar" ] && [ -s "$BUILDKIT_DIR/image/key" ]; then cat "$BUILDKIT_DIR/image/key"; fi
}

# Whether a key is what this lab wants: built by the current recipe (and from LAB_BUILDKIT_SOURCE, when set).
buildkit_key_wanted() { # key
  local key=$1
  case "$key" in *" recipe=$(bash "$BUILDKIT_SCRIPT" recipe)") ;; *) return 1 ;; esac
  [ -z "$LAB_BUILDKIT_SOURCE" ] || case "$key" in "docker.io=$LAB_BUILDKIT_SOURCE "*) ;; *) return 1 ;; esac
}

# Builds (or, with a rootfs kept for the wanted key, only re-imports) $LAB_BUILDKIT_IMAGE; nothing when it is there.
ensure_buildkit_image() {
  if [ -z "$LAB_BUILDKIT_REFRESH" ] && buildkit_key_wanted "$(buildkit_image_key)"; then return 0; fi
  if [ -n "$LAB_BUILDKIT_REFRESH" ] || ! buildkit_key_wanted "$(buildkit_kept_key)"; then build_buildkit_rootfs; fi
  [ "$(buildkit_image_key)" = "$(buildkit_kept_key)" ] || import_buildkit_image
}

build_buildkit_rootfs() {
  have_commands apt-get dpkg-deb ||
    die "the BuildKit image is built from Debian's archive: this needs a Debian machine (apt-get, dpkg-deb)"
  local mirror log=$LOG_DIR/buildkit.log
  mirror=$(debian_mirror)
  [ -n "$mirror" ] || die "no URIs line found in $DEBIAN_SOURCES"
  if [ -n "$LAB_BUILDKIT_REFRESH" ]; then
    say "buildkit: checking Debian for a newer docker.io or git (a rebuild takes minutes; log in $log)"
  else
    say "buildkit: building the rootfs of $LAB_BUILDKIT_IMAGE from Debian (about 4 minutes; log in $log)"
  fi
  local start=$SECONDS
  # Progress lines reach the terminal on fd 3; the build's own output goes to the log.
  MIRROR=$mirror SECURITY_MIRROR=$(debian_mirror security) WORK=$BUILDKIT_DIR SOURCE_VERSION=$LAB_BUILDKIT_SOURCE \
    bash "$BUILDKIT_SCRIPT" build 3>&1 >"$log" 2>&1 || { tail -20 "$log" >&2; die "the BuildKit rootfs build failed"; }
  say "buildkit: rootfs ready after $((SECONDS - start))s"
}

# Imports the kept rootfs as $LAB_BUILDKIT_IMAGE, once its tools are seen to run inside it.
import_buildkit_image() {
  local key id old
  key=$(buildkit_kept_key)
  [ -n "$key" ] || die "no BuildKit rootfs under $BUILDKIT_DIR/image to import"
  say "buildkit: importing $LAB_BUILDKIT_IMAGE ($key)"
  id=$(docker import --change 'ENTRYPOINT ["buildkitd"]' \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'VOLUME /var/lib/buildkit' --change "LABEL $BUILDKIT_KEY_LABEL=\"$key\"" \
    --message "BuildKit from Debian's archive: $key" "$BUILDKIT_DIR/image/rootfs.tar") ||
    die "docker import of $BUILDKIT_DIR/image/rootfs.tar failed"
  # git as BuildKit runs it needs sh, sed and coreutils too (git-submodule is a shell script).
  local check='buildkitd --version && buildctl --version && runc --version && git --version && sed --version'
  check+=' && basename /'
  if ! docker run --rm --network none --entrypoint sh "$id" -c "$check" >"$LOG_DIR/buildkit-check.log" 2>&1; then
    cat "$LOG_DIR/buildkit-check.log" >&2
    docker image rm "$id" >/dev/null 2>&1 || true
    die "the imported BuildKit image does not run its tools"
  fi
  old=$(docker image inspect --format '{{.Id}}' "$LAB_BUILDKIT_IMAGE" 2>/dev/null || true)
  docker tag "$id" "$LAB_BUILDKIT_IMAGE"
  # The image it replaces, unless a builder still uses it.
  if [ -n "$old" ] && [ "$old" != "$id" ]; then docker image rm "$old" >/dev/null 2>&1 || true; fi
  buildkit_key_wanted "$(buildkit_image_key)" || die "$LAB_BUILDKIT_IMAGE does not carry its key after the import"
}

buildkit_status() {
  local key kept
  key=$(buildkit_image_key)
  if buildkit_key_wanted "$key"; then
    echo "buildkit image: $LAB_BUILDKIT_IMAGE ($key)"
    return 0
  fi
  kept=$(buildkit_kept_key)
  if buildkit_key_wanted "$kept"; then
    echo "buildkit image: missing, its rootfs is kept ($kept): bash scripts/lab.sh up re-imports it in seconds"
  elif [ -n "$key" ]; then
    echo "buildkit image: $LAB_BUILDKIT_IMAGE is not the wanted build ($key): bash scripts/lab.sh up rebuilds it"
  else
    echo "buildkit image: missing (bash scripts/lab.sh up builds it from Debian's docker.io source, about 4 minutes)"
  fi
  return 1
}

# buildkitd's configuration for the lab's builders: both loopback registries speak plain http.
buildkitd_config() {
  local port
  for port in "$LAB_REGISTRY_PORT" "$LAB_AUTH_REGISTRY_PORT"; do
    printf '[registry."127.0.0.1:%s"]\n  http = true\n  insecure = true\n\n' "$port"
  done
}

write_buildkitd_config() {
  buildkitd_config | cmp -s - "$BUILDKITD_CONFIG" && return 0
  buildkitd_config >"$BUILDKITD_CONFIG.new" && mv "$BUILDKITD_CONFIG.new" "$BUILDKITD_CONFIG"
}

buildkitd_config_status() {
  if buildkitd_config | cmp -s - "$BUILDKITD_CONFIG"; then
    echo "buildkitd config: $BUILDKITD_CONFIG"
  else
    echo "buildkitd config: missing or stale (bash scripts/lab.sh up writes $BUILDKITD_CONFIG)"
    return 1
  fi
}

# ---------------------------------------------------------------- commands
cmd_up() {
  mkdir -p "$RUN_DIR" "$LOG_DIR"
  install_packages
  install_cosign
  select_buildx
  start_engine
  buildx_works || die "docker buildx does not work"
  register_binfmt
  start_registry registry "$LAB_REGISTRY_PORT"
  start_registry auth-registry "$LAB_AUTH_REGISTRY_PORT" "$LAB_AUTH_USER" "$LAB_AUTH_PASSWORD"
  seed_base_image
  write_buildkitd_config
  ensure_buildkit_image
  cmd_status
}

cmd_status() {
  local failed=0
  engine_status || failed=1
  buildx_status || failed=1
  binfmt_status || failed=1
  registry_status registry "$LAB_REGISTRY_PORT" || failed=1
  registry_status auth-registry "$LAB_AUTH_REGISTRY_PORT" "$LAB_AUTH_USER" "$LAB_AUTH_PASSWORD" || failed=1
  if engine_works; then base_status || failed=1; else echo "base image: unknown (no engine)"; failed=1; fi
  if engine_works; then buildkit_status || failed=1; else echo "buildkit image: unknown (no engine)"; failed=1; fi
  buildkitd_config_status || failed=1
  cosign_status
  return $failed
}

cmd_down() {
  local pidfile name pid
  for name in auth-registry registry dockerd; do
    pidfile=$RUN_DIR/$name.pid
    if pid_alive "$pidfile"; then
      pid=$(cat "$pidfile")
      say "stopping $name (pid $pid)"
      kill "$pid"
      for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    fi
    rm -f "$pidfile"
  done
}

case "${1:-}" in
  up) cmd_up ;;
  status) cmd_status ;;
  down) cmd_down ;;
  *) echo "usage: $0 up|status|down" >&2; exit 2 ;;
esac
