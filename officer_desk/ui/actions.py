"""Every action of the main window, declared once: text, keys, tip, when it is enabled, where it shows.

The window, its menus, the case panel's buttons and the tests read this registry (the pattern of
Picard's ``ui/mainwindow/actions.py``): adding an action is one declaration here and one handler in a
controller. Texts stay in the "MainWindow" translation context, where the catalogues keep them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar

from officer_desk.accounts.roles import Permission
from officer_desk.cases import CaseDetail
from officer_desk.dossier import LOCAL_TZ
from officer_desk.lifecycle import CLOCK_RUNNING, CLOSED_STATUSES, Action
from officer_desk.ui import labels

CLOSED = {s.value for s in CLOSED_STATUSES}
RUNNING = {s.value for s in CLOCK_RUNNING}


class WindowAction(Enum):
    """The window's actions; the value is the QAction's object name (stable for tests and scripts)."""

    NEW_DOSSIER = "act_new"
    IMPORT_FOLDER = "act_import"
    RESCREEN_ALL = "act_rescreen_all"
    GENERATE_DEMO = "act_demo"
    SETTINGS = "act_settings"
    QUIT = "act_quit"
    ACCEPT = "act_accept"
    REQUEST_SUPPLEMENT = "act_supplement"
    SUPPLEMENT_RECEIVED = "act_supp_received"
    REFUSE = "act_refuse"
    WITHDRAW = "act_withdraw"
    REPRINT_RECEIPT = "act_reprint"
    APOLOGY = "act_apology"
    CONTROL_SHEET = "act_control_sheet"
    ASSIGN_TO_ME = "act_assign"
    ASSIGN_TO = "act_assign_to"
    UNASSIGN = "act_unassign"
    START_PROCESSING = "act_start"
    SUBMIT_FOR_SIGNATURE = "act_sign"
    MARK_RESULT_READY = "act_ready"
    RETURN_RESULT = "act_return"
    SEARCH = "act_search"
    FOCUS_QUEUE = "act_focus_queue"
    FOCUS_CASE = "act_focus_case"
    FOCUS_HINTS = "act_focus_hints"
    NEXT_TAB = "act_next_tab"
    PREVIOUS_TAB = "act_prev_tab"
    REFRESH = "act_refresh"
    ASSISTANT = "act_assistant"
    VERIFY_DOCUMENT = "act_verify"
    CONFIRM_CLOCK = "act_confirm_clock"
    SYNC_NOW = "act_sync"
    SYNC_PAGE = "act_sync_page"
    BUNDLE_EXPORT = "act_bundle_export"
    ABOUT = "act_about"
    SHOW_DASHBOARD = "act_dashboard"  # reports (issue 15)
    LOCK = "act_lock"
    SIGN_RESULT = "act_sign_result"
    BACKUP = "act_backup"
    SIGN_OUT = "act_sign_out"


def _everything(_permission: Permission) -> bool:
    return True


@dataclass(frozen=True)
class ActionState:
    """What the enabled-when predicates look at: the selected case, who is at the desk and what their
    role allows (issue 9), and whether a document is being signed."""

    detail: CaseDetail | None
    officer: str
    busy: bool = False
    allows: Callable[[Permission], bool] = _everything
    signed_in: bool = False

    @property
    def allowed(self) -> frozenset[str]:
        return frozenset(self.detail.allowed_actions) if self.detail else frozenset()

    @property
    def holder(self) -> str | None:
        return self.detail.row.assigned_officer if self.detail else None

    @property
    def open_case(self) -> bool:
        return self.detail is not None and self.detail.row.status not in CLOSED


Shortcut = str | QKeySequence.StandardKey | None
Predicate = Callable[[ActionState], bool]


@dataclass(frozen=True)
class ActionSpec:
    """One action's declaration; texts are functions so they are translated when the window is built."""

    key: WindowAction
    text: Callable[[], str]
    shortcut: Shortcut = None
    tip: Callable[[], str] | None = None
    enabled_when: Predicate | None = None  # None: always enabled
    lifecycle: Action | None = None  # the lifecycle action it performs, if any
    checkable: bool = False
    signs: bool = False  # issues a signed document: disabled while the signing worker is busy
    permission: Permission | None = None  # hidden when the signed-in role may not do it


