"""`make offline-check` (run by `.ci/run` after `make test`): `make reproduce` with no
network at all, and proof that it reached for none.

A clone of this checkout's committed tree (with the article folder, ../shared, linked
beside it, and this checkout's .venv reused) runs `make reproduce` in a new network
namespace that holds only loopback (`unshare --net --mount`; Linux, as root or with user
namespaces). Inside it:

- /etc/resolv.conf is bind-mounted to name 127.0.0.1, where a DNS listener (UDP and TCP,
  port 53) logs every query and answers "no such name";
- strace records every connect, sendto and sendmsg of the whole process tree (make,
  Python, the kernels, Chromium).

It fails naming any DNS query for a name other than localhost, any address outside
loopback that was connected or sent to, and any file `make reproduce` left different from
the committed one (`git status` of the clone: notebooks/*.ipynb and notebooks/chart-data
byte for byte, data/README.md too). Where no such namespace can be made it fails with the
reason under CI=true, and otherwise says why it skipped.
"""

from __future__ import annotations

import ipaddress
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = Path(sys.prefix)  # the .venv that runs this script (make passes $(PY))
STAMP = VENV / ".installed-from-requirements"
TIMEOUT_SECONDS = 1200
LOCAL_NAMES = {"localhost"}
TRACED = "connect,sendto,sendmsg,sendmmsg"
ADDRESS = re.compile(r'inet_addr\("([^"]+)"\)|inet_pton\(AF_INET6?, "([^"]+)"')


