"""Names vulture cannot see being used (read by ``scripts/test.sh``: vulture --min-confidence 60).

A name goes here only with its reason; anything else vulture reports is dead and is removed.
"""

# ruff: noqa
# fmt: off

# --- called by a framework: Qt overrides, SQLAlchemy type hooks and event listeners, pyHanko and
# fontTools settings/overrides, the receipt renderer's "_block_<kind>" dispatch -------------------------
impl  # unused variable (officer_desk/models/base.py:25)
cache_ok  # unused variable (officer_desk/models/base.py:26)
_.process_bind_param  # unused method (officer_desk/models/base.py:28)
_.process_result_value  # unused method (officer_desk/models/base.py:35)
impl  # unused variable (officer_desk/models/base.py:46)
cache_ok  # unused variable (officer_desk/models/base.py:47)
_.load_dialect_impl  # unused method (officer_desk/models/base.py:49)
metadata  # unused variable (officer_desk/models/base.py:56)
_on_connect  # unused function (officer_desk/models/session.py:107)
_checked_in  # pool event listener (officer_desk/models/liveness.py)
_checked_out  # pool event listener (officer_desk/models/liveness.py)
_.isolation_level  # unused attribute (officer_desk/models/session.py:110)
_on_begin  # unused function (officer_desk/models/session.py:128)
_.validatePage  # unused method (officer_desk/ui/setup_wizard.py: QWizardPage override)
_._block_header  # unused method (officer_desk/receipts/render.py:243)
_._block_title  # unused method (officer_desk/receipts/render.py:299)
_._block_text  # unused method (officer_desk/receipts/render.py:311)
_._block_spacer  # unused method (officer_desk/receipts/render.py:320)
_._block_list  # unused method (officer_desk/receipts/render.py:323)
_._block_table  # unused method (officer_desk/receipts/render.py:348)
_.layout_features  # unused attribute (officer_desk/signing/fonts.py:96)
_.drop_tables  # unused attribute (officer_desk/signing/fonts.py:97)
_.name_IDs  # unused attribute (officer_desk/signing/fonts.py:98)
_.notdef_outline  # unused attribute (officer_desk/signing/fonts.py:99)
_.hinting  # unused attribute (officer_desk/signing/fonts.py:100)
_.recalc_bounds  # unused attribute (officer_desk/signing/fonts.py:101)
_.create_font_engine  # unused method (officer_desk/signing/fonts.py:295)
text_params  # unused variable (officer_desk/signing/stamp.py:203)
_.lessThan  # unused method (officer_desk/ui/intake.py:121)
_.filterAcceptsRow  # unused method (officer_desk/ui/intake.py:124)
_.headerData  # unused method (officer_desk/ui/queue_model.py:361)
_.paintEvent  # unused method (officer_desk/ui/ocr_view.py:105)

_.expandingDirections  # unused method (officer_desk/ui/flow_layout.py:34)
_.hasHeightForWidth  # unused method (officer_desk/ui/flow_layout.py:37)
_.heightForWidth  # unused method (officer_desk/ui/flow_layout.py:40)

# --- persisted or serialised fields: ORM columns, dataclass fields written to JSON or the database ----
assigned_at  # unused variable (officer_desk/models/tables.py:58)
raw_json  # unused variable (officer_desk/models/tables.py:63)
origin_desk  # unused variable (officer_desk/models/tables.py:68)
decided_by_officer  # unused variable (officer_desk/models/tables.py:165)
officer_id  # unused variable (officer_desk/models/tables.py:176)
created_by  # unused variable (officer_desk/models/tables.py:212)
pending_upgrade  # unused variable (officer_desk/models/tables.py:217)
attempts  # unused variable (officer_desk/models/tables.py:231)
last_error  # unused variable (officer_desk/models/tables.py:232)
checked_at  # unused variable (officer_desk/signing/trust.py:457)
signer_sha256  # unused variable (officer_desk/signing/verify.py:113)
certificate_not_after  # unused variable (officer_desk/signing/verify.py:114)
_.attempts  # unused attribute (officer_desk/sync.py:103)
saved_to  # unused variable (officer_desk/ui/printing.py:52)
started_at  # unused variable (officer_desk/models/tables.py: CaseWorkSpan, handling-time spans kept for audit)
ended_at  # unused variable (officer_desk/models/tables.py: CaseWorkSpan)

# --- documented public API (docs/receipt-qr.md) ---------------------------------------------------------
render_document  # unused function (officer_desk/receipts/render.py:591)