def _allowed(action: Action) -> Predicate:
    return lambda state: action in state.allowed


def _lifecycle(key: WindowAction, action: Action, shortcut: str, tip: Callable[[], str] | None = None,
               signs: bool = False, permission: Permission = Permission.CASE_WORK) -> ActionSpec:
    return ActionSpec(key, lambda: labels.action_label(action), shortcut, tip, _allowed(action), action,
                      signs=signs, permission=permission)


def _can_take(state: ActionState) -> bool:
    # Taking a case from another officer is a supervisor's right (the service refuses it anyway).
    return state.open_case and state.holder != state.officer and (
        state.holder is None or state.allows(Permission.CASE_ASSIGN_ANY))


def _awaits_signature(state: ActionState) -> bool:
    return state.detail is not None and state.detail.row.status == "awaiting_signature"


def _signed_in(state: ActionState) -> bool:
    return state.signed_in


def _holds(state: ActionState) -> bool:
    return state.open_case and state.holder == state.officer


def _has_receipt(state: ActionState) -> bool:
    return state.detail is not None and state.detail.receipt_issued_at is not None


def _overdue(state: ActionState) -> bool:
    """The result is late: the apology with a new appointment (Mẫu 05) is due."""
    row = state.detail.row if state.detail else None
    return (row is not None and row.status in RUNNING and row.due_date is not None
            and row.due_date < datetime.now(LOCAL_TZ).date())


AFTER_ACCEPTANCE = {"accepted", "in_processing", "awaiting_signature", "result_ready", "returned"}


def _accepted(state: ActionState) -> bool:
    """The dossier was accepted: it has hand-overs for a control sheet."""
    return state.detail is not None and (state.detail.register_number is not None
                                         or state.detail.row.status in AFTER_ACCEPTANCE)


