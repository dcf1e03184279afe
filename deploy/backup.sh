#!/usr/bin/env bash
# Backs up CyclingCoach: pg_dump of the three databases and tar of the GPX and sync file volumes, into
# $BACKUP_DIR/cyclingcoach-<UTC timestamp>/, keeping the newest $BACKUP_KEEP backups.
#   deploy/backup.sh [--dir DIR] [--keep N]        (settings default from deploy/.env: BACKUP_DIR, BACKUP_KEEP)
# Run it from cron for daily backups, e.g.  15 3 * * *  /path/to/deploy/backup.sh >> /var/log/coach-backup.log 2>&1
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

dir="$(env_value BACKUP_DIR ./backups)"
keep="$(env_value BACKUP_KEEP 7)"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "backup.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ "$keep" =~ ^[1-9][0-9]*$ ]] || { echo "backup.sh: --keep must be a positive number" >&2; exit 2; }
[[ "$dir" = /* ]] || dir="$here/$dir"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$dir/cyclingcoach-$stamp"
work="$target.partial"
mkdir -p "$work"
trap 'rm -rf "$work"' ERR

for db in "${DATABASES[@]}"; do
  echo "backup: database $db"
  "${compose[@]}" exec -T postgres pg_dump -U postgres --format=custom --no-owner "$db" > "$work/$db.dump"
done
for archive in "${!FILE_VOLUMES[@]}"; do
  echo "backup: files $archive"
  in_volume "${FILE_VOLUMES[$archive]}" tar -C /data -czf - . > "$work/$archive.tar.gz"
done
{
  echo "created=$stamp"
  echo "databases=${DATABASES[*]}"
  echo "files=${!FILE_VOLUMES[*]}"
} > "$work/manifest.txt"
mv "$work" "$target"
echo "backup: wrote $target"

# Keep the newest $keep backups.
mapfile -t old < <(find "$dir" -mindepth 1 -maxdepth 1 -type d -name 'cyclingcoach-*' ! -name '*.partial' | sort | head -n "-$keep")
for path in "${old[@]}"; do
  echo "backup: removing old $path"
  rm -rf "$path"
done
