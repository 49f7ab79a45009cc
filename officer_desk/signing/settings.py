"""Signing settings, read from the desk configuration (``config.toml``, see officer_desk.config).

Keys used here: ``timestamp_url`` (RFC 3161 server: B-T when reachable), ``pkcs11_module`` (the
PKCS#11 library of the officer's USB token) and ``default_certificate`` (id of the imported desk key).
"""

from __future__ import annotations

from dataclasses import dataclass

from officer_desk.paths import Home


@dataclass(frozen=True)
class SigningSettings:
    timestamp_url: str | None = None
    token_module: str | None = None
    default_certificate: str | None = None

    @classmethod
    def load(cls, home: Home | None = None) -> SigningSettings:
        from officer_desk.config import load_config

        config = load_config(home)
        return cls(
            timestamp_url=config.timestamp_url or None,
            token_module=config.pkcs11_module or None,
            default_certificate=config.default_certificate or None,
        )