W = WindowAction
# Literal QCoreApplication.translate calls: lupdate reads them into the catalogues.
SPECS: tuple[ActionSpec, ...] = (
    ActionSpec(W.NEW_DOSSIER, lambda: QCoreApplication.translate("MainWindow", "&New dossier…"),
               QKeySequence.StandardKey.New,
               lambda: QCoreApplication.translate("MainWindow", "Receive a new dossier at the counter")),
    ActionSpec(W.IMPORT_FOLDER, lambda: QCoreApplication.translate("MainWindow", "&Import folder…"), "Ctrl+I",
               lambda: QCoreApplication.translate("MainWindow", "Import dossier files (JSON) from a folder")),
    ActionSpec(W.RESCREEN_ALL, lambda: QCoreApplication.translate("MainWindow", "Screen all open cases &again…"),
               None, lambda: QCoreApplication.translate("MainWindow", "Run the screening again on every open case")),
    ActionSpec(W.GENERATE_DEMO, lambda: QCoreApplication.translate("MainWindow", "Generate &demo data…"),
               permission=Permission.DESK_CONFIGURE),
    ActionSpec(W.SETTINGS, lambda: QCoreApplication.translate("MainWindow", "&Settings…"), "Ctrl+,"),
    ActionSpec(W.QUIT, lambda: QCoreApplication.translate("MainWindow", "&Quit"), QKeySequence.StandardKey.Quit),
    _lifecycle(W.ACCEPT, Action.ACCEPT, "F2",
               lambda: QCoreApplication.translate("MainWindow", "Accept the dossier and issue the receipt"),
               signs=True, permission=Permission.DOCUMENT_ISSUE),
    _lifecycle(W.REQUEST_SUPPLEMENT, Action.REQUEST_SUPPLEMENT, "F3",
               lambda: QCoreApplication.translate("MainWindow",
                                                  "Ask the applicant to bring missing or corrected items"),
               signs=True, permission=Permission.DOCUMENT_ISSUE),
    _lifecycle(W.SUPPLEMENT_RECEIVED, Action.SUPPLEMENT_RECEIVED, "Shift+F3"),
    _lifecycle(W.REFUSE, Action.REFUSE, "F4",
               lambda: QCoreApplication.translate("MainWindow", "Refuse the dossier (a reason is required)"),
               signs=True, permission=Permission.CASE_REFUSE),
    _lifecycle(W.WITHDRAW, Action.WITHDRAW, "Shift+F4",
               lambda: QCoreApplication.translate("MainWindow",
                                                  "The applicant withdraws the dossier (reason required)")),
    ActionSpec(W.REPRINT_RECEIPT, lambda: QCoreApplication.translate("MainWindow", "&Print receipt again"),
               QKeySequence.StandardKey.Print,
               lambda: QCoreApplication.translate("MainWindow", "Print the stored receipt again, or save it as PDF"),
               _has_receipt),
    ActionSpec(W.APOLOGY, lambda: QCoreApplication.translate("MainWindow", "Apology and new &appointment…"),
               "Ctrl+Shift+H",
               lambda: QCoreApplication.translate("MainWindow", "The result is late: a signed apology with the new "
                                                  "date; the due date changes with it"), _overdue),
    ActionSpec(W.CONTROL_SHEET, lambda: QCoreApplication.translate("MainWindow", "Processing &control sheet"),
               "Ctrl+Shift+K",
               lambda: QCoreApplication.translate("MainWindow", "Print the sheet that follows the dossier through "
                                                  "its hand-overs"), _accepted),
    ActionSpec(W.ASSIGN_TO_ME, lambda: QCoreApplication.translate("MainWindow", "Assign to &me"), "F6",
               lambda: QCoreApplication.translate("MainWindow", "Take this case (one officer at a time)"), _can_take),
    ActionSpec(W.ASSIGN_TO, lambda: QCoreApplication.translate("MainWindow", "Assign &to…"), "Ctrl+G",
               lambda: QCoreApplication.translate("MainWindow", "Give this case to another officer of the desk"),
               _can_take, permission=Permission.CASE_ASSIGN_ANY),
    ActionSpec(W.UNASSIGN, lambda: QCoreApplication.translate("MainWindow", "&Unassign"), "Shift+F6",
               lambda: QCoreApplication.translate("MainWindow", "Release this case"), _holds),
    _lifecycle(W.START_PROCESSING, Action.START_PROCESSING, "F7"),
    _lifecycle(W.SUBMIT_FOR_SIGNATURE, Action.SUBMIT_FOR_SIGNATURE, "F8",
               lambda: QCoreApplication.translate("MainWindow", "Attach the result document and submit it for "
                                                               "signature")),
    ActionSpec(W.SIGN_RESULT, lambda: QCoreApplication.translate("MainWindow", "Sign the &result…"), "Ctrl+F8",
               lambda: QCoreApplication.translate("MainWindow", "Preview the submitted result and sign it with "
                                                               "your certificate"),
               _awaits_signature, signs=True, permission=Permission.RESULT_SIGN),
    _lifecycle(W.MARK_RESULT_READY, Action.MARK_RESULT_READY, "F9"),
    _lifecycle(W.RETURN_RESULT, Action.RETURN_RESULT, "F12",
               lambda: QCoreApplication.translate("MainWindow", "Hand the result to the applicant"),
               signs=True, permission=Permission.DOCUMENT_ISSUE),
    ActionSpec(W.SEARCH, lambda: QCoreApplication.translate("MainWindow", "&Search"), QKeySequence.StandardKey.Find,
               lambda: QCoreApplication.translate(
                   "MainWindow", "Search by name, ID number, phone or dossier code; scan a code here")),
    ActionSpec(W.FOCUS_QUEUE, lambda: QCoreApplication.translate("MainWindow", "Go to &queue"), "Ctrl+1"),
    ActionSpec(W.FOCUS_CASE, lambda: QCoreApplication.translate("MainWindow", "Go to &case"), "Ctrl+2"),
    ActionSpec(W.FOCUS_HINTS, lambda: QCoreApplication.translate("MainWindow", "Go to &hints"), "Ctrl+3"),
    ActionSpec(W.NEXT_TAB, lambda: QCoreApplication.translate("MainWindow", "Next status tab"), "Ctrl+PgDown"),
    ActionSpec(W.PREVIOUS_TAB, lambda: QCoreApplication.translate("MainWindow", "Previous status tab"), "Ctrl+PgUp"),
    ActionSpec(W.REFRESH, lambda: QCoreApplication.translate("MainWindow", "&Refresh"), "F5"),
    ActionSpec(W.ASSISTANT, lambda: QCoreApplication.translate("MainWindow", "Procedure &assistant"), "Ctrl+Shift+A",
               lambda: QCoreApplication.translate(
                   "MainWindow", "Which procedure, which papers, which fee: answer a citizen's question"),
               checkable=True),
    ActionSpec(W.VERIFY_DOCUMENT, lambda: QCoreApplication.translate("MainWindow", "&Verify a signed document…"),
               "Ctrl+Shift+V",
               lambda: QCoreApplication.translate(
                   "MainWindow", "Check the signatures of a PDF or the QR code of a receipt")),
    ActionSpec(W.SYNC_NOW, lambda: QCoreApplication.translate("MainWindow", "S&ync now"), "Ctrl+Shift+Y",
               lambda: QCoreApplication.translate(
                   "MainWindow", "Send this desk's changes to the center and receive the center's")),
    ActionSpec(W.SYNC_PAGE, lambda: QCoreApplication.translate("MainWindow", "Sync &status and conflicts…"),
               "Ctrl+Shift+U"),
    ActionSpec(W.BUNDLE_EXPORT, lambda: QCoreApplication.translate("MainWindow", "Export a USB &bundle…"), None,
               lambda: QCoreApplication.translate(
                   "MainWindow", "Write this desk's changes to a file for the center when there is no link")),
    ActionSpec(W.CONFIRM_CLOCK, lambda: QCoreApplication.translate("MainWindow", "Confirm the PC &clock…")),
    ActionSpec(W.ABOUT, lambda: QCoreApplication.translate("MainWindow", "&About Officer Desk")),
    ActionSpec(W.SHOW_DASHBOARD, lambda: QCoreApplication.translate("MainWindow", "&Dashboard"), "Ctrl+Shift+D",
               lambda: QCoreApplication.translate(
                   "MainWindow", "The center's numbers: channels, results on time, processing time, backlog"),
               permission=Permission.REPORT_VIEW),
    ActionSpec(W.BACKUP, lambda: QCoreApplication.translate("MainWindow", "&Back up the desk…"), None,
               lambda: QCoreApplication.translate(
                   "MainWindow", "An encrypted copy of the whole desk (cases, files, accounts, audit log)"),
               permission=Permission.BACKUP),
    ActionSpec(W.LOCK, lambda: QCoreApplication.translate("MainWindow", "&Lock the desk"), "Ctrl+L",
               lambda: QCoreApplication.translate("MainWindow", "Hide the queue until your password is given again"),
               _signed_in),
    ActionSpec(W.SIGN_OUT, lambda: QCoreApplication.translate("MainWindow", "Sign &out"), None,
               lambda: QCoreApplication.translate("MainWindow", "End your session; the next officer signs in"),
               _signed_in),
)
REGISTRY: dict[WindowAction, ActionSpec] = {spec.key: spec for spec in SPECS}


