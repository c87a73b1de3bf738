"""Loaded by every Python process of a test run (pytest, its workers, notebook kernels,
subprocesses), through PYTHONPATH set by `make test` and the root conftest.py.

1. Network guard: with IACC_BLOCK_NETWORK=1, reaching anywhere but this machine raises at
   once, so a notebook or test that reaches out fails loudly instead of passing on a
   networked laptop. Guarded: TCP and UDP (connect, connect_ex, sendto, sendmsg), on
   sockets made through `socket` or the low-level `_socket` module alike, and name
   lookups (getaddrinfo, gethostbyname[_ex], gethostbyaddr, getnameinfo) of anything but
   localhost and numeric addresses. (pytest-socket guards the pytest process as well.)
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
    import _socket
    import ipaddress

    _BLOCKED = "network access is blocked during tests"
    _RAW = _socket.socket  # the C type: socket.socket derives from it, so does the guard below

    def _loopback(host) -> bool:
        """localhost, a loopback address, or the wildcard (None, "", 0.0.0.0: this machine)."""
        host = (host.decode() if isinstance(host, bytes) else host or "").split("%")[0].rstrip(".").lower()
        if host in ("", "localhost") or host.endswith(".localhost"):
            return True
        try:
            ip = ipaddress.ip_address(host)
        except ValueError:
            return False
        ip = getattr(ip, "ipv4_mapped", None) or ip
        return ip.is_loopback or ip.is_unspecified

    def _numeric(host) -> bool:
        try:
            ipaddress.ip_address((host.decode() if isinstance(host, bytes) else str(host)).split("%")[0])
        except ValueError:
            return False
        return True

    def _check(sock, address):
        if sock.family in (_socket.AF_INET, _socket.AF_INET6) and not _loopback(address[0]):
            raise ConnectionRefusedError(f"{_BLOCKED} (tried {address[0]})")

    def _connect(self, address):
        _check(self, address)
        return _RAW.connect(self, address)

    def _connect_ex(self, address):
        _check(self, address)
        return _RAW.connect_ex(self, address)

    def _sendto(self, data, *flags_address):  # sendto(data[, flags], address)
        _check(self, flags_address[-1])
        return _RAW.sendto(self, data, *flags_address)

    def _sendmsg(self, buffers, *rest):  # sendmsg(buffers[, ancdata[, flags[, address]]])
        if len(rest) > 2 and rest[2] is not None:
            _check(self, rest[2])
        return _RAW.sendmsg(self, buffers, *rest)

    class _GuardedSocket(_RAW):
        """What `_socket.socket(...)` makes from now on (the C type's methods cannot be replaced)."""

        connect, connect_ex, sendto, sendmsg = _connect, _connect_ex, _sendto, _sendmsg

    _socket.socket = _socket.SocketType = _GuardedSocket
    socket.socket.connect, socket.socket.connect_ex = _connect, _connect_ex
    socket.socket.sendto, socket.socket.sendmsg = _sendto, _sendmsg

    def _lookup_guard(lookup, allowed):
        def guarded(host, *args):
            if not allowed(host, *args):
                raise socket.gaierror(socket.EAI_FAIL, f"{_BLOCKED} (tried to look up {host})")
            return lookup(host, *args)

        return guarded

    _LOOKUPS = {  # a numeric address needs no DNS; a reverse lookup does, unless of loopback
        "getaddrinfo": lambda host, *rest: _loopback(host) or _numeric(host),
        "gethostbyname": lambda host: _loopback(host) or _numeric(host),
        "gethostbyname_ex": lambda host: _loopback(host) or _numeric(host),
        "gethostbyaddr": lambda host: _loopback(host),
        "getnameinfo": lambda sockaddr, flags: _loopback(sockaddr[0]) or bool(flags & socket.NI_NUMERICHOST),
    }
    for _name, _allowed in _LOOKUPS.items():
        _guarded = _lookup_guard(getattr(_socket, _name), _allowed)
        setattr(_socket, _name, _guarded)
        if _name != "getaddrinfo":  # socket.getaddrinfo is Python that calls _socket.getaddrinfo
            setattr(socket, _name, _guarded)
