"""The officer's main window: wires the action registry, the panels and the controllers together.

Where things live: actions (text, keys, enabled-when) in ``ui/actions.py``; the queue with its status
tabs, filters and search in ``ui/panels/queue_panel.py``; the selected case and its hints in
``ui/panels/case_panel.py``; the status bar in ``ui/panels/status_bar.py``; what the actions do in
``ui/controllers/`` (case actions, documents, intake).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from officer_desk.desk import Desk
from officer_desk.i18n import current_language
from officer_desk.lifecycle import Action
from officer_desk.ui.actions import (
    CASE_BUTTONS,
    COUNTER_BAR,
    SPECS,
    ActionState,
    WindowAction,
    build_menus,
    create_actions,
    update_enabled,
)
from officer_desk.ui.assistant_panel import AssistantPanel
from officer_desk.ui.controllers.case_actions import CaseActionsController
from officer_desk.ui.controllers.documents import DocumentsController
from officer_desk.ui.controllers.intake import IntakeController
from officer_desk.ui.controllers.live_updates import LiveUpdates
from officer_desk.ui.controllers.results import ResultsController
from officer_desk.ui.controllers.signing import SigningController
from officer_desk.ui.controllers.sync_controller import SyncController
from officer_desk.ui.dialogs import show_error
from officer_desk.ui.icons import app_icon
from officer_desk.ui.lock import LockController
from officer_desk.ui.panels.alerts_panel import AlertsBar
from officer_desk.ui.panels.case_panel import CasePanel
from officer_desk.ui.panels.queue_panel import QueuePanel
from officer_desk.ui.panels.status_bar import DeskStatus
from officer_desk.ui.queue_model import CaseQueueModel
from officer_desk.ui.screen_fit import ScreenFitter, available_area, fit_window
from officer_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:  # the signing and OCR stacks load after the first queue page (issue 17)
    from officer_desk.accounts.service import DeskSession
    from officer_desk.cases import CaseDetail

log = logging.getLogger("officer_desk.ui")
SETTINGS_VERSION = 1
W = WindowAction


def _import_reports() -> None:
    """On a worker after the first queue page: the dashboard (QtCharts) and register stacks (reportlab)."""
    from officer_desk.ui import dashboard, register_view, work_timer  # noqa: F401


def _import_ocr_and_preview() -> None:
    """On a worker after the first queue page: the OCR stack (PIL, numpy) and the PDF preview (QtPdf)."""
    from officer_desk.ui import pdf_preview  # noqa: F401
    from officer_desk.ui.controllers import ocr  # noqa: F401


def window_settings(desk: Desk) -> QSettings:
    """Widget state only (geometry, splitters, columns), kept in the home folder."""
    return QSettings(str(desk.home.root / "window.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    """The queue, the selected case and its hints; every action reachable from the keyboard."""

    case_shown = Signal(object)  # CaseDetail | None
    action_done = Signal(str, str)  # dossier code, action
    language_change_requested = Signal(str)
    startup_ready = Signal()  # the deferred start-up work is done (after the first queue page, issue 17)
    sign_out_requested = Signal()  # the officer signed out: the application asks the next one to sign in

    def __init__(self, desk: Desk, runner: TaskRunner | None = None, settings: QSettings | None = None,
                 parent: QWidget | None = None, session: DeskSession | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.desk_session = session  # the signed-in account on a set-up home (issue 9), else None
        self.runner = runner or TaskRunner(self)
        self.runner.task_failed.connect(self.show_error)
        self.settings = settings or window_settings(desk)
        self._procedure_names: dict[str, str] = {}
        self._counts_started = False
        self._after_first_page_done = False
        self._dashboard_wanted = False
        self._first_case: int | None = None
        self.active_dialog: QWidget | None = None
        self.setObjectName("main_window")
        app = QApplication.instance()
        if app is not None and not hasattr(app, "_officer_desk_fitter"):
            app._officer_desk_fitter = ScreenFitter(app)  # type: ignore[attr-defined]  # one per application
            app.installEventFilter(app._officer_desk_fitter)  # type: ignore[attr-defined]
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("Officer Desk — {agency}, desk {desk}").format(
            agency=desk.config.agency_name, desk=desk.config.desk_number))

        self.model = CaseQueueModel(
            desk.cases, self.runner, self.procedure_name,
            lambda today: desk.calendar.add_working_days(today, 1), self,
        )
        self.documents = DocumentsController(self)
        self.signing = SigningController(self)
        self.documents.signing = self.signing
        self.signing.busy_changed.connect(lambda _busy: self.update_actions())
        self.case_controller = CaseActionsController(self, self.documents, self.signing)
        self.intake = IntakeController(self)
        self.results = ResultsController(self, self.signing)
        self.lock = LockController(self)
        self.sync = SyncController(self)
        self.live = LiveUpdates(self)
        self.actions_by_key = create_actions(self, self._handlers())
        for action in self.actions_by_key.values():
            self.addAction(action)
        self._build_panels()
        self._build_assistant()
        build_menus(self.menuBar(), self.actions_by_key)
        self._busy = 0
        self._busy_timer = QTimer(self)
        self._busy_timer.setSingleShot(True)
        self._busy_timer.setInterval(200)
        self._busy_timer.timeout.connect(self._show_busy)
        self.busy_indicator = QProgressBar()
        self.busy_indicator.setObjectName("busy_indicator")
        self.busy_indicator.setRange(0, 0)  # an operation whose length is not known: a moving bar
        self.busy_indicator.setMaximumWidth(140)
        self.busy_indicator.setFormat(self.tr("Working…"))
        self.busy_indicator.hide()
        self.statusBar().addPermanentWidget(self.busy_indicator)
        self.status = DeskStatus(desk, self.runner, self.statusBar(), self, self.run, self._set_dialog)
        self.signing.install()
        self.lock.install()
        self._connect()
        self.restore_state()
        self.update_actions()
        self.queue.apply_filter()  # the first page first; counts, status and reports follow once it is shown
        self.sync.start()
        self.live.start()

    def _install_reports(self) -> None:
        """Reports (issue 15): the dashboard tab and the handling-time recorder (ui/dashboard.py).

        Installed once its modules (QtCharts, the reports and register stacks) are imported on a worker
        after the first queue page (issue 17)."""
        from officer_desk.ui.dashboard import install_dashboard
        from officer_desk.ui.work_timer import CaseWorkTimer

        self.dashboard, self.dashboard_tabs = install_dashboard(self, self.desk, self.runner)
        self.dashboard.register_panel.control_sheet_requested.connect(self.documents.control_sheet_for)
        self.work_timer = CaseWorkTimer(self.desk, self.runner, self)
        self.case_shown.connect(self.work_timer.case_shown)
        if self.detail is not None:  # a case the officer opened before the reports were installed
            self.work_timer.case_shown(self.detail)
        if self._dashboard_wanted:
            self.show_dashboard()

    # ------------------------------------------------------------------ construction

    def _handlers(self) -> dict[WindowAction, Callable[[], None]]:
        cases, documents, intake = self.case_controller, self.documents, self.intake
        return {
            W.NEW_DOSSIER: lambda: intake.new_dossier(),
            W.IMPORT_FOLDER: lambda: intake.import_folder(),
            W.RESCREEN_ALL: intake.rescreen_all,
            W.GENERATE_DEMO: lambda: intake.generate_demo(),
            W.SETTINGS: self.open_settings,
            W.QUIT: self.quit,
            W.ACCEPT: cases.accept_case,
            W.REQUEST_SUPPLEMENT: cases.request_supplement,
            W.SUPPLEMENT_RECEIVED: lambda: cases.transition(Action.SUPPLEMENT_RECEIVED),
            W.REFUSE: cases.refuse_case,
            W.WITHDRAW: cases.withdraw_case,
            W.REPRINT_RECEIPT: documents.reprint_receipt,
            W.APOLOGY: documents.apologise,
            W.CONTROL_SHEET: documents.control_sheet,
            W.ASSIGN_TO_ME: cases.assign_to_me,
            W.ASSIGN_TO: cases.assign_to,
            W.UNASSIGN: cases.unassign,
            W.START_PROCESSING: lambda: cases.transition(Action.START_PROCESSING),
            W.SUBMIT_FOR_SIGNATURE: lambda: self.results.submit_result(),
            W.SIGN_RESULT: self.results.sign_result,
            W.MARK_RESULT_READY: lambda: cases.transition(Action.MARK_RESULT_READY),
            W.RETURN_RESULT: cases.return_result,
            W.SEARCH: self.focus_search,
            W.FOCUS_QUEUE: self.focus_queue,
            W.FOCUS_CASE: self.focus_case,
            W.FOCUS_HINTS: self.focus_hints,
            W.NEXT_TAB: lambda: self.queue.step_tab(1),
            W.PREVIOUS_TAB: lambda: self.queue.step_tab(-1),
            W.REFRESH: self.refresh,
            W.VERIFY_DOCUMENT: lambda: documents.verify_document(),
            W.CONFIRM_CLOCK: lambda: self.status.confirm_clock(),
            W.SYNC_NOW: lambda: self.sync.sync_now(),
            W.SYNC_PAGE: lambda: self.sync.open_page(),
            W.BUNDLE_EXPORT: lambda: self.sync.export_bundle(),
            W.ABOUT: self.about,
            W.SHOW_DASHBOARD: lambda: self.show_dashboard(),  # reports (issue 15)
            W.LOCK: self.lock.lock,
            W.BACKUP: lambda: self.back_up(),
            W.SIGN_OUT: self.lock.sign_out,
        }

    def action(self, key: WindowAction) -> QAction:
        return self.actions_by_key[key]

    def _build_panels(self) -> None:
        self.queue = QueuePanel(self.desk, self.runner, self.model, self.action(W.SEARCH).toolTip())
        self.counter_bar = QToolBar(self.tr("Counter"))
        self.counter_bar.setObjectName("counter_bar")
        self.counter_bar.setMovable(False)
        self.counter_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for key in COUNTER_BAR:
            self.counter_bar.addAction(self.action(key))
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.counter_bar)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.queue.filter_bar)
        self.alerts = AlertsBar()
        self.alerts.show_overdue.connect(self.queue.show_overdue)
        self.alerts.show_due_today.connect(self.queue.show_due_today)
        self.queue.counts_loaded.connect(self.alerts.set_counts)
        self.case_panel = CasePanel(self.desk, self.runner, [self.action(key) for key in CASE_BUTTONS],
                                    self.show_error)
        self.main_split = QSplitter(Qt.Orientation.Vertical)
        self.main_split.setObjectName("main_split")
        self.main_split.addWidget(self.queue)
        self.main_split.addWidget(self.case_panel)
        self.main_split.setStretchFactor(0, 1)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setSizes([360, 440])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        layout.addWidget(self.alerts)
        layout.addWidget(self.queue.header_row)
        layout.addWidget(self.main_split, 1)
        self.setCentralWidget(central)
        # Names the tests, scripts and benchmarks reach the widgets by.
        self.table, self.tab_bar, self.search_edit = self.queue.table, self.queue.tab_bar, self.queue.search_edit
        self.detail_split = self.case_panel
        self.case_view, self.hints_panel = self.case_panel.case_view, self.case_panel.hints_panel
        self.case_actions: dict[Action, QAction] = {
            spec.lifecycle: self.action(spec.key) for spec in SPECS if spec.lifecycle is not None}
        self.assign_action = self.action(W.ASSIGN_TO_ME)
        self.assign_to_action = self.action(W.ASSIGN_TO)
        self.unassign_action = self.action(W.UNASSIGN)
        self.verify_action = self.action(W.VERIFY_DOCUMENT)

    def _build_assistant(self) -> None:
        self.assistant = AssistantPanel(self.desk, self.runner, self)
        self.assistant.intake_requested.connect(self.intake.new_dossier)
        self.assistant.checklist_requested.connect(self.documents.print_checklist)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.assistant)
        self.assistant.hide()
        # The registry's checkable action stands in for the dock's own toggle action, both ways.
        toggle = self.assistant_action = self.action(W.ASSISTANT)
        toggle.toggled.connect(self._show_assistant)
        self.assistant.visibilityChanged.connect(
            lambda _visible: toggle.setChecked(not self.assistant.isHidden()))

    def _show_assistant(self, shown: bool) -> None:
        if shown:
            # The dock takes its room from the window, never widens it off a small screen.
            area = available_area(self)
            body, central = self.assistant.widget(), self.centralWidget()
            if area is not None and body is not None and central is not None:
                room = area.width() - central.minimumSizeHint().width() - 40
                if room < 280:
                    # No room beside the queue on this screen: the assistant floats over the window's
                    # right edge instead of pushing the window off-screen.
                    self.assistant.setFloating(True)
                    self.assistant.setGeometry(area.right() - 380, area.top() + 80, 360, area.height() - 160)
                else:
                    body.setMinimumWidth(min(360, room))
        if shown == self.assistant.isHidden():
            self.assistant.setVisible(shown)
        if shown:
            self.assistant.focus_question()
            fit_window(self)

    def _connect(self) -> None:
        self.model.loaded.connect(self._queue_loaded)
        self.model.load_failed.connect(self.show_error)
        self.queue.current_case_changed.connect(self._current_case_changed)
        self.queue.queue_emptied.connect(lambda: self.show_detail(None))
        self.queue.case_activated.connect(self.focus_case)
        self.queue.message.connect(self.statusBar().showMessage)
        self.case_panel.case_shown.connect(self._case_shown)
        hints, cases = self.hints_panel, self.case_controller
        hints.confirm_requested.connect(cases.confirm_hint)
        hints.override_requested.connect(cases.override_hint)
        hints.reopen_requested.connect(lambda fid: cases.decide_hint(fid, "open"))
        hints.rescreen_requested.connect(cases.rescreen)
        self.case_view.documents_panel.open_requested.connect(self.documents.open_issued)
        self.intake.case_created.connect(self._case_created)

    def _connect_ocr(self) -> None:
        """OCR hook (issue 14): review a document's values, attach dropped photos and scans (ui/controllers/ocr.py).

        Connected once the OCR stack (PIL, numpy) is imported on a worker after the first queue page."""
        from officer_desk.ocr.sane_capture import sane_available
        from officer_desk.ui.controllers.ocr import OcrController

        def current() -> tuple[str, str] | None:
            return (self.detail.row.dossier_code, self.detail.row.channel) if self.detail is not None else None

        self.ocr = OcrController(self.desk, self.runner, self, current, self.show_error)
        self.case_view.ocr_review_requested.connect(self.ocr.review)
        self.case_view.files_dropped.connect(self.ocr.attach_files)
        self.case_view.scan_requested.connect(self.ocr.scan_from_scanner)
        self.case_view.scan_button.setVisible(sane_available())  # SANE: Linux; WIA/TWAIN not built
        self.ocr.case_changed.connect(lambda _code: self.after_change(""))
        self.ocr.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    # ------------------------------------------------------------------ state

    def restore_state(self) -> None:
        s = self.settings
        if str(s.value("version", 0) or 0) != str(SETTINGS_VERSION):
            # 1440×900 where the screen has room; on a 1366×768 laptop, its available area (taskbar off).
            fit_window(self, QSize(1440, 900))
            area = available_area(self)
            if area is not None:
                self.move(area.topLeft())
            return
        for key, restore in (("geometry", self.restoreGeometry), ("state", self.restoreState),
                             ("main_split", self.main_split.restoreState),
                             ("detail_split", self.detail_split.restoreState),
                             ("documents_split", self.case_view.documents_split.restoreState),
                             ("queue_header", self.table.horizontalHeader().restoreState)):
            value = s.value(key)
            if isinstance(value, QByteArray) and not value.isEmpty():
                restore(value)
        fit_window(self)  # a geometry saved on a bigger monitor comes back on this screen

    def save_state(self) -> None:
        s = self.settings
        s.setValue("version", SETTINGS_VERSION)
        s.setValue("geometry", self.saveGeometry())
        s.setValue("state", self.saveState())
        s.setValue("main_split", self.main_split.saveState())
        s.setValue("detail_split", self.detail_split.saveState())
        s.setValue("documents_split", self.case_view.documents_split.saveState())
        s.setValue("queue_header", self.table.horizontalHeader().saveState())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if self.reports_installed:
            self.work_timer.stop(wait=True)  # reports (issue 15): the open case's last span
        self.save_state()
        self.status.stop()
        self.sync.stop()
        self.live.stop()
        self.queue.stop()
        self.intake.cancel_long_task()
        self.signing.pins.cancel_all()  # a worker waiting for a PIN gets "cancel": nothing is signed
        self.runner.wait_for_done(10_000)
        self.signing.session.close()
        super().closeEvent(event)

    # ------------------------------------------------------------------ queue and selected case

    @property
    def detail(self) -> CaseDetail | None:
        return self.case_panel.detail

    def procedure_name(self, code: str) -> str:
        name = self._procedure_names.get(code)
        if name is None:
            procedure = self.desk.catalogue.find(code)
            name = procedure.name(current_language()) if procedure else code
            self._procedure_names[code] = name
        return name

    def _queue_loaded(self, total: int) -> None:
        first = not self._counts_started
        if first:
            self._counts_started = True
            self.queue.refresh_counts()
            self.status.refresh()
        self.queue.show_loaded(total)
        if first:
            # After this page is painted (a zero timer runs once the paint events are handled).
            QTimer.singleShot(0, self, self.after_first_page)  # dropped if the window is gone by then

    def after_first_page(self) -> None:
        """Start-up work the first queue page does not wait for (issue 17), on workers once it is painted:
        the receipts, screening and signing stacks (reportlab, segno, pyHanko) are imported and the signing
        session warmed on the signing lane, so an early F2 simply queues behind them (the window's busy
        state); the OCR stack (PIL, numpy) is imported on the long lane, then its hooks are connected."""
        if self._after_first_page_done:
            return
        self._after_first_page_done = True
        from officer_desk.ui import services

        if self._first_case is not None:
            self.case_panel.load(self._first_case)
        self.runner.submit(services.warm_up, None, self.show_error, owner=self, lane="signing")
        self.signing.prepare()
        self.runner.submit(_import_reports, lambda _none: self._install_reports(), self.show_error,
                           owner=self, lane="long")
        self.runner.submit(_import_ocr_and_preview, lambda _none: self._startup_ready(), self.show_error,
                           owner=self, lane="long")

    def _startup_ready(self) -> None:
        self._connect_ocr()
        self.startup_ready.emit()

    @property
    def reports_installed(self) -> bool:
        return hasattr(self, "work_timer")

    @property
    def started(self) -> bool:
        """The deferred start-up work is done: the reports tabs and the OCR hooks are installed."""
        return self.reports_installed and hasattr(self, "ocr")

    def _current_case_changed(self, case_id: int | None) -> None:
        if case_id is None:
            self.case_panel.detail = None  # its page is loading
            self._first_case = None
            return
        if self.detail is not None and self.detail.row.id == case_id:
            return
        if not self._after_first_page_done:
            # The first case's detail and documents (seconds of imports at load) wait for the first page.
            self._first_case = case_id
            return
        self.case_panel.load(case_id)

    def show_detail(self, detail: CaseDetail | None) -> None:
        self.case_panel.show_detail(detail)

    def _case_shown(self, detail: CaseDetail | None) -> None:
        self.update_actions()
        self.case_shown.emit(detail)

    def reload_documents(self) -> None:
        self.case_panel.load_documents()

    def update_actions(self) -> None:
        lock = getattr(self, "lock", None)
        if lock is not None and lock.locked:
            # Locked: a case loaded or a signature finished meanwhile must not bring F2 back.
            for action in self.actions_by_key.values():
                action.setEnabled(False)
            return
        update_enabled(self.actions_by_key, ActionState(
            self.detail, self.desk.officer, busy=self.signing.busy, allows=self.desk.acting.allows,
            signed_in=self.desk_session is not None and self.desk_session.current is not None))

    def open_case_by_code(self, code: str) -> None:
        self.queue.open_case_by_code(code)

    def _case_created(self, code: str) -> None:
        self.queue.refresh_counts()
        self.queue.show_code(code)
        self.open_case_by_code(code)
        self.statusBar().showMessage(self.tr("{code}: dossier created").format(code=code), 8000)

    # ------------------------------------------------------------------ focus

    def focus_search(self) -> None:
        self.show_queue_tab()
        self.queue.focus_search()

    def focus_queue(self) -> None:
        self.show_queue_tab()
        self.queue.focus_queue()

    def focus_case(self) -> None:
        self.show_queue_tab()
        self.case_panel.focus_case()

    def focus_hints(self) -> None:
        self.show_queue_tab()
        self.case_panel.focus_hints()

    def show_queue_tab(self) -> None:
        """Reports (issue 15): the keys that go to the queue or the case bring its tab back first."""
        self._dashboard_wanted = False
        if self.reports_installed:
            self.dashboard_tabs.setCurrentIndex(0)

    def show_dashboard(self) -> None:
        """Reports (issue 15): the dashboard tab (shown once installed, right after the first queue page)."""
        self._dashboard_wanted = not self.reports_installed
        if self.reports_installed:
            self.dashboard_tabs.setCurrentWidget(self.dashboard)

    # ------------------------------------------------------------------ running service calls

    def _set_dialog(self, dialog: QWidget) -> None:
        self.active_dialog = dialog

    def show_error(self, exc: object) -> None:
        if isinstance(exc, BaseException):
            self.active_dialog = show_error(self, exc)

    def run(self, fn: Callable[[], Any], on_success: Callable[[Any], None] | None = None) -> None:
        """Run a service call off the GUI thread; errors become a message (nothing half-done).

        The case's actions are disabled at once (a second F2 while signing must not issue twice); past
        200 ms the window shows that it is busy (indicator, busy cursor) until the call is back.
        """
        self._busy_begin()

        def succeeded(result: Any) -> None:
            self._busy_end()
            if on_success is not None:
                on_success(result)

        def failed(exc: object) -> None:
            self._busy_end()
            self.show_error(exc)

        self.runner.submit(fn, succeeded, failed, owner=self)

    def _busy_begin(self) -> None:
        self._busy += 1
        if self._busy == 1:
            for key in CASE_BUTTONS:
                self.action(key).setEnabled(False)
            self._busy_timer.start()

    def _busy_end(self) -> None:
        self._busy = max(0, self._busy - 1)
        if self._busy:
            return
        self._busy_timer.stop()
        if self.busy_indicator.isVisible():
            self.busy_indicator.hide()
            QApplication.restoreOverrideCursor()
        self.update_actions()

    def _show_busy(self) -> None:
        if self._busy and not self.busy_indicator.isVisible():
            self.busy_indicator.show()
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def after_change(self, message: str) -> None:
        """A case changed: its row, the case panel, the counts and the status bar follow."""
        if self.detail is not None:
            case_id = self.detail.row.id
            self.model.refresh_case(case_id)
            self.case_panel.load(case_id)
        self.queue.refresh_counts()
        self.status.refresh()
        self.statusBar().showMessage(message, 8000)

    # ------------------------------------------------------------------ window commands

    def refresh(self) -> None:
        self.model.reload()
        self.queue.refresh_counts()
        self.status.refresh()
        self.case_panel.reload()

    def open_settings(self) -> None:
        from officer_desk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.desk, self, self.runner)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # A new certificate for the signed-in officer, or new PIN settings: the next F2 opens the key again.
        dialog.certificate_bound.connect(lambda info: self.signing.end_session()
                                         if info.username == self.desk.officer else None)
        dialog.saved.connect(lambda _config: self.signing.end_session())
        dialog.language_changed.connect(self.language_change_requested)
        self.active_dialog = dialog
        dialog.open()

    def back_up(self, path: str | None = None) -> None:
        """Administrators: the encrypted backup of the whole desk (``officer-desk backup``), off the GUI thread."""
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        from officer_desk.backup import create_backup

        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, self.tr("Back up the desk"), "",
                                                        self.tr("Officer Desk backup (*.odbackup)"))
            if not path:
                return
        target = Path(path)
        self.statusBar().showMessage(self.tr("Backing up the desk…"))
        self.runner.submit(lambda: create_backup(self.desk, target), lambda summary: self.statusBar().showMessage(
            self.tr("Backup written: {file} ({cases} cases, {entries} audit entries). Keep it with the key's "
                    "recovery copy.").format(file=str(summary.file), cases=summary.cases,
                                             entries=summary.audit_entries), 15000),
            self.show_error, owner=self, lane="long")

    def quit(self) -> None:
        self.close()

    def about(self) -> None:
        from officer_desk import __version__

        QMessageBox.about(self, self.tr("About Officer Desk"), self.tr(
            "<b>Officer Desk</b> {version}<br>The desk of one-stop counter officers.").format(version=__version__))