def namespace_command() -> list[str] | str:
    """The `unshare` prefix that makes a loopback-only network namespace here, or the reason
    there is none."""
    if not sys.platform.startswith("linux"):
        return f"network namespaces need Linux (this is {sys.platform})"
    for tool in ("unshare", "ip", "mount", "strace", "git", "make"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (Debian: apt-get install {'iproute2' if tool == 'ip' else tool})"
    command = ["unshare", "--net", "--mount"] + (["--map-root-user"] if os.geteuid() != 0 else [])
    probe = subprocess.run([*command, "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        return f"cannot make a network namespace ({' '.join(command)}: {probe.stderr.strip() or 'failed'})"
    return command


# --- the DNS listener (inside the namespace) ---------------------------------------------


def question(message: bytes) -> tuple[str, int, int]:
    """The name asked for, its query type, and where the question section ends."""
    labels, i = [], 12
    while i < len(message) and message[i]:
        length = message[i]
        labels.append(message[i + 1 : i + 1 + length].decode("ascii", "replace"))
        i += 1 + length
    qtype = struct.unpack(">H", message[i + 1 : i + 3])[0] if i + 3 <= len(message) else 0
    return ".".join(labels) or ".", qtype, i + 5


def no_such_name(message: bytes) -> bytes:
    """NXDOMAIN for the query's question, so that a client gives up at once."""
    _, _, end = question(message)
    recursion_desired = message[2] & 0x01
    flags = 0x8000 | (recursion_desired << 8) | 0x0080 | 3
    return message[:2] + struct.pack(">HHHHH", flags, 1, 0, 0, 0) + message[12:end]


def serve_dns(log: list[str]) -> None:
    """Answer on 127.0.0.1:53, UDP and TCP, in daemon threads; every query name goes to log."""

    def udp(sock: socket.socket) -> None:
        while True:
            message, peer = sock.recvfrom(4096)
            log.append("{} {} udp".format(*question(message)))
            sock.sendto(no_such_name(message), peer)

    def exactly(conn: socket.socket, size: int) -> bytes:
        data = b""
        while len(data) < size and (chunk := conn.recv(size - len(data))):
            data += chunk
        return data if len(data) == size else b""

    def tcp_client(conn: socket.socket) -> None:  # each message behind its 2-byte length
        with conn:
            while (head := exactly(conn, 2)) and (message := exactly(conn, int.from_bytes(head, "big"))):
                log.append("{} {} tcp".format(*question(message)))
                reply = no_such_name(message)
                conn.sendall(len(reply).to_bytes(2, "big") + reply)

    def tcp(sock: socket.socket) -> None:
        while True:
            threading.Thread(target=tcp_client, args=(sock.accept()[0],), daemon=True).start()

    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    u.bind(("127.0.0.1", 53))
    t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    t.bind(("127.0.0.1", 53))
    t.listen(16)
    threading.Thread(target=udp, args=(u,), daemon=True).start()
    threading.Thread(target=tcp, args=(t,), daemon=True).start()


def inside(work: Path) -> int:
    """In the namespace: loopback up, resolv.conf at the listener, make reproduce traced."""
    (work / "resolv.conf").write_text("nameserver 127.0.0.1\n")
    for step in (["ip", "link", "set", "lo", "up"], ["mount", "--bind", str(work / "resolv.conf"), "/etc/resolv.conf"]):
        done = subprocess.run(step, capture_output=True, text=True)
        if done.returncode != 0:
            print(f"offline-check: in the namespace, {' '.join(step)} failed: {done.stderr.strip()}", file=sys.stderr)
            return 2
    queries: list[str] = []
    serve_dns(queries)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS", "IACC_"))}
    # The clone's own package, not the one the reused .venv installed in editable mode.
    env["PYTHONPATH"] = str(work / "repo" / "src")
    make = ["make", "--no-print-directory", f"VENV={VENV}", "-o", str(STAMP), "reproduce"]
    # -yy names each socket's protocol (TCP, UDPv6, UNIX) beside its descriptor.
    trace = ["strace", "-f", "-qq", "-yy", "--seccomp-bpf", "-e", f"trace={TRACED}", "-e", "signal=none"]
    try:
        result = subprocess.run(
            [*trace, "-o", str(work / "strace.log"), *make], cwd=work / "repo", env=env, timeout=TIMEOUT_SECONDS
        )
        code = result.returncode
    except subprocess.TimeoutExpired:
        print(f"offline-check: make reproduce did not finish within {TIMEOUT_SECONDS} s", file=sys.stderr)
        code = 124
    (work / "dns.log").write_text("".join(q + "\n" for q in queries))
    return code


# --- the verdict (outside) ---------------------------------------------------------------


def is_local(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    ip = getattr(ip, "ipv4_mapped", None) or ip
    return ip.is_loopback or ip.is_unspecified


# Chromium's IPv6 reachability check: it connects a UDP socket to this address only to ask
# the kernel for a route, sends nothing, and has no switch to turn it off.
IPV6_ROUTE_PROBE = re.compile(r'connect\(\d+<UDPv6:.*htons\(443\).*"2001:4860:4860::8888"')


def outside_addresses(strace_log: str) -> tuple[Counter, Counter]:
    """Every address outside loopback a traced call was aimed at, with its count; and apart,
    Chromium's route probes, which send no packet."""
    seen: Counter = Counter()
    probes: Counter = Counter()
    for line in strace_log.splitlines():
        for v4, v6 in ADDRESS.findall(line):
            if not is_local(v4 or v6):
                call = line.split("(", 1)[0].split()[-1]  # "1234 connect(3<TCP:[...]>, {...}) = 0"
                (probes if IPV6_ROUTE_PROBE.search(line) else seen)[f"{v4 or v6} ({call})"] += 1
    return seen, probes


def outside_names(dns_log: str) -> Counter:
    names = (line.split()[0].rstrip(".").lower() for line in dns_log.splitlines() if line.strip())
    return Counter(n for n in names if n not in LOCAL_NAMES and not n.endswith(".localhost"))


def main() -> int:
    command = namespace_command()
    if isinstance(command, str):
        if os.environ.get("CI") == "true":
            print(f"offline-check: FAILED: {command}", file=sys.stderr)
            return 1
        print(f"offline-check: skipped: {command}")
        return 0
    with tempfile.TemporaryDirectory(prefix="iacc-offline-") as tmp:
        work = Path(tmp)
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(work / "repo")], check=True)
        shared = ROOT.parent / "shared"
        if shared.is_dir():
            (work / "shared").symlink_to(shared.resolve())
        print(f"offline-check: make reproduce in a clone of {commit()}, in a network namespace with loopback only")
        inner = subprocess.run([*command, sys.executable, __file__, "--inside", str(work)])
        names = outside_names((work / "dns.log").read_text() if (work / "dns.log").is_file() else "")
        trace = work / "strace.log"
        addresses, probes = outside_addresses(trace.read_text(errors="replace") if trace.is_file() else "")
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=all"],
            cwd=work / "repo",
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    problems = []
    if inner.returncode != 0:
        problems.append(f"make reproduce did not succeed in the namespace (exit {inner.returncode})")
    problems += [f"DNS query for {name} ({n}x)" for name, n in sorted(names.items())]
    problems += [f"reached for {address} ({n}x)" for address, n in sorted(addresses.items())]
    problems += [f"not as committed after make reproduce: {line.strip()}" for line in changed]
    if probes:
        print(
            f"offline-check: not counted: Chromium's IPv6 route probe, a UDP connect that sends nothing ({sum(probes.values())}x)"
        )
    for problem in problems:
        print(f"offline-check: {problem}", file=sys.stderr)
    if problems:
        print(f"offline-check: FAILED ({len(problems)} problems)", file=sys.stderr)
        return 1
    print(
        "offline-check: passed: no DNS query but for localhost, no address outside loopback, "
        "notebooks, chart data and data dictionary byte-identical with the committed ones"
    )
    return 0


def commit() -> str:
    return subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--inside"]:
        sys.exit(inside(Path(sys.argv[2])))
    sys.exit(main())
