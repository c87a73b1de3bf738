"""The suite runs with the network blocked: in this process (pytest-socket) and in every
Python process it starts, notebook kernels included (tests/support/sitecustomize.py)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest

OUTSIDE = ("192.0.2.1", 80)  # TEST-NET-1: never routed, never contacted


def test_this_process_cannot_connect_out():
    with pytest.raises(Exception, match="tried to use socket"):
        socket.create_connection(OUTSIDE, timeout=1)


def test_child_processes_cannot_connect_out():
    code = "import socket; socket.create_connection(('192.0.2.1', 80), timeout=1)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy())
    assert result.returncode != 0
    assert "network access is blocked during tests" in result.stderr


def test_loopback_stays_open_for_kernels():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    code = f"import socket; socket.create_connection(('127.0.0.1', {server.getsockname()[1]}), timeout=2)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=os.environ.copy())
    server.close()
    assert result.returncode == 0, result.stderr
