"""The suite runs with the network blocked: in this process (pytest-socket) and in every
Python process it starts, notebook kernels included (tests/support/sitecustomize.py):
TCP and UDP, sockets made through `socket` or the low-level `_socket`, and name lookups.
The headless Chromium behind the PNGs starts with its own traffic off
(src/iacc2016/present/static_images.py), and `make offline-check` proves a whole
`make reproduce` offline (scripts/offline_check.py, whose verdict is tested here)."""

from __future__ import annotations

import importlib.util
import os
import socket
import subprocess
import sys

import pytest

from conftest import ROOT
from iacc2016.settings import RENDERER_ENV, REQUIRE_IMAGES_ENV

OUTSIDE = ("192.0.2.1", 80)  # TEST-NET-1: never routed, never contacted
BLOCKED = "network access is blocked during tests"


def run_guarded(code: str) -> subprocess.CompletedProcess:
    """`code` in a child process as a test run starts one: the guard on PYTHONPATH, on."""
    env = {**os.environ, "IACC_BLOCK_NETWORK": "1", "PYTHONPATH": str(ROOT / "tests" / "support")}
    return subprocess.run(
        [sys.executable, "-c", "import socket, _socket\n" + code], capture_output=True, text=True, env=env, timeout=30
    )


def test_this_process_cannot_connect_out():
    with pytest.raises(Exception, match="tried to use socket"):
        socket.create_connection(OUTSIDE, timeout=1)


# Each way out, as a child process would take it; each fails with the guard's message, and
# without that guard would reach (or try to reach) a TEST-NET address or the resolver.
UDP4 = "socket.socket(socket.AF_INET, socket.SOCK_DGRAM)"
UDP6 = "socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)"
WAYS_OUT = {
    "tcp connect": "socket.create_connection(('192.0.2.1', 80), timeout=1)",
    "tcp connect_ex": "socket.socket().connect_ex(('192.0.2.1', 80))",
    "udp connect": f"{UDP4}.connect(('192.0.2.1', 53))",
    "udp sendto": f"{UDP4}.sendto(b'x', ('192.0.2.1', 53))",
    "udp sendto with flags": f"{UDP4}.sendto(b'x', 0, ('192.0.2.1', 53))",
    "udp sendmsg": f"{UDP4}.sendmsg([b'x'], [], 0, ('192.0.2.1', 53))",
    "udp over ipv6": f"{UDP6}.sendto(b'x', ('2001:db8::1', 53))",
    "low-level connect": "_socket.socket(_socket.AF_INET, _socket.SOCK_STREAM).connect(('192.0.2.1', 80))",
    "low-level connect_ex": "_socket.socket(_socket.AF_INET, _socket.SOCK_STREAM).connect_ex(('192.0.2.1', 80))",
    "low-level sendto": "_socket.socket(_socket.AF_INET, _socket.SOCK_DGRAM).sendto(b'x', ('192.0.2.1', 53))",
    "low-level sendmsg": "_socket.socket(_socket.AF_INET, _socket.SOCK_DGRAM).sendmsg([b'x'], [], 0, ('192.0.2.1', 53))",
    "getaddrinfo": "socket.getaddrinfo('iacc-test.invalid', 443)",
    "low-level getaddrinfo": "_socket.getaddrinfo('iacc-test.invalid', 443)",
    "gethostbyname": "socket.gethostbyname('iacc-test.invalid')",
    "gethostbyname_ex": "socket.gethostbyname_ex('iacc-test.invalid')",
    "gethostbyaddr (reverse lookup)": "socket.gethostbyaddr('192.0.2.1')",
    "getnameinfo (reverse lookup)": "socket.getnameinfo(('192.0.2.1', 80), 0)",
    "low-level gethostbyname": "_socket.gethostbyname('iacc-test.invalid')",
}


@pytest.mark.parametrize("code", WAYS_OUT.values(), ids=WAYS_OUT.keys())
def test_child_processes_cannot_reach_out(code):
    result = run_guarded(code)
    assert result.returncode != 0
    assert BLOCKED in result.stderr, result.stderr