@dataclass(frozen=True)
class MenuSpec:
    """A menu of the menu bar: its title and its actions in order (None: a separator)."""

    title: Callable[[], str]
    items: tuple[WindowAction | None, ...]


MENUS: tuple[MenuSpec, ...] = (
    MenuSpec(lambda: QCoreApplication.translate("MainWindow", "&File"),
             (W.NEW_DOSSIER, W.IMPORT_FOLDER, W.RESCREEN_ALL, W.GENERATE_DEMO, None, W.SETTINGS, W.BACKUP, None, W.LOCK,
              W.SIGN_OUT, W.QUIT)),
    MenuSpec(lambda: QCoreApplication.translate("MainWindow", "&Case"),
             (W.ACCEPT, W.REQUEST_SUPPLEMENT, W.SUPPLEMENT_RECEIVED, W.REFUSE, W.WITHDRAW, W.REPRINT_RECEIPT,
              W.APOLOGY, W.CONTROL_SHEET, None,
              W.ASSIGN_TO_ME, W.ASSIGN_TO, W.UNASSIGN, None,
              W.START_PROCESSING, W.SUBMIT_FOR_SIGNATURE, W.SIGN_RESULT, W.MARK_RESULT_READY, W.RETURN_RESULT)),
    MenuSpec(lambda: QCoreApplication.translate("MainWindow", "&View"),
             (W.SEARCH, W.FOCUS_QUEUE, W.FOCUS_CASE, W.FOCUS_HINTS, W.NEXT_TAB, W.PREVIOUS_TAB, W.REFRESH, None,
              W.ASSISTANT, W.SHOW_DASHBOARD)),
    MenuSpec(lambda: QCoreApplication.translate("MainWindow", "&Tools"),
             (W.VERIFY_DOCUMENT, None, W.SYNC_NOW, W.SYNC_PAGE, W.BUNDLE_EXPORT)),
    MenuSpec(lambda: QCoreApplication.translate("MainWindow", "&Help"), (W.CONFIRM_CLOCK, W.ABOUT)),
)

