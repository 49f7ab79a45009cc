"""The trust store's subject keys cached in the home (issue 17: ``sign``/``verify`` as processes): the cache
spares parsing every certificate, and a stale, altered or broken cache never changes what is trusted."""

from __future__ import annotations

import json

from officer_desk.paths import Home
from officer_desk.signing import certs
from officer_desk.signing.demo_ca import create_demo_ca
from officer_desk.signing.trust import SUBJECT_CACHE, TrustStore


def _chain_above_intermediate(home: Home) -> tuple[list[str], list[str]]:
    material = create_demo_ca(home)
    intermediate = certs.to_asn1(certs.load_certificates(material.intermediate_pem)[0])
    store = TrustStore.load(home)
    anchors, others = store.relevant_certificates([intermediate], sha1_family=False)
    return [certs.sha256_hex(c) for c in anchors], [certs.sha256_hex(c) for c in others]


def test_subject_keys_are_cached_and_give_the_same_chain(isolated_home: Home) -> None:
    material = create_demo_ca(isolated_home)
    root = certs.sha256_hex(certs.load_certificates(material.root_pem)[0])
    first = _chain_above_intermediate(isolated_home)
    assert first[0] == [root]
    cache = isolated_home.root / "cache" / SUBJECT_CACHE
    stored = json.loads(cache.read_text(encoding="utf-8"))
    assert root in stored and len(stored) == len(TrustStore.load(isolated_home).anchors) + len(
        TrustStore.load(isolated_home).intermediates + TrustStore.load(isolated_home).legacy)
    assert _chain_above_intermediate(isolated_home) == first  # from the cache


def test_an_altered_or_broken_cache_never_adds_a_certificate(isolated_home: Home) -> None:
    expected = _chain_above_intermediate(isolated_home)
    cache = isolated_home.root / "cache" / SUBJECT_CACHE
    stored = json.loads(cache.read_text(encoding="utf-8"))
    root_key = stored[expected[0][0]]
    cache.write_text(json.dumps(dict.fromkeys(stored, root_key)), encoding="utf-8")  # every cert "is" the root
    assert _chain_above_intermediate(isolated_home) == expected
    assert json.loads(cache.read_text(encoding="utf-8")) == stored  # rebuilt from the certificates
    cache.write_text("{not json", encoding="utf-8")
    assert _chain_above_intermediate(isolated_home) == expected
    assert json.loads(cache.read_text(encoding="utf-8"))  # rewritten whole