def test_loopback_stays_open_for_kernels():
    """TCP (a kernel's ZeroMQ ports), through both socket modules, by number and by name."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    port = server.getsockname()[1]
    result = run_guarded(
        f"socket.create_connection(('127.0.0.1', {port}), timeout=2).close()\n"
        f"socket.create_connection(('localhost', {port}), timeout=2).close()\n"
        f"_socket.socket(_socket.AF_INET, _socket.SOCK_STREAM).connect(('127.0.0.1', {port}))\n"
    )
    server.close()
    assert result.returncode == 0, result.stderr


def test_loopback_udp_local_lookups_and_socketpairs_stay_open():
    receiver = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    receiver.bind(("127.0.0.1", 0))
    receiver.settimeout(5)
    port = receiver.getsockname()[1]
    result = run_guarded(
        f"{UDP4}.sendto(b'ping', ('127.0.0.1', {port}))\n"
        "socket.getaddrinfo('localhost', 80); socket.getaddrinfo(None, 80); socket.getaddrinfo('127.0.0.1', 80)\n"
        "socket.gethostbyname('localhost'); socket.getnameinfo(('127.0.0.1', 80), socket.NI_NUMERICHOST)\n"
        "a, b = socket.socketpair(); a.sendall(b'x'); assert b.recv(1) == b'x'\n"
    )
    try:
        assert result.returncode == 0, result.stderr
        assert receiver.recvfrom(16)[0] == b"ping"
    finally:
        receiver.close()


# --- Chromium, as the charts start it --------------------------------------------------------


# What `make offline-check` measured (DNS log, Chromium 156): without flags of its own the
# browser looked up cdnjs.cloudflare.com (kaleido's MathJax), clients2.google.com and
# update.googleapis.com (background networking; the component updater, which still fetched
# its on-device model manifest under --disable-component-update until pointed at a port
# Chromium refuses) and start.duckduckgo.com (the new-tab page of the first window).
REQUIRED_FLAGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--component-updater=url-source=http://127.0.0.1:9/",
    "--disable-sync",
    "--metrics-recording-only",
    "--no-pings",
    "--disable-domain-reliability",
    "--disable-default-apps",
    "--disable-client-side-phishing-detection",
    "--disable-field-trial-config",
    "--disable-crash-reporter",
)


@pytest.mark.robustness
def test_the_browser_the_charts_start_gets_the_offline_flags(tmp_path):
    """The command line the browser is really started with (a stand-in records it, then
    exits as a broken browser would), through kaleido and choreographer as the notebooks
    use them."""
    argv = tmp_path / "argv"
    fake = tmp_path / "chromium"
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {argv}\nexit 1\n')
    fake.chmod(0o755)
    env = {k: v for k, v in os.environ.items() if k not in (RENDERER_ENV, REQUIRE_IMAGES_ENV)}
    env.update(BROWSER_PATH=str(fake), IACC_PLOTLY_RENDERER="plotly_mimetype+png")
    code = "from iacc2016.present import style; style.setup()"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, timeout=50)
    assert result.returncode == 0, result.stderr
    used = argv.read_text().splitlines()
    missing = [flag for flag in REQUIRED_FLAGS if flag not in used]
    assert not missing, missing
    disabled = next(f for f in used if f.startswith("--disable-features=")).split("=", 1)[1].split(",")
    assert {"Translate", "OptimizationHints", "MediaRouter"} <= set(disabled), disabled
    assert used[-1] == "about:blank"  # the first window's page, not the new-tab page


def test_the_page_kaleido_draws_in_loads_nothing_from_the_network(monkeypatch, tmp_path):
    """What the browser's server is started with makes kaleido's page: plotly.js from the
    installed plotly and no MathJax (kaleido's defaults would fetch MathJax from a CDN)."""
    import threading

    import kaleido
    from choreographer.browsers.chromium import Chromium
    from kaleido._page_generator import PageGenerator

    from iacc2016.present import static_images

    class Started(Exception):
        pass

    options = {}

    def start(**kwargs):
        options.update(kwargs)
        raise Started

    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    monkeypatch.setattr(Chromium, "find_browser", classmethod(lambda cls, **kw: str(fake)))
    monkeypatch.setattr(kaleido, "start_sync_server", start)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)  # the start-up replaces it
    with pytest.raises(Started):
        static_images._start_browser()
    page = PageGenerator(plotly=options.get("plotlyjs"), mathjax=options.get("mathjax")).generate_index()
    sources = [part.split('"')[0] for part in page.split('src="')[1:]]
    assert sources and all(src.startswith("file://") for src in sources), sources
    assert any(src.endswith("/plotly/package_data/plotly.min.js") for src in sources), sources
    assert "http" not in page


