"""First set-up of a real office's desk (``officer-desk setup``; the window's first-run wizard).

Creates, in an empty home, the configuration (office, agency code, province, commune, desk number),
the database with the administrator's account, the trust anchors and the administrator's
certificate. Nothing is half-made: a refusal or an error removes what this set-up created.
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass, replace
from pathlib import Path

from officer_desk.accounts.certificates import P12Source, add_trust_anchors
from officer_desk.accounts.roles import Actor, ActorKind, Role
from officer_desk.accounts.service import HOME_KIND_KEY, AccountInfo, AccountService, HomeKind, NewAccount
from officer_desk.audit import audit
from officer_desk.config import DeskConfig, load_config, save_config
from officer_desk.errors import DeskError, InputError
from officer_desk.i18n import _
from officer_desk.models import Case, DeskSetting, Officer
from officer_desk.paths import Home
from officer_desk.signing.keystore import _decode_pkcs12
from officer_desk.text import fold


class AlreadySetUpError(DeskError):
    """The home is not empty (a database, configuration or keystore exists); nothing was changed."""

    code = "already_set_up"
    exit_code = 1


@dataclass(frozen=True)
class SetupRequest:
    office_name: str
    agency_code: str
    province: str
    commune: str
    desk_number: int
    admin_username: str
    admin_full_name: str
    admin_password: str
    trust: tuple[Path, ...] = ()
    certificate: P12Source | None = None
    database_url: str | None = None


@dataclass(frozen=True)
class SetupResult:
    home: Path
    config: DeskConfig
    administrator: AccountInfo


def home_is_empty(home: Home) -> bool:
    """cli-contract.md: empty = no database, ``config.toml`` or ``keystore/`` (``logs/`` allowed)."""
    return not (home.database.exists() or home.config_file.exists() or home.keystore.exists())


def _validated(request: SetupRequest) -> SetupRequest:
    from officer_desk.rules.provinces import province_of_place

    office = " ".join(request.office_name.split())
    if not office or len(office) > 200:
        raise InputError(_("Tên cơ quan cần từ 1 đến 200 ký tự"))
    agency = request.agency_code.strip()
    if not agency or len(agency) > 40 or any(ch.isspace() for ch in agency):
        raise InputError(_("Mã cơ quan {code} không hợp lệ (không có khoảng trắng, tối đa 40 ký tự)",
                           code=agency[:40]))
    province = province_of_place(request.province)
    if province is None:
        raise InputError(_("Không nhận ra tỉnh, thành phố {name} (danh sách sau sáp nhập 01/07/2025)",
                           name=request.province[:80]))
    commune = " ".join(request.commune.split())
    if not commune or len(commune) > 120:
        raise InputError(_("Tên xã, phường cần từ 1 đến 120 ký tự"))
    if not 1 <= request.desk_number <= 9:
        raise InputError(_("Số quầy phải từ 1 đến 9 (mã hồ sơ dùng số quầy × 1000 + số thứ tự)"))
    return replace(request, office_name=office, agency_code=agency, province=province, commune=commune)


def _check_certificate(home: Home, source: P12Source) -> None:
    """Check before anything is written to the database (validity, key usage, chain to the anchors)."""
    from officer_desk.signing.trust import TrustStore, check_certificate_for_signing

    try:
        data = Path(source.path).read_bytes()
    except OSError as exc:
        raise InputError(_("Không đọc được tệp khóa {path}", path=str(source.path))) from exc
    _key, cert, chain = _decode_pkcs12(data, source.password)
    check_certificate_for_signing(cert, chain, TrustStore.load(home))


def _commune_header(commune: str) -> str:
    lowered = fold(commune)
    prefix = "" if lowered.startswith(("xa ", "phuong ", "dac khu ", "thi tran ")) else "XÃ "
    return ("UBND " + prefix + commune).upper()


def set_up_desk(home: Home, request: SetupRequest) -> SetupResult:
    """Create a set-up desk in an empty home; refuses a home that is not empty (exit 1)."""
    from officer_desk.accounts.passwords import check_password_rules
    from officer_desk.accounts.service import check_full_name, check_username
    from officer_desk.database import open_database

    request = _validated(request)
    check_username(request.admin_username)
    check_full_name(request.admin_full_name)
    check_password_rules(request.admin_password)
    if not home_is_empty(home):
        raise AlreadySetUpError(_("Thư mục {home} không trống (đã có cơ sở dữ liệu, cấu hình hoặc kho khóa); "
                                  "không cài đặt lại", home=str(home.root)))
    # --trust anchors first, so a private CA's certificate can be checked.
    add_trust_anchors(home, request.trust)
    if request.certificate is not None:
        _check_certificate(home, request.certificate)
    key_existed = home.key_file.exists()
    db = None
    filled_shared = False  # only a shared database found empty here may be emptied again on failure
    try:
        db = open_database(home, request.database_url)
        with db.session() as session:
            if session.get(DeskSetting, HOME_KIND_KEY) is not None or session.query(Officer.id).filter(
                    Officer.password_hash.is_not(None)).first() or session.query(Case.id).first():
                raise AlreadySetUpError(_("Cơ sở dữ liệu đã có dữ liệu của một quầy; không cài đặt lại"))
            session.add(DeskSetting(key=HOME_KIND_KEY, value=str(HomeKind.SET_UP)))
        filled_shared = bool(request.database_url)
        admin_actor = Actor(request.admin_username, request.admin_full_name, Role.ADMINISTRATOR, ActorKind.ACCOUNT)
        accounts = AccountService(db, home, admin_actor, request.desk_number)
        admin = accounts.add(NewAccount(request.admin_username, request.admin_full_name, Role.ADMINISTRATOR,
                                        request.admin_password, request.certificate), bootstrap=True)
        config = replace(
            load_config(home) if home.config_file.exists() else DeskConfig(),
            agency_name=request.office_name, agency_id=request.agency_code, province=request.province,
            commune=request.commune, desk_number=request.desk_number, officer_name="",
            agency_header=(_commune_header(request.commune), request.office_name.upper()),
            database_url=request.database_url or "",
        )
        with db.session() as session:
            audit(session, request.admin_username, "desk.set_up", "desk", str(request.desk_number),
                  desk=request.desk_number, agency=request.agency_code)
        save_config(config, home)
        return SetupResult(home.root, config, admin)
    except BaseException:
        if db is not None:
            db.dispose()
            db = None
        _remove_created(home, key_existed, request.database_url if filled_shared else None)
        raise
    finally:
        if db is not None:
            db.dispose()


def _remove_created(home: Home, key_existed: bool, database_url: str | None) -> None:
    """Undo a failed set-up: the home was empty before, so everything of the desk goes."""
    for path in (home.database, home.database.with_name(home.database.name + "-wal"),
                 home.database.with_name(home.database.name + "-shm"), home.config_file):
        with contextlib.suppress(OSError):
            path.unlink()
    if not key_existed:
        with contextlib.suppress(OSError):
            home.key_file.unlink()
    shutil.rmtree(home.keystore, ignore_errors=True)
    if database_url:
        # A PostgreSQL database that this set-up filled: drop what it wrote (it was empty before).
        with contextlib.suppress(Exception):
            _empty_shared_database(database_url)


def _empty_shared_database(url: str) -> None:
    from sqlalchemy import create_engine

    from officer_desk.models import Base
    from officer_desk.paths import normalise_pg_url as _normalise_pg_url

    engine = create_engine(_normalise_pg_url(url))
    try:
        Base.metadata.drop_all(engine)
        with engine.begin() as connection:
            connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    finally:
        engine.dispose()
