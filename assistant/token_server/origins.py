"""Where a request may come from: the networks allowed to ask, the Host names the server answers
to (a page that rebinds its own name to this server's address is refused), requests a web page
cannot send without asking first (a JSON body: no "simple" form or text POST), the origins CORS
lets in, and the proxies whose X-Forwarded-For is believed."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1", "[::1]")


def networks(specs: list[str]) -> list[Network]:
    """`10.0.0.0/8`, `192.168.1.5`, `::1`... ValueError names a bad one."""
    found: list[Network] = []
    for spec in specs:
        try:
            found.append(ipaddress.ip_network(spec.strip(), strict=False))
        except ValueError:
            raise ValueError(f"not an address or network: {spec!r}") from None
    return found


def is_loopback(host: str) -> bool:
    if host.strip("[]") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass
class Origins:
    allowed: list[Network] = field(default_factory=list)    # empty: every address
    hosts: tuple[str, ...] = LOOPBACK_NAMES                 # Host header names answered
    cors: tuple[str, ...] = ()                              # web origins let in
    proxies: list[Network] = field(default_factory=list)    # whose X-Forwarded-For counts

    def client(self, remote: str | None, forwarded: str | None) -> str:
        """The caller's address: the peer, or behind trusted proxies, the nearest address in
        X-Forwarded-For that is not one of them (a client can prepend anything it likes)."""
        address = remote or "?"
        if not forwarded or not self._in(address, self.proxies):
            return address
        for hop in reversed([part.strip() for part in forwarded.split(",")]):
            if not self._in(hop, self.proxies):
                return hop if _address(hop) else address
        return address

    def refusal(self, client: str, host: str | None, origin: str | None,
                content_type: str) -> tuple[int, str] | None:
        """(status, why) for a request that must not be answered, else None."""
        if self.allowed and not self._in(client, self.allowed):
            return 403, "This address may not ask for client secrets."
        if _host_name(host) not in {name.lower() for name in self.hosts}:
            return 421, "This server does not answer to that host name."
        if origin is not None and origin not in self.cors:
            return 403, "Requests from this web origin are not allowed."
        if content_type != "application/json":
            return 415, "Send the request as application/json."
        return None

    def cors_headers(self, origin: str | None) -> dict[str, str]:
        if origin is None or origin not in self.cors:
            return {}
        return {"Access-Control-Allow-Origin": origin, "Vary": "Origin",
                "Access-Control-Allow-Methods": "POST",
                "Access-Control-Allow-Headers": "Authorization, Content-Type",
                "Access-Control-Max-Age": "600"}

    @staticmethod
    def _in(address: str, nets: list[Network]) -> bool:
        ip = _address(address)
        return ip is not None and any(ip in net for net in nets)


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def _host_name(host: str | None) -> str:
    """`Host: example.org:8443` -> example.org; `[::1]:8787` -> [::1]."""
    host = (host or "").strip().lower()
    if host.startswith("["):
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