# --- make offline-check's verdict --------------------------------------------------------------


def offline_check():
    spec = importlib.util.spec_from_file_location("offline_check", ROOT / "scripts" / "offline_check.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


STRACE = """\
101 connect(7<TCP:[1]>, {sa_family=AF_INET, sin_port=htons(41234), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
102 connect(9<UNIX:[2]>, {sa_family=AF_UNIX, sun_path="/run/x"}, 110) = 0
103 sendto(4<UDP:[3]>, "x", 1, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("127.0.0.1")}, 16) = 1
104 connect(25<UDPv6:[4]>, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), \
inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH
105 connect(8<TCP:[5]>, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr("142.250.1.1")}, 16) = -1 ENETUNREACH
106 sendto(6<UDPv6:[6]>, "x", 1, 0, {sa_family=AF_INET6, sin6_port=htons(53), sin6_flowinfo=htonl(0), \
inet_pton(AF_INET6, "::ffff:10.0.0.1", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH
107 connect(26<TCPv6:[7]>, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), \
inet_pton(AF_INET6, "2001:4860:4860::8888", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH
"""


def test_offline_check_names_every_outside_address_and_only_the_route_probe_passes():
    seen, probes = offline_check().outside_addresses(STRACE)
    # Worked by hand from STRACE: lines 101-103 are loopback or a local socket; 104 is
    # Chromium's UDP route probe; 105 (TCP), 106 (UDP to a v4-mapped private address) and
    # 107 (the probe's address, but over TCP, which would send a packet) reach out.
    assert seen == {
        "142.250.1.1 (connect)": 1,
        "::ffff:10.0.0.1 (sendto)": 1,
        "2001:4860:4860::8888 (connect)": 1,
    }
    assert probes == {"2001:4860:4860::8888 (connect)": 1}


def test_offline_check_counts_dns_queries_for_any_name_but_localhost():
    names = offline_check().outside_names("localhost 28 udp\nLocalHost. 1 udp\nupdate.googleapis.com 1 udp\n")
    assert names == {"update.googleapis.com": 1}


def test_offline_check_reads_the_name_from_a_dns_query_and_answers_no_such_name():
    check = offline_check()
    # A query for a.bc (type A = 1), id 0x1234, recursion desired, built by hand.
    query = bytes.fromhex("1234 0100 0001 0000 0000 0000") + b"\x01a\x02bc\x00" + bytes.fromhex("0001 0001")
    assert check.question(query)[:2] == ("a.bc", 1)
    reply = check.no_such_name(query)
    assert reply[:2] == b"\x12\x34" and reply[3] & 0x0F == 3 and reply[2] & 0x80  # a response, NXDOMAIN
    assert reply[12:] == query[12:]  # the question, echoed


def test_offline_check_fails_in_ci_and_skips_elsewhere_without_a_namespace(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env["PATH"] = str(tmp_path)  # no unshare, ip, strace, git or make on it
    script = [sys.executable, str(ROOT / "scripts" / "offline_check.py")]
    skipped = subprocess.run(script, capture_output=True, text=True, env=env, timeout=30)
    assert skipped.returncode == 0 and skipped.stdout.startswith("offline-check: skipped: "), skipped
    failed = subprocess.run(script, capture_output=True, text=True, env={**env, "CI": "true"}, timeout=30)
    assert failed.returncode == 1 and failed.stdout == ""
    assert failed.stderr.startswith("offline-check: FAILED: ") and len(failed.stderr.splitlines()) == 1