# The buttons under the selected case, in lifecycle order; only the legal ones show (case_view).
CASE_BUTTONS: tuple[WindowAction, ...] = (
    W.ACCEPT, W.REQUEST_SUPPLEMENT, W.SUPPLEMENT_RECEIVED, W.START_PROCESSING, W.SUBMIT_FOR_SIGNATURE,
    W.SIGN_RESULT, W.MARK_RESULT_READY, W.RETURN_RESULT, W.APOLOGY, W.REFUSE, W.WITHDRAW, W.REPRINT_RECEIPT,
    W.CONTROL_SHEET, W.ASSIGN_TO_ME, W.UNASSIGN,
)
# Always on screen, whatever is selected (the counter's main task).
COUNTER_BAR: tuple[WindowAction, ...] = (W.NEW_DOSSIER, W.ASSISTANT)


def key_text(action: QAction) -> str:
    return action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)


def create_action(spec: ActionSpec, parent: QObject) -> QAction:
    """The QAction of one declaration: text, keys (window-wide), tips that name the keys, checkable."""
    text = spec.text()
    action = QAction(text, parent)
    action.setObjectName(spec.key.value)
    action.setCheckable(spec.checkable)
    if spec.shortcut is not None:
        action.setShortcut(QKeySequence(spec.shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    keys = key_text(action)
    plain = text.replace("&", "").rstrip("…")
    tip = spec.tip() if spec.tip else plain
    action.setToolTip(f"{tip} ({keys})" if keys else tip)
    action.setStatusTip(tip)
    # Buttons show the key that does the same (menus show it beside the text already).
    action.setIconText(f"{plain} ({keys})" if keys else plain)
    return action


def create_actions(parent: QObject, handlers: Mapping[WindowAction, Callable[[], None]]) -> dict[WindowAction, QAction]:
    """Every registered action, connected to its handler; a missing handler is a programming error."""
    missing = [key.name for key in WindowAction if key not in handlers and not REGISTRY[key].checkable]
    if missing:
        raise KeyError(f"no handler for {', '.join(missing)}")
    actions: dict[WindowAction, QAction] = {}
    for key in WindowAction:
        action = create_action(REGISTRY[key], parent)
        handler = handlers.get(key)
        if handler is not None:
            action.triggered.connect(lambda _checked=False, run=handler: run())
        actions[key] = action
    return actions


def build_menus(bar: QMenuBar, actions: Mapping[WindowAction, QAction]) -> None:
    for spec in MENUS:
        menu = bar.addMenu(spec.title())
        for key in spec.items:
            if key is None:
                menu.addSeparator()
            else:
                menu.addAction(actions[key])


def update_enabled(actions: Mapping[WindowAction, QAction], state: ActionState) -> None:
    """Show each action the signed-in role may do; enable it by its declared predicate over the selected
    case, and not while a document is being signed when it signs one."""
    for key, action in actions.items():
        spec = REGISTRY[key]
        visible = spec.permission is None or state.allows(spec.permission)
        action.setVisible(visible)
        enabled = visible and (spec.enabled_when is None or spec.enabled_when(state))
        if spec.signs and state.busy:
            enabled = False
        action.setEnabled(enabled)
