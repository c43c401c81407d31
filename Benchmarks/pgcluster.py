"""A throw-away PostgreSQL + PostGIS cluster for the PostGIS benchmarks (postgis_bench.py,
province_postgis.py): the same steps as Tests/TestSupport/PostgresServer.swift, but in a fixed
folder outside git (default /tmp/parkatlas-province) that is kept and reused between runs, so
the loaded data survives (loading ten cities takes a while).

    python3 Benchmarks/pgcluster.py start [--dir D] [--port P]   # initdb when missing, then start
    python3 Benchmarks/pgcluster.py stop  [--dir D]

initdb -U postgres --auth=trust: only the local user can reach it (socket in the folder, TCP on
127.0.0.1 only). fsync, full_page_writes and synchronous_commit are off (a benchmark cluster: a
crash loses it, which is fine); everything else is PostgreSQL's default but shared_buffers (1 GB),
maintenance_work_mem (512 MB, for the GiST builds) and max_wal_size (4 GB, fewer checkpoints
during the bulk load). As root every server command runs as the unprivileged `postgres` user.
"""
import argparse
import os
import shutil
import subprocess
import sys

DEFAULT_DIR = "/tmp/parkatlas-province"
DEFAULT_PORT = 55432


def bindir():
    for v in ("15", "16", "17"):
        d = f"/usr/lib/postgresql/{v}/bin"
        if os.path.exists(d + "/initdb"):
            return d
    return subprocess.check_output(["pg_config", "--bindir"], text=True).strip()


def as_server_user(argv, **kw):
    if os.geteuid() == 0:
        argv = ["runuser", "-u", "postgres", "--"] + argv
    return subprocess.run(argv, check=True, **kw)


def uri(database, schema, folder=DEFAULT_DIR, port=DEFAULT_PORT):
    """The dataset URI through the Unix socket in the cluster folder."""
    return f"postgresql://postgres@/{database}?host={folder}&port={port}&schema={schema}"


def psql(sql, database="postgres", folder=DEFAULT_DIR, port=DEFAULT_PORT, check=True):
    out = subprocess.run([bindir() + "/psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-h", folder, "-p", str(port),
                          "-U", "postgres", "-d", database, "-c", sql], capture_output=True, text=True)
    if check and out.returncode != 0:
        raise RuntimeError(f"psql failed: {out.stderr.strip()}\n{sql[:500]}")
    return out.stdout.strip()


def running(folder):
    # A postmaster.pid left by a machine restart names a process that is gone; pg_ctl
    # start clears such a stale file itself, so only a live pid counts as running.
    try:
        pid = int(open(os.path.join(folder, "data", "postmaster.pid")).readline())
        os.kill(pid, 0)
        return True
    except (OSError, ValueError):
        return False


def start(folder=DEFAULT_DIR, port=DEFAULT_PORT):
    b = bindir()
    data = os.path.join(folder, "data")
    if not os.path.exists(os.path.join(data, "PG_VERSION")):
        os.makedirs(folder, exist_ok=True)
        if os.geteuid() == 0:
            shutil.chown(folder, "postgres", "postgres")
        as_server_user([b + "/initdb", "-D", data, "-U", "postgres", "-E", "UTF8", "--locale=C", "--auth=trust", "--no-sync"],
                       stdout=subprocess.DEVNULL)
    if not running(folder):
        opts = (f"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off "
                "-c synchronous_commit=off -c shared_buffers=1GB -c maintenance_work_mem=512MB -c max_wal_size=4GB "
                "-c shared_preload_libraries=pg_stat_statements -c max_connections=50")
        as_server_user([b + "/pg_ctl", "-D", data, "-l", os.path.join(folder, "log"), "-w", "-t", "120", "start", "-o", opts],
                       stdout=subprocess.DEVNULL)
    if psql("SELECT count(*) FROM pg_database WHERE datname = 'template_postgis'", folder=folder, port=port) == "0":
        psql("CREATE DATABASE template_postgis", folder=folder, port=port)
        psql("CREATE EXTENSION postgis; CREATE EXTENSION pg_stat_statements", "template_postgis", folder, port)


def ensure_database(name, folder=DEFAULT_DIR, port=DEFAULT_PORT):
    if psql(f"SELECT count(*) FROM pg_database WHERE datname = '{name}'", folder=folder, port=port) == "0":
        psql(f"CREATE DATABASE {name} TEMPLATE template_postgis", folder=folder, port=port)


def stop(folder=DEFAULT_DIR):
    if running(folder):
        as_server_user([bindir() + "/pg_ctl", "-D", os.path.join(folder, "data"), "stop", "-m", "fast", "-w"], stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=["start", "stop"])
    ap.add_argument("--dir", default=DEFAULT_DIR)
    ap.add_argument("--port", type=int, default=DEFAULT_PORT)
    a = ap.parse_args()
    if a.action == "start":
        start(a.dir, a.port)
        print(uri("DATABASE", "SCHEMA", a.dir, a.port))
    else:
        stop(a.dir)
    sys.exit(0)
