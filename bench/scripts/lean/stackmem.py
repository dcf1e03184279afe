#!/usr/bin/env python3
"""RSS and PSS of every process a `./coach up` stack runs, grouped by role.

  stackmem.py COACH_DIR            one line per process and a table per role (markdown), totals last
  stackmem.py --pids PID...        RSS/PSS/CPU ticks of the given processes (json), for knobs.sh
  stackmem.py --docker             per container of the engine at DOCKER_HOST: its processes' RSS and PSS, read from
                                   the host's /proc (the container's init and all its descendants), beside
                                   `docker stats`' memory (what the container's cgroup is charged, less inactive page cache)

The stack's processes: the AppHost (COACH_DIR/run/apphost.pid) and all its descendants, plus any process whose
command line names COACH_DIR (the servers) or monitors the AppHost (DCP's `--monitor PID`), whoever their parent is.
PSS (from /proc/PID/smaps_rollup) splits shared pages between the processes sharing them, so the sum is what the
stack costs; RSS counts a shared page in every process that maps it.
"""
import json, os, re, sys

def read(path):
    try:
        with open(path, 'rb') as f:
            return f.read()
    except OSError:
        return None

def cmdline(pid):
    raw = read(f'/proc/{pid}/cmdline') or b''
    return [a.decode(errors='replace') for a in raw.rstrip(b'\0').split(b'\0') if a]

def ppid(pid):
    stat = (read(f'/proc/{pid}/stat') or b'').decode(errors='replace')
    return int(stat.rsplit(')', 1)[1].split()[1]) if stat else None

def kb(text, field):
    m = re.search(rf'^{field}:\s+(\d+) kB', text, re.M)
    return int(m.group(1)) if m else 0

def memory(pid):
    status = (read(f'/proc/{pid}/status') or b'').decode()
    rollup = (read(f'/proc/{pid}/smaps_rollup') or b'').decode()
    stat = (read(f'/proc/{pid}/stat') or b'').decode(errors='replace')
    ticks = sum(int(x) for x in stat.rsplit(')', 1)[1].split()[11:13]) if stat else 0
    return {'rss_kb': kb(status, 'VmRSS'), 'pss_kb': kb(rollup, 'Pss'), 'cpu_ticks': ticks}

def role(args):
    if not args:
        return '?'
    exe = os.path.basename(args[0])
    joined = ' '.join(args)
    service = re.search(r'CyclingCoach\.(Gateway|Sync|Coaching|Routes)(\.dll)?\b', joined)
    if exe == 'dotnet' and 'run' in args and service:
        return f'`dotnet run` host ({service.group(1).lower()})'
    if service and (exe.startswith('CyclingCoach.') or exe == 'dotnet'):
        return service.group(1).lower()
    if 'CyclingCoach.AppHost' in joined:
        return 'AppHost'
    if 'Aspire.Dashboard' in joined:
        return 'dashboard'
    if exe == 'dcp' or exe.startswith('dcp'):
        sub = next((a for a in args[1:] if not a.startswith('-')), '')
        return f'DCP {sub}'.strip()
    if exe in ('postgres', 'setpriv') or 'postgres' in exe:
        return 'PostgreSQL'
    if exe in ('beam.smp', 'erl_child_setup', 'inet_gethost', 'epmd', 'sh') and ('rabbit' in joined or exe != 'sh') or 'rabbitmq' in joined:
        return 'RabbitMQ (beam, epmd)'
    if exe == 'node' or 'next-server' in joined or 'server.js' in joined:
        return 'web (Next.js)'
    return exe

def with_descendants(found, parents):
    changed = True
    while changed:
        changed = False
        for p, pp in parents.items():
            if p not in found and pp in found:
                found.add(p); changed = True
    return found

def all_parents():
    return {int(p): ppid(int(p)) for p in os.listdir('/proc') if p.isdigit()}

def docker_table():
    import subprocess
    def docker(*args):
        return subprocess.run(['docker', *args], check=True, capture_output=True, text=True).stdout.split('\n')
    names = [n for n in docker('ps', '--format', '{{.Names}}') if n]
    stats = dict(line.split(' ', 1) for line in docker('stats', '--no-stream', '--format', '{{.Name}} {{.MemUsage}}') if line)
    parents = all_parents()
    print('| container | processes | RSS MB | PSS MB | `docker stats` memory |')
    print('|---|---:|---:|---:|---|')
    totals = [0, 0, 0]
    for name in sorted(names):
        init = int(docker('inspect', '--format', '{{.State.Pid}}', name)[0])
        pids = sorted(p for p in with_descendants({init}, parents) if os.path.exists(f'/proc/{p}'))
        mem = [memory(p) for p in pids]
        rss, pss = sum(m['rss_kb'] for m in mem), sum(m['pss_kb'] for m in mem)
        totals[0] += len(pids); totals[1] += rss; totals[2] += pss
        print(f'| {name} | {len(pids)} | {rss / 1024:.0f} | {pss / 1024:.0f} | {stats.get(name, "?").split(" / ")[0]} |')
        if os.environ.get('VERBOSE'):
            for p, m in zip(pids, mem):
                print(f'  {p:>7} {name:<24} rss {m["rss_kb"] / 1024:6.1f} pss {m["pss_kb"] / 1024:6.1f}  {" ".join(cmdline(p))[:110]}', file=sys.stderr)
    print(f'| **total** | {totals[0]} | {totals[1] / 1024:.0f} | **{totals[2] / 1024:.0f}** | |')

def stack_pids(coach_dir):
    apphost = int(open(os.path.join(coach_dir, 'run', 'apphost.pid')).read().strip())
    parents = all_parents()
    everyone = list(parents)
    found = with_descendants({apphost}, parents)
    for p in everyone:
        args = cmdline(p)
        joined = ' '.join(args)
        if p not in found and (coach_dir.rstrip('/') + '/' in joined or re.search(rf'--monitor {apphost}(\s|$)', joined)):
            found.add(p)
    found = with_descendants(found, parents) # those of the ones added by name (postgres backends, beam children)
    return sorted(p for p in found if os.path.exists(f'/proc/{p}'))

def main():
    if sys.argv[1] == '--pids':
        print(json.dumps({p: memory(int(p)) for p in sys.argv[2:]}))
        return
    if sys.argv[1] == '--docker':
        docker_table()
        return
    coach_dir = os.path.abspath(sys.argv[1])
    rows = []
    for p in stack_pids(coach_dir):
        args = cmdline(p)
        if not args:
            continue
        rows.append((role(args), p, memory(p), ' '.join(args)[:110]))
    groups = {}
    for r, p, m, _ in rows:
        g = groups.setdefault(r, [0, 0, 0])
        g[0] += 1; g[1] += m['rss_kb']; g[2] += m['pss_kb']
    print('| role | processes | RSS MB | PSS MB |')
    print('|---|---:|---:|---:|')
    for r, (n, rss, pss) in sorted(groups.items(), key=lambda kv: -kv[1][2]):
        print(f'| {r} | {n} | {rss / 1024:.0f} | {pss / 1024:.0f} |')
    n = sum(g[0] for g in groups.values())
    print(f'| **total** | {n} | {sum(g[1] for g in groups.values()) / 1024:.0f} | **{sum(g[2] for g in groups.values()) / 1024:.0f}** |')
    if os.environ.get('VERBOSE'):
        for r, p, m, c in rows:
            print(f'  {p:>7} {r:<28} rss {m["rss_kb"] / 1024:6.1f} pss {m["pss_kb"] / 1024:6.1f}  {c}', file=sys.stderr)

if __name__ == '__main__':
    main()
