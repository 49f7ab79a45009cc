"""A desk's sync identity at rest and who may trust another desk (SECURITY.md, threats 1 and 4)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from officer_desk.cli import main
from officer_desk.desk import open_desk
from officer_desk.paths import Home
from officer_desk.sync.engine import desk_identity
from officer_desk.sync.identity import IdentityError, load_identity, trusted_identities
from tests.helpers.office import Office

_RAW = serialization.Encoding.Raw


def test_identity_keys_are_encrypted_at_rest_and_useless_in_another_home(tmp_path: Path) -> None:
    desk = open_desk(Home(tmp_path / "a"))
    try:
        identity = desk_identity(desk)
        secret = (tmp_path / "a" / "identity.key").read_bytes()
    finally:
        desk.close()
    for key in (identity.signing.private_bytes(_RAW, serialization.PrivateFormat.Raw, serialization.NoEncryption()),
                identity.encryption.private_bytes(_RAW, serialization.PrivateFormat.Raw,
                                                  serialization.NoEncryption())):
        assert key not in secret and key.hex().encode() not in secret
    assert identity.desk_id.encode() not in secret
    other = open_desk(Home(tmp_path / "b"))  # another desk: another database key
    try:
        shutil.copy(tmp_path / "a" / "identity.key", tmp_path / "b" / "identity.key")
        with pytest.raises(IdentityError):
            load_identity(other.home, other.config)
    finally:
        other.close()


def test_only_an_administrator_trusts_another_desk(office: Office, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    stranger = open_desk(Home(tmp_path / "stranger"))
    try:
        public = desk_identity(stranger).public
    finally:
        stranger.close()
    card = tmp_path / "stranger.json"
    card.write_text(json.dumps(public.to_json()), encoding="utf-8")
    capsys.readouterr()
    assert main(["identity", "trust", str(card), "--json", *office.as_officer()]) == 1
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1])["error"]["code"] == "forbidden"
    assert main(["identity", "trust", str(card), "--json", *office.as_supervisor()]) == 1
    capsys.readouterr()
    desk = open_desk(office.home)
    try:
        assert trusted_identities(desk.db) == []
    finally:
        desk.close()
    assert main(["identity", "trust", str(card), "--json", *office.as_admin()]) == 0
    desk = open_desk(office.home)
    try:
        assert [t.desk_id for t in trusted_identities(desk.db)] == [public.desk_id]
    finally:
        desk.close()
