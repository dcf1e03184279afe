#!/usr/bin/env bash
# Backs up CyclingCoach: pg_dump of the three databases and tar of the GPX and sync file volumes, into
# $BACKUP_DIR/cyclingcoach-<UTC timestamp>/, then deletes backups older than $BACKUP_KEEP_DAYS days (never the newest).
#   deploy/backup.sh [--dir DIR] [--keep-days N]     (defaults from deploy/.env: BACKUP_DIR, BACKUP_KEEP_DAYS=30)
# Run it from cron for daily backups, e.g.  15 3 * * *  /path/to/deploy/backup.sh >> /var/log/coach-backup.log 2>&1
set -euo pipefail
# A backup holds every ride, plan and conversation, and the encrypted credentials: the owner's alone (folders 0700,
# files 0600), whatever umask cron or the shell gives.
umask 077
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

dir="$(env_value BACKUP_DIR ./backups)"
keep_days="$(env_value BACKUP_KEEP_DAYS 30)"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --dir) dir="$2"; shift 2 ;;
    --keep-days) keep_days="$2"; shift 2 ;;
    -h|--help) sed -n '2,5p' "$0"; exit 0 ;;
    *) echo "backup.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
[[ "$keep_days" =~ ^[1-9][0-9]*$ ]] || { echo "backup.sh: --keep-days must be a positive number" >&2; exit 2; }
[[ "$dir" = /* ]] || dir="$here/$dir"

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$dir/cyclingcoach-$stamp"
work="$target.partial"
mkdir -p "$work"
chmod 700 "$dir" "$work"
trap 'rm -rf "$work"' ERR

for db in "${DATABASES[@]}"; do
  echo "backup: database $db"
  "${compose[@]}" exec -T postgres pg_dump -U postgres --format=custom --no-owner "$db" > "$work/$db.dump"
done
for archive in "${!FILE_VOLUMES[@]}"; do
  echo "backup: files $archive"
  # The services keep running: GNU tar's exit 1 ("file changed as we read it", e.g. a file arriving) is a warning;
  # 2 and above are errors.
  in_volume "${FILE_VOLUMES[$archive]}" sh -c 'tar -C /data --warning=no-file-changed -czf - .; [ $? -le 1 ]' \
    > "$work/$archive.tar.gz"
done
{
  echo "created=$stamp"
  echo "databases=${DATABASES[*]}"
  echo "files=${!FILE_VOLUMES[*]}"
} > "$work/manifest.txt"
mv "$work" "$target"
echo "backup: wrote $target"

# Retention: delete backups whose timestamp is older than $keep_days days; the one just written always stays.
cutoff="$(date -u -d "-$keep_days days" +%Y%m%dT%H%M%SZ)"
for path in "$dir"/cyclingcoach-*; do
  name="$(basename "$path")"; stamp_of="${name#cyclingcoach-}"
  [[ -d "$path" && "$stamp_of" =~ ^[0-9]{8}T[0-9]{6}Z$ && "$path" != "$target" ]] || continue
  if [[ "$stamp_of" < "$cutoff" ]]; then
    echo "backup: removing $path (older than $keep_days days)"
    rm -rf "$path"
  fi
done