# --- pytest hooks, autouse fixtures and fixture arguments; http.server / HTMLParser callbacks ----------
pytest_plugins  # unused variable (tests/conftest.py:16)
stranger_root  # unused variable (tests/helpers/signing.py:59)
hits  # unused variable (tests/helpers/signing.py:238)
_.do_POST  # unused method (tests/helpers/signing.py:240)
_.hits  # unused attribute (tests/helpers/signing.py:245)
_.log_message  # unused method (tests/helpers/signing.py:252)
pytestmark  # unused variable (tests/integration/test_printing_cups.py:25)
qapp  # unused variable (tests/integration/test_printing_cups.py:36)
qapp  # unused variable (tests/integration/test_printing_cups.py:162)
qapp  # unused variable (tests/integration/test_printing_cups.py:173)
pytest_collection_modifyitems  # unused function (tests/ui/conftest.py:35)
pytest_sessionfinish  # unused function (tests/ui/conftest.py:68)
_qt_warnings_fail  # unused function (tests/ui/conftest.py:77)
_no_real_printing  # unused function (tests/ui/conftest.py:96)
qapp  # unused variable (tests/ui/conftest.py:153)
qapp  # unused variable (tests/ui/test_settings_and_language.py:23)
_cleanup_files  # unused function (tests/unit/test_receipts_issue.py:212)
_.handle_starttag  # unused method (tests/unit/test_receipts_render.py:146)
_.handle_data  # unused method (tests/unit/test_receipts_render.py:153)

# --- catalogue model: procedure data read from YAML and shown/exported as a whole ---------------------------
form_code  # catalogue/model.py
field_en
agency_vi
fee_note
legal_basis
code_confidence
code_note
extension_note
email  # dossier.py: applicant data

# --- TRANSITIONAL, to delete in the owning modules (left alone here: other issue-13 work owns them) ---------
receipt_issued  # cases/views.py: a field nothing reads
AcceptOutcome  # ui/services.py: an alias nothing imports

# --- read by the import system: the bare `holidays.countries` package that lets Vietnam's module load alone
# (officer_desk/workdays.py) ------------------------------------------------------------------------------
_.__path__  # unused attribute (officer_desk/workdays.py)
_.__spec__  # unused attribute (officer_desk/workdays.py)

# --- issue 9: accounts, audit chain, backup ----------------------------------------------------------
_remember_order  # SQLAlchemy "init" event listener (officer_desk/audit_chain.py)
flush_context  # before_flush listener signature (officer_desk/audit_chain.py)
instances  # before_flush listener signature (officer_desk/audit_chain.py)
_.writable  # io.RawIOBase override (officer_desk/backup.py)
_.readable  # io.RawIOBase override (officer_desk/backup.py)
_.readinto  # io.RawIOBase override (officer_desk/backup.py)
password_changed_at  # account column: when the password was last set, for administrators and audits
last_sign_in_at  # account column: when the account last signed in, for administrators and audits

# --- issue 12: sync tables' columns, kept for administrators and audits (who trusted, when, who resolved)
trusted_at  # sync_trusted_identities column
trusted_by  # sync_trusted_identities column
synced_at  # sync_bases column: when both sides last agreed
resolved_by  # sync_conflicts column: the supervisor who decided
resolution  # sync_conflicts column: mine | theirs | merge | renumber
applied_at  # sync_applied_bundles column
registered_at  # sync_desks column
routed_at  # sync_routes column

# --- issue 15: SQLAlchemy's SQLite compiler hook for INDEXED BY (officer_desk/models/session.py) --------
_.get_from_hint_text  # SQLCompiler override: SQLAlchemy calls it to render a table hint
_.statement_compiler  # dialect attribute SQLAlchemy reads to pick the compiler class

# --- issue 17: reportlab font-subset cache (officer_desk/receipts/fonts.py): reportlab calls the method
# and writes these PDF dictionary entries by attribute name
_.addObjects
_.frozen
_.__Comment__
_.BaseFont
_.FirstChar
_.LastChar
_.Widths
_.ToUnicode
_.FontDescriptor

# --- issue 17, session 6: names read where vulture does not look
SQL_IS_LOWER_HEX  # officer_desk/models/hex_digest.py: used by migration 0024 (migrations are excluded above)
_dossier_json_setter  # Case.dossier_json's setter: hybrid_property.inplace.setter registers it (tables.py)
_dossier_json_expression  # Case.dossier_json in SQL: hybrid_property.inplace.expression registers it

# --- issue 17, session 7
declare_sqlite_nullable  # officer_desk/models/sqlite_declaration.py: used by migration 0028 (migrations excluded)
