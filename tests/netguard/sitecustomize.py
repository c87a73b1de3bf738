"""Network guard for every Python process the test suite starts (notebook kernels,
subprocesses), loaded through PYTHONPATH by the root conftest.py.

With IACC_BLOCK_NETWORK=1, connecting anywhere but this machine raises at once, so a
notebook or test that reaches out fails loudly instead of passing on a networked laptop.
(The pytest process itself is guarded by pytest-socket.)"""

import os
import socket

if os.environ.get("IACC_BLOCK_NETWORK") == "1":
    _LOOPBACK = {"127.0.0.1", "::1", "localhost"}
    _connect, _connect_ex = socket.socket.connect, socket.socket.connect_ex

    def _check(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6) and address[0] not in _LOOPBACK:
            raise ConnectionRefusedError(f"network access is blocked during tests (tried {address[0]})")

    def _guarded_connect(self, address):
        _check(self, address)
        return _connect(self, address)

    def _guarded_connect_ex(self, address):
        _check(self, address)
        return _connect_ex(self, address)

    socket.socket.connect = _guarded_connect
    socket.socket.connect_ex = _guarded_connect_ex
