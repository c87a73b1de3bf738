"""Loaded by every Python process of a test run (pytest, its workers, notebook kernels,
subprocesses), through PYTHONPATH set by `make test` and the root conftest.py.

1. Network guard: with IACC_BLOCK_NETWORK=1, connecting anywhere but this machine raises
   at once, so a notebook or test that reaches out fails loudly instead of passing on a
   networked laptop. (pytest-socket guards the pytest process as well.)
2. Start-up time: nbformat's jsonschema imports the optional rfc3987-syntax IRI checker,
   which compiles a grammar for about two seconds in every process (pytest, each worker,
   each kernel). Nothing here validates IRIs, so it is kept out; jsonschema treats it as
   not installed. (src/iacc2016/present/notebook.py does the same for notebook kernels outside tests.)
"""

import os
import socket
import sys

sys.modules.setdefault("rfc3987_syntax", None)

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
