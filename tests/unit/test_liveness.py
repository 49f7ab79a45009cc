"""A pooled connection's socket tells whether the server dropped it, without a round trip (models/liveness)."""

from __future__ import annotations

import socket

from officer_desk.models.liveness import peer_spoke


class _Connection:
    """What ``peer_spoke`` reads of a psycopg connection: ``closed`` and ``fileno()`` (here a real socket)."""

    def __init__(self, sock: socket.socket, closed: bool = False) -> None:
        self.sock, self.closed = sock, closed

    def fileno(self) -> int:
        return self.sock.fileno()


def test_a_quiet_socket_is_trusted_and_anything_else_is_not() -> None:
    mine, server = socket.socketpair()
    try:
        assert not peer_spoke(_Connection(mine))  # idle and healthy: no ping needed
        assert peer_spoke(_Connection(mine, closed=True))  # the driver already knows it is broken
        server.sendall(b"E")  # the server's farewell (or a notice) arrived while idle
        assert peer_spoke(_Connection(mine))
        mine.recv(1)
        assert not peer_spoke(_Connection(mine))
        server.close()  # the server went away: end of file is readable
        assert peer_spoke(_Connection(mine))
    finally:
        mine.close()
        server.close()
    assert peer_spoke(_Connection(mine))  # no socket left at all
