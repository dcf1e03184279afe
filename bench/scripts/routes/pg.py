"""Drops the benchmark database through psql (connection string in Npgsql form)."""
import os, subprocess, sys

def parse(cs):
    parts = dict(p.split("=", 1) for p in cs.split(";") if "=" in p)
    return {k.strip().lower(): v for k, v in parts.items()}

if __name__ == "__main__":
    action, cs, name = sys.argv[1:4]
    p = parse(cs)
    env = dict(os.environ, PGPASSWORD=p.get("password", ""))
    if action == "drop":
        subprocess.run(["psql", "-h", p.get("host", "127.0.0.1"), "-p", p.get("port", "5432"), "-U", p.get("username", "postgres"),
                        "-d", "postgres", "-q", "-c", f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'], env=env, check=False,
                       stdout=subprocess.DEVNULL)
