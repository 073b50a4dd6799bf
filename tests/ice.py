"""WebRTC needs an address that is not loopback: aioice never pairs on 127.0.0.1. A machine with
no network at all (a bare container) gets a private veth pair for the session, when the tests
run as root; anywhere else nothing is touched."""

from __future__ import annotations

import ipaddress
import os
import subprocess

import ifaddr

PAIR = ("va-ice-a", "va-ice-b")


def has_ice_address() -> bool:
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if isinstance(ip.ip, str) and not ipaddress.ip_address(ip.ip).is_loopback:
                return True
    return False


def ensure() -> bool:
    """True if a pair was made (remove it with `remove`)."""
    if has_ice_address() or os.geteuid() != 0:
        return False
    steps = [["ip", "link", "add", PAIR[0], "type", "veth", "peer", "name", PAIR[1]],
             ["ip", "addr", "add", "10.213.0.1/24", "dev", PAIR[0]],
             ["ip", "addr", "add", "10.213.0.2/24", "dev", PAIR[1]],
             ["ip", "link", "set", PAIR[0], "up"], ["ip", "link", "set", PAIR[1], "up"]]
    return all(subprocess.run(step, capture_output=True).returncode == 0 for step in steps)


def remove() -> None:
    subprocess.run(["ip", "link", "del", PAIR[0]], capture_output=True)
