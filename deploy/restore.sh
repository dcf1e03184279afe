#!/usr/bin/env bash
# Restores a backup made by backup.sh, replacing ALL current CyclingCoach data.
#   deploy/restore.sh [--yes] BACKUP_FOLDER        e.g. deploy/restore.sh deploy/backups/cyclingcoach-20261124T031500Z
# Stops the application services, recreates the three databases from their dumps, replaces the GPX and sync files,
# then starts everything again. Asks for confirmation unless --yes is given.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

assume_yes=false
source_dir=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    -y|--yes) assume_yes=true; shift ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    -*) echo "restore.sh: unknown option $1" >&2; exit 2 ;;
    *) source_dir="$1"; shift ;;
  esac
done
[[ -n "$source_dir" ]] || { echo "usage: restore.sh [--yes] BACKUP_FOLDER" >&2; exit 2; }
[[ -d "$source_dir" ]] || { echo "restore.sh: $source_dir is not a folder" >&2; exit 2; }
for db in "${DATABASES[@]}"; do
  [[ -s "$source_dir/$db.dump" ]] || { echo "restore.sh: $source_dir/$db.dump is missing" >&2; exit 2; }
done

if ! $assume_yes; then
  echo "This replaces ALL CyclingCoach data (databases ${DATABASES[*]}; GPX and sync files) with $source_dir."
  read -r -p "Type 'restore' to continue: " answer
  [[ "$answer" == "restore" ]] || { echo "restore.sh: cancelled"; exit 1; }
fi

echo "restore: stopping application services"
"${compose[@]}" stop web gateway sync coaching routes
"${compose[@]}" up -d postgres
# Over TCP: a first-start postgres runs its init scripts on a socket-only server first.
for _ in $(seq 1 60); do
  "${compose[@]}" exec -T postgres pg_isready -h 127.0.0.1 -U postgres -q && break
  sleep 2
done

for db in "${DATABASES[@]}"; do
  echo "restore: database $db"
  "${compose[@]}" exec -T postgres psql -U postgres -v ON_ERROR_STOP=1 -q \
    -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" -c "CREATE DATABASE \"$db\""
  "${compose[@]}" exec -T postgres pg_restore -U postgres --no-owner --exit-on-error -d "$db" < "$source_dir/$db.dump"
done
for archive in "${!FILE_VOLUMES[@]}"; do
  [[ -f "$source_dir/$archive.tar.gz" ]] || { echo "restore: no $archive.tar.gz, files left as they are"; continue; }
  echo "restore: files $archive"
  # Empty /data (mount points such as /data/keys stay, their contents go), then unpack.
  in_volume "${FILE_VOLUMES[$archive]}" sh -c \
    'find /data -mindepth 1 -depth ! -path /data/keys -delete && tar -C /data -xzf -' < "$source_dir/$archive.tar.gz"
done

echo "restore: starting CyclingCoach"
"${compose[@]}" up -d
echo "restore: done"
