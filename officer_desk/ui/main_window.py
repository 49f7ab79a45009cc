"""The officer's main window: queue with status tabs and filters, case view, hints, actions, status bar."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabBar,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from officer_desk.cases import AttachmentView, CaseDetail, QueueFilter
from officer_desk.desk import Desk
from officer_desk.dossier import DOSSIER_CODE_RE, LOCAL_TZ
from officer_desk.i18n import current_language
from officer_desk.lifecycle import CLOSED_STATUSES, Action, Status
from officer_desk.ui import labels, services
from officer_desk.ui.case_view import CaseView
from officer_desk.ui.dialogs import ReasonDialog, SupplementDialog, SupplementItem, open_dialog, show_error
from officer_desk.ui.hints_panel import HintsPanel
from officer_desk.ui.icons import app_icon
from officer_desk.ui.queue_model import COLUMN_KEYS, CaseQueueModel
from officer_desk.ui.tasks import LongTask, TaskRunner

log = logging.getLogger("officer_desk.ui")
SETTINGS_VERSION = 1
SEARCH_DELAY_MS = 150
CLOSED = {s.value for s in CLOSED_STATUSES}


@dataclass(frozen=True)
class StatusTab:
    key: str
    statuses: tuple[str, ...] = ()
    due: str | None = None


STATUS_TABS: tuple[StatusTab, ...] = (
    StatusTab("all"),
    StatusTab("received", (Status.RECEIVED.value,)),
    StatusTab("accepted", (Status.ACCEPTED.value,)),
    StatusTab("in_processing", (Status.IN_PROCESSING.value,)),
    StatusTab("awaiting_signature", (Status.AWAITING_SIGNATURE.value,)),
    StatusTab("result_ready", (Status.RESULT_READY.value,)),
    StatusTab("supplement_requested", (Status.SUPPLEMENT_REQUESTED.value,)),
    StatusTab("returned", (Status.RETURNED.value,)),
    StatusTab("refused", (Status.REFUSED.value, Status.WITHDRAWN.value)),
    StatusTab("overdue", (), "overdue"),
)


def window_settings(desk: Desk) -> QSettings:
    """Widget state only (geometry, splitters, columns), kept in the home folder."""
    return QSettings(str(desk.home.root / "window.ini"), QSettings.Format.IniFormat)


class MainWindow(QMainWindow):
    """The queue, the selected case and its hints; every action reachable from the keyboard."""

    case_shown = Signal(object)  # CaseDetail | None
    action_done = Signal(str, str)  # dossier code, action
    language_change_requested = Signal(str)

    def __init__(self, desk: Desk, runner: TaskRunner | None = None, settings: QSettings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.runner = runner or TaskRunner(self)
        self.runner.task_failed.connect(self.show_error)
        self.settings = settings or window_settings(desk)
        self.detail: CaseDetail | None = None
        self._detail_generation = 0
        self._pending_select_code: str | None = None
        self._procedure_names: dict[str, str] = {}
        self._known_officers: set[str] = set()
        self.long_task: LongTask | None = None
        self.active_dialog: QWidget | None = None
        self.setObjectName("main_window")
        self.setWindowIcon(app_icon())
        self.setWindowTitle(self.tr("Officer Desk — {agency}, desk {desk}").format(
            agency=desk.config.agency_name, desk=desk.config.desk_number))

        self.model = CaseQueueModel(
            desk.cases, self.runner, self.procedure_name,
            lambda today: desk.calendar.add_working_days(today, 1), self,
        )
        self._build_actions()
        self._build_filters()
        self._build_central()
        self._build_assistant()
        self._build_menus()
        self._build_status_bar()
        self._connect()
        self.restore_state()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._search_settled)
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(30_000)
        self._status_timer.timeout.connect(self.refresh_status)
        self._status_timer.start()
        self.update_actions()
        self._counts_started = False
        self.apply_filter()  # the first page first; counts and status follow once it is shown

    # ------------------------------------------------------------------ construction

    def _action(self, text: str, shortcut: str | QKeySequence.StandardKey | None, slot: Callable[[], None],
                name: str, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tooltip = (tip or text.replace("&", "").rstrip("…"))
        action.setToolTip(f"{tooltip} ({keys})" if keys else tooltip)
        action.setStatusTip(tip or tooltip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        a = self._action
        self.case_actions: dict[str, QAction] = {
            Action.ACCEPT: a(labels.action_label(Action.ACCEPT), "F2", self.accept_case, "act_accept",
                             self.tr("Accept the dossier and issue the receipt")),
            Action.REQUEST_SUPPLEMENT: a(labels.action_label(Action.REQUEST_SUPPLEMENT), "F3",
                                         self.request_supplement, "act_supplement",
                                         self.tr("Ask the applicant to bring missing or corrected items")),
            Action.SUPPLEMENT_RECEIVED: a(labels.action_label(Action.SUPPLEMENT_RECEIVED), "Shift+F3",
                                          lambda: self.transition(Action.SUPPLEMENT_RECEIVED), "act_supp_received"),
            Action.REFUSE: a(labels.action_label(Action.REFUSE), "F4", self.refuse_case, "act_refuse",
                             self.tr("Refuse the dossier (a reason is required)")),
            Action.WITHDRAW: a(labels.action_label(Action.WITHDRAW), "Shift+F4", self.withdraw_case,
                               "act_withdraw", self.tr("The applicant withdraws the dossier (reason required)")),
            Action.START_PROCESSING: a(labels.action_label(Action.START_PROCESSING), "F7",
                                       lambda: self.transition(Action.START_PROCESSING), "act_start"),
            Action.SUBMIT_FOR_SIGNATURE: a(labels.action_label(Action.SUBMIT_FOR_SIGNATURE), "F8",
                                           lambda: self.transition(Action.SUBMIT_FOR_SIGNATURE), "act_sign"),
            Action.MARK_RESULT_READY: a(labels.action_label(Action.MARK_RESULT_READY), "F9",
                                        lambda: self.transition(Action.MARK_RESULT_READY), "act_ready"),
            Action.RETURN_RESULT: a(labels.action_label(Action.RETURN_RESULT), "F12", self.return_result, "act_return",
                                    self.tr("Hand the result to the applicant")),
        }
        self.reprint_action = a(self.tr("&Print receipt again"), QKeySequence.StandardKey.Print,
                                self.reprint_receipt, "act_reprint",
                                self.tr("Print the stored receipt again, or save it as PDF"))
        self.assign_action = a(self.tr("Assign to &me"), "F6", self.assign_to_me, "act_assign",
                               self.tr("Take this case (one officer at a time)"))
        self.assign_to_action = a(self.tr("Assign &to…"), "Ctrl+G", self.assign_to, "act_assign_to",
                                  self.tr("Give this case to another officer of the desk"))
        self.unassign_action = a(self.tr("&Unassign"), "Shift+F6", self.unassign, "act_unassign",
                                 self.tr("Release this case"))
        self.new_action = a(self.tr("&New dossier…"), QKeySequence.StandardKey.New, self.new_dossier, "act_new",
                            self.tr("Receive a new dossier at the counter"))
        self.import_action = a(self.tr("&Import folder…"), "Ctrl+I", self.import_folder, "act_import",
                               self.tr("Import dossier files (JSON) from a folder"))
        self.rescreen_all_action = a(self.tr("Screen all open cases &again…"), None, self.rescreen_all,
                                     "act_rescreen_all", self.tr("Run the screening again on every open case"))
        self.rescreen_all_action.setVisible(services.screening_available())
        self.demo_action = a(self.tr("Generate &demo data…"), None, self.generate_demo, "act_demo")
        self.settings_action = a(self.tr("&Settings…"), "Ctrl+,", self.open_settings, "act_settings")
        self.quit_action = a(self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.quit, "act_quit")
        self.refresh_action = a(self.tr("&Refresh"), "F5", self.refresh, "act_refresh")
        self.search_action = a(self.tr("&Search"), QKeySequence.StandardKey.Find, self.focus_search, "act_search",
                               self.tr("Search by name, ID number, phone or dossier code; scan a code here"))
        self.focus_queue_action = a(self.tr("Go to &queue"), "Ctrl+1", self.focus_queue, "act_focus_queue")
        self.focus_case_action = a(self.tr("Go to &case"), "Ctrl+2", self.focus_case, "act_focus_case")
        self.focus_hints_action = a(self.tr("Go to &hints"), "Ctrl+3", self.focus_hints, "act_focus_hints")
        self.next_tab_action = a(self.tr("Next status tab"), "Ctrl+PgDown", lambda: self._step_tab(1), "act_next_tab")
        self.prev_tab_action = a(self.tr("Previous status tab"), "Ctrl+PgUp", lambda: self._step_tab(-1),
                                 "act_prev_tab")
        self.confirm_clock_action = a(self.tr("Confirm the PC &clock…"), None, self.confirm_clock,
                                      "act_confirm_clock")
        self.about_action = a(self.tr("&About Officer Desk"), None, self.about, "act_about")
        self.verify_action = a(self.tr("&Verify a signed document…"), "Ctrl+Shift+V", self.verify_document,
                               "act_verify", self.tr("Check the signatures of a PDF or the QR code of a receipt"))

    def _build_filters(self) -> None:
        self.filter_bar = QToolBar(self.tr("Filters"))
        self.filter_bar.setObjectName("filter_bar")
        self.filter_bar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.filter_bar)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Search name, ID number, phone, dossier code — or scan (Ctrl+F)"))
        self.search_edit.setToolTip(self.search_action.toolTip())
        self.search_edit.setMinimumWidth(360)
        self.filter_bar.addWidget(self.search_edit)
        self.filter_bar.addSeparator()

        self.procedure_combo = QComboBox()
        self.procedure_combo.setObjectName("procedure_combo")
        self.procedure_combo.setToolTip(self.tr("Procedure"))
        self.procedure_combo.addItem(self.tr("All procedures"), None)
        language = current_language()
        for procedure in sorted(self.desk.catalogue, key=lambda p: p.name(language)):
            self.procedure_combo.addItem(f"{procedure.name(language)} ({procedure.code})", procedure.code)
        self.procedure_combo.setMaximumWidth(300)
        self.filter_bar.addWidget(self.procedure_combo)

        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("channel_combo")
        self.channel_combo.setToolTip(self.tr("Channel"))
        self.channel_combo.addItem(self.tr("All channels"), None)
        for channel in ("truc_tiep", "truc_tuyen", "buu_chinh"):
            self.channel_combo.addItem(labels.channel_label(channel), channel)
        self.filter_bar.addWidget(self.channel_combo)

        self.officer_combo = QComboBox()
        self.officer_combo.setObjectName("officer_combo")
        self.officer_combo.setToolTip(self.tr("Assigned officer"))
        self.officer_combo.addItem(self.tr("All officers"), None)
        self.officer_combo.addItem(self.tr("Mine ({officer})").format(officer=self.desk.officer), self.desk.officer)
        self.filter_bar.addWidget(self.officer_combo)

        self.due_combo = QComboBox()
        self.due_combo.setObjectName("due_combo")
        self.due_combo.setToolTip(self.tr("Due date"))
        self.due_combo.addItem(self.tr("Any due date"), None)
        self.due_combo.addItem(self.tr("Due today"), "today")
        self.due_combo.addItem(self.tr("Due within one working day"), "soon")
        self.due_combo.addItem(self.tr("Overdue"), "overdue")
        self.filter_bar.addWidget(self.due_combo)

    def _tab_title(self, key: str) -> str:
        titles = {
            "all": self.tr("All"),
            "received": labels.status_label(Status.RECEIVED),
            "accepted": labels.status_label(Status.ACCEPTED),
            "in_processing": labels.status_label(Status.IN_PROCESSING),
            "awaiting_signature": labels.status_label(Status.AWAITING_SIGNATURE),
            "result_ready": labels.status_label(Status.RESULT_READY),
            "supplement_requested": labels.status_label(Status.SUPPLEMENT_REQUESTED),
            "returned": labels.status_label(Status.RETURNED),
            "refused": self.tr("Refused / withdrawn"),
            "overdue": self.tr("Overdue"),
        }
        return titles[key]

    def _build_central(self) -> None:
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        self.tab_bar = QTabBar()
        self.tab_bar.setObjectName("status_tabs")
        self.tab_bar.setExpanding(False)
        self.tab_bar.setDrawBase(False)
        for tab in STATUS_TABS:
            index = self.tab_bar.addTab(self._tab_title(tab.key))
            self.tab_bar.setTabData(index, tab.key)
        self.tab_bar.setTabToolTip(0, self.tr("Ctrl+PgDown / Ctrl+PgUp switch tabs"))
        tabs_row = QHBoxLayout()
        tabs_row.addWidget(self.tab_bar, 1)
        self.result_label = QLabel()
        self.result_label.setObjectName("result_label")
        tabs_row.addWidget(self.result_label)
        layout.addLayout(tabs_row)

        self.table = QTableView()
        self.table.setObjectName("queue_view")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view never asks a million rows for their size.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        widths = (200, 190, 300, 90, 125, 90, 125, 110, 60)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)
        header.setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)

        self.case_view = CaseView(self.desk.catalogue)
        self.case_view.set_actions([
            self.case_actions[Action.ACCEPT], self.case_actions[Action.REQUEST_SUPPLEMENT],
            self.case_actions[Action.REFUSE], self.assign_action, self.unassign_action,
            self.case_actions[Action.START_PROCESSING], self.case_actions[Action.MARK_RESULT_READY],
            self.case_actions[Action.RETURN_RESULT],
        ])
        self.hints_panel = HintsPanel()

        self.detail_split = QSplitter(Qt.Orientation.Horizontal)
        self.detail_split.setObjectName("detail_split")
        self.detail_split.addWidget(self.case_view)
        self.detail_split.addWidget(self.hints_panel)
        self.detail_split.setStretchFactor(0, 3)
        self.detail_split.setStretchFactor(1, 2)
        self.detail_split.setSizes([820, 480])

        self.main_split = QSplitter(Qt.Orientation.Vertical)
        self.main_split.setObjectName("main_split")
        self.main_split.addWidget(self.table)
        self.main_split.addWidget(self.detail_split)
        self.main_split.setStretchFactor(0, 1)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setSizes([360, 440])
        layout.addWidget(self.main_split, 1)
        self.setCentralWidget(central)

    def _build_assistant(self) -> None:
        from officer_desk.ui.assistant_panel import AssistantPanel

        self.assistant = AssistantPanel(self.desk, self.runner, self)
        self.assistant.intake_requested.connect(self.new_dossier)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.assistant)
        self.assistant.hide()
        toggle = self.assistant.toggleViewAction()
        toggle.setObjectName("act_assistant")
        toggle.setText(self.tr("Procedure &assistant"))
        toggle.setShortcut(QKeySequence("Ctrl+Shift+A"))
        toggle.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        tip = self.tr("Which procedure, which papers, which fee: answer a citizen's question")
        toggle.setToolTip(f"{tip} ({toggle.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        toggle.setStatusTip(tip)
        toggle.toggled.connect(lambda shown: self.assistant.focus_question() if shown else None)
        self.addAction(toggle)
        self.assistant_action = toggle

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addAction(self.new_action)
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.rescreen_all_action)
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        case_menu = bar.addMenu(self.tr("&Case"))
        for key in (Action.ACCEPT, Action.REQUEST_SUPPLEMENT, Action.SUPPLEMENT_RECEIVED, Action.REFUSE,
                    Action.WITHDRAW):
            case_menu.addAction(self.case_actions[key])
        case_menu.addAction(self.reprint_action)
        case_menu.addSeparator()
        case_menu.addAction(self.assign_action)
        case_menu.addAction(self.assign_to_action)
        case_menu.addAction(self.unassign_action)
        case_menu.addSeparator()
        for key in (Action.START_PROCESSING, Action.SUBMIT_FOR_SIGNATURE, Action.MARK_RESULT_READY,
                    Action.RETURN_RESULT):
            case_menu.addAction(self.case_actions[key])
        view_menu = bar.addMenu(self.tr("&View"))
        for action in (self.search_action, self.focus_queue_action, self.focus_case_action, self.focus_hints_action,
                       self.next_tab_action, self.prev_tab_action, self.refresh_action):
            view_menu.addAction(action)
        view_menu.addSeparator()
        view_menu.addAction(self.assistant_action)
        tools_menu = bar.addMenu(self.tr("&Tools"))
        tools_menu.addAction(self.verify_action)
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.confirm_clock_action)
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.db_label = QLabel()
        self.db_label.setObjectName("db_label")
        self.online_label = QLabel()
        self.online_label.setObjectName("online_label")
        self.outbox_label = QLabel()
        self.outbox_label.setObjectName("outbox_label")
        self.officer_label = QLabel()
        self.officer_label.setObjectName("officer_label")
        self.clock_button = QPushButton()
        self.clock_button.setObjectName("clock_button")
        self.clock_button.setFlat(True)
        self.clock_button.setStyleSheet("color: #c62828; font-weight: 600;")
        self.clock_button.clicked.connect(self.confirm_clock)
        self.clock_button.hide()
        for widget in (self.clock_button, self.db_label, self.online_label, self.outbox_label, self.officer_label):
            bar.addPermanentWidget(widget)
        name = self.desk.config.officer_name
        self.officer_label.setText(self.tr("Officer: {name}").format(
            name=f"{name} ({self.desk.officer})" if name else self.desk.officer))
        if self.desk.db.is_local:
            self.db_label.setText(self.tr("Database: local file"))
        else:
            self.db_label.setText(self.tr("Database: server"))
        self.db_label.setToolTip(self.desk.db.description)

    def _connect(self) -> None:
        self.search_edit.textChanged.connect(self._search_changed)
        self.search_edit.returnPressed.connect(self._search_entered)
        self.search_edit.installEventFilter(self)
        for combo in (self.procedure_combo, self.channel_combo, self.officer_combo, self.due_combo):
            combo.currentIndexChanged.connect(lambda _index: self.apply_filter())
        self.tab_bar.currentChanged.connect(self._tab_changed)
        self.model.loaded.connect(self._queue_loaded)
        self.model.loading_started.connect(lambda: self.result_label.setText(self.tr("Searching…")))
        self.model.load_failed.connect(self.show_error)
        self.model.dataChanged.connect(self._rows_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.table.activated.connect(lambda _index: self.focus_case())
        self.case_view.preview_requested.connect(self._load_preview)
        self._connect_ocr()  # OCR hook (issue 14)
        self.hints_panel.accept_requested.connect(lambda fid: self.decide_hint(fid, "accepted"))
        self.hints_panel.dismiss_requested.connect(self.dismiss_hint)
        self.hints_panel.reopen_requested.connect(lambda fid: self.decide_hint(fid, "open"))
        self.hints_panel.rescreen_requested.connect(self.rescreen)

    # ------------------------------------------------------------------ state

    def restore_state(self) -> None:
        s = self.settings
        if str(s.value("version", 0) or 0) != str(SETTINGS_VERSION):
            self.resize(1440, 900)
            return
        for key, restore in (("geometry", self.restoreGeometry), ("state", self.restoreState),
                             ("main_split", self.main_split.restoreState),
                             ("detail_split", self.detail_split.restoreState),
                             ("documents_split", self.case_view.documents_split.restoreState),
                             ("queue_header", self.table.horizontalHeader().restoreState)):
            value = s.value(key)
            if isinstance(value, QByteArray) and not value.isEmpty():
                restore(value)

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
        self.save_state()
        self._status_timer.stop()
        self._search_timer.stop()
        if self.long_task is not None and self.long_task.running:
            self.long_task.cancel()
        self.runner.wait_for_done(10_000)
        super().closeEvent(event)

    # ------------------------------------------------------------------ queue

    def procedure_name(self, code: str) -> str:
        name = self._procedure_names.get(code)
        if name is None:
            procedure = self.desk.catalogue.find(code)
            name = procedure.name(current_language()) if procedure else code
            self._procedure_names[code] = name
        return name

    def current_filter(self) -> QueueFilter:
        tab = STATUS_TABS[max(0, self.tab_bar.currentIndex())]
        due = tab.due or self.due_combo.currentData()
        return replace(
            self.model.filter,
            sort=self._sort_key(),
            descending=self.table.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder,
            statuses=tab.statuses,
            procedure_code=self.procedure_combo.currentData(),
            channel=self.channel_combo.currentData(),
            officer=self.officer_combo.currentData(),
            due=due,
            text=self.search_edit.text().strip(),
        )

    def _sort_key(self) -> str:
        column = self.table.horizontalHeader().sortIndicatorSection()
        return COLUMN_KEYS[column] if 0 <= column < len(COLUMN_KEYS) else "received_at"

    def _tab_changed(self, index: int) -> None:
        # The overdue tab reads best most-overdue first (and that order has an index).
        if 0 <= index < len(STATUS_TABS) and STATUS_TABS[index].key == "overdue":
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(COLUMN_KEYS.index("due_date"), Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            header.viewport().update()
        self.apply_filter()

    def apply_filter(self) -> None:
        self._search_timer.stop()
        flt = self.current_filter()
        if flt != self.model.filter or not self.model.queried:
            self.model.set_filter(flt)

    def _search_changed(self, _text: str) -> None:
        # Answer while typing, but not per character of a scanner burst.
        self._search_timer.start()

    def _search_settled(self) -> None:
        code = services.dossier_code_from_receipt(self.search_edit.text())
        if code is not None:
            self.open_case_by_code(code)  # a receipt's QR scanned into the search box
            return
        self.apply_filter()

    def _search_entered(self) -> None:
        self._search_timer.stop()
        text = self.search_edit.text().strip()
        code = services.dossier_code_from_receipt(text)
        if code is None and DOSSIER_CODE_RE.match(text) and text.count("-") >= 2:
            code = text  # a dossier code typed or scanned (barcode on a paper file)
        if code is not None:
            self.open_case_by_code(code)
            return
        self.apply_filter()
        self.focus_queue()

    def open_case_by_code(self, code: str) -> None:
        """Show one case (a scanned dossier code or receipt) whatever the filters: search it and select it."""
        self._pending_select_code = code
        for widget in (self.search_edit, self.tab_bar, self.procedure_combo, self.channel_combo,
                       self.officer_combo, self.due_combo):
            widget.blockSignals(True)
        self.search_edit.setText(code)
        self.tab_bar.setCurrentIndex(0)
        for combo in (self.procedure_combo, self.channel_combo, self.officer_combo, self.due_combo):
            combo.setCurrentIndex(0)
        for widget in (self.search_edit, self.tab_bar, self.procedure_combo, self.channel_combo,
                       self.officer_combo, self.due_combo):
            widget.blockSignals(False)
        self._search_timer.stop()
        self.apply_filter()

    def _queue_loaded(self, total: int) -> None:
        if not self._counts_started:
            self._counts_started = True
            self.refresh_counts()
            self.refresh_status()
        count = f"{total:,}".replace(",", ".")
        if self.model.truncated:
            text = self.tr("First {count} matches — type more to narrow").format(count=count)
        elif self.model.counting:
            text = self.tr("{count}+ cases, counting…").format(count=count)
        else:
            text = self.tr("{count} cases").format(count=count)
        self.result_label.setText(text)
        if self._pending_select_code is not None and not self.model.loading:
            self._select_pending()
            return
        if total and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.table.selectRow(0)
        elif not total:
            self.show_detail(None)

    def _select_pending(self) -> None:
        code = self._pending_select_code
        self._pending_select_code = None
        for row in range(min(self.model.rowCount(), 50)):
            case = self.model.case_row(row)
            if case is not None and case.dossier_code.casefold() == (code or "").casefold():
                self.table.setCurrentIndex(self.model.index(row, 0))
                self.table.selectRow(row)
                self.focus_queue()
                return
        self.statusBar().showMessage(self.tr("No case with code {code}").format(code=code), 5000)

    def _rows_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        current = self.table.currentIndex()
        if self.detail is None and current.isValid() and top_left.row() <= current.row() <= bottom_right.row():
            self._current_row_changed(current, QModelIndex())
        for row in range(top_left.row(), min(bottom_right.row() + 1, top_left.row() + 300)):
            case = self.model.case_row(row) if row < self.model.rowCount() else None
            if case is not None and case.assigned_officer and case.assigned_officer not in self._known_officers:
                self._known_officers.add(case.assigned_officer)
                if case.assigned_officer != self.desk.officer:
                    self.officer_combo.addItem(case.assigned_officer, case.assigned_officer)

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        case = self.model.case_row(current.row())
        if case is None:
            self.detail = None
            return  # its page is loading; dataChanged brings us back here
        if self.detail is not None and self.detail.row.id == case.id:
            return
        self.load_detail(case.id)

    def load_detail(self, case_id: int) -> None:
        self._detail_generation += 1
        generation = self._detail_generation

        def shown(detail: CaseDetail) -> None:
            if generation == self._detail_generation:
                self.show_detail(detail)

        self.runner.submit(lambda: self.desk.cases.detail(case_id), shown, self.show_error, owner=self)

    def show_detail(self, detail: CaseDetail | None) -> None:
        self.detail = detail
        self.case_view.show_case(detail)
        self.hints_panel.show_case(detail, services.screening_available())
        self.update_actions()
        self.case_shown.emit(detail)

    def update_actions(self) -> None:
        detail = self.detail
        allowed = set(detail.allowed_actions) if detail else set()
        for key, action in self.case_actions.items():
            action.setEnabled(key in allowed)
        holder = detail.row.assigned_officer if detail else None
        open_case = detail is not None and detail.row.status not in CLOSED
        self.assign_action.setEnabled(open_case and holder != self.desk.officer)
        self.assign_to_action.setEnabled(self.assign_action.isEnabled())
        self.unassign_action.setEnabled(open_case and holder == self.desk.officer)
        self.reprint_action.setEnabled(detail is not None and detail.receipt_issued_at is not None)

    # ------------------------------------------------------------------ focus

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def focus_queue(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.table.selectRow(0)

    def focus_case(self) -> None:
        buttons = [b for b in self.case_view.action_buttons if b.isEnabled()]
        (buttons[0] if buttons else self.case_view.tabs).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_hints(self) -> None:
        for card in self.hints_panel.cards:
            for button in (card.accept_button, card.reopen_button):
                if button.isVisibleTo(card) and button.isEnabled():
                    button.setFocus(Qt.FocusReason.ShortcutFocusReason)
                    return
        self.hints_panel.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _step_tab(self, step: int) -> None:
        self.tab_bar.setCurrentIndex((self.tab_bar.currentIndex() + step) % self.tab_bar.count())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Down arrow or Escape in the search box goes to the queue; the officer keeps typing elsewhere.
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Down or (key == Qt.Key.Key_Escape and not self.search_edit.text()):
                self.focus_queue()
                return True
            if key == Qt.Key.Key_Escape:
                self.search_edit.clear()
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ counts and status bar

    def refresh_counts(self) -> None:
        self.runner.submit(self.desk.cases.status_counts, self._counts_loaded, lambda exc: log.warning(
            "status counts failed: %s", type(exc).__name__), owner=self, lane="background")

    def _counts_loaded(self, counts: dict[str, int]) -> None:
        total = sum(v for k, v in counts.items() if k != "overdue")
        for index, tab in enumerate(STATUS_TABS):
            if tab.key == "all":
                value = total
            elif tab.key == "overdue":
                value = counts.get("overdue", 0)
            else:
                value = sum(counts.get(status, 0) for status in tab.statuses)
            self.tab_bar.setTabText(index, f"{self._tab_title(tab.key)} ({value:,})".replace(",", "."))
            if tab.key == "overdue" and value:
                self.tab_bar.setTabTextColor(index, Qt.GlobalColor.darkRed)

    def refresh_status(self) -> None:
        desk = self.desk

        def query() -> tuple[bool, int, datetime | None]:
            online = services.database_reachable(desk)
            pending = services.pending_outbox_items(desk) if online else 0
            return online, pending, desk.cases.clock_problem() if online else None

        self.runner.submit(query, self._status_loaded, lambda exc: self._status_loaded((False, 0, None)), owner=self,
                           lane="background")

    def _status_loaded(self, status: tuple[bool, int, datetime | None]) -> None:
        online, pending, clock = status
        if self.desk.db.is_local:
            self.online_label.setText(self.tr("● Offline-capable (local)") if online else self.tr("● Database error"))
        else:
            self.online_label.setText(self.tr("● Online") if online else self.tr("● Offline"))
        self.online_label.setStyleSheet("color: #2e7d32;" if online else "color: #c62828;")
        self.outbox_label.setText(self.tr("Outbox: {count} pending").format(count=pending))
        self.outbox_label.setVisible(self.desk.db.is_local)
        if clock is not None:
            self.clock_button.setText(self.tr("⚠ PC clock is behind the data ({newest}) — confirm…").format(
                newest=clock.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M")))
            self.clock_button.show()
        else:
            self.clock_button.hide()
        self._clock_problem = clock

    def confirm_clock(self) -> None:
        clock = getattr(self, "_clock_problem", None)
        if clock is None:
            self.statusBar().showMessage(self.tr("The PC clock looks right."), 4000)
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("PC clock"), self.tr(
            "The newest stored event ({newest}) is later than this PC's clock ({now}). Check the system time. "
            "Confirm only if the clock is right."
        ).format(newest=clock.astimezone(LOCAL_TZ).strftime("%d/%m/%Y %H:%M"),
                 now=datetime.now(LOCAL_TZ).strftime("%d/%m/%Y %H:%M")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Yes:
                self.run(self.desk.cases.confirm_clock, lambda _r: self.refresh_status())

        box.finished.connect(answered)
        self.active_dialog = box
        box.open()

    # ------------------------------------------------------------------ running service calls

    def show_error(self, exc: object) -> None:
        if isinstance(exc, BaseException):
            self.active_dialog = show_error(self, exc)

    def run(self, fn: Callable[[], Any], on_success: Callable[[Any], None] | None = None) -> None:
        """Run a service call off the GUI thread; errors become a message (nothing half-done)."""
        self.runner.submit(fn, on_success, self.show_error, owner=self)

    def _after_change(self, message: str) -> None:
        if self.detail is not None:
            case_id = self.detail.row.id
            self.model.refresh_case(case_id)
            self.load_detail(case_id)
        self.refresh_counts()
        self.refresh_status()
        self.statusBar().showMessage(message, 8000)

    # ------------------------------------------------------------------ case actions

    def _current(self) -> CaseDetail | None:
        if self.detail is None:
            self.statusBar().showMessage(self.tr("Select a case first."), 4000)
        return self.detail

    def transition(self, action: Action, reason: str = "", **details: Any) -> None:
        detail = self._current()
        if detail is None or action not in detail.allowed_actions:
            return
        code, version = detail.row.dossier_code, detail.version
        label = labels.action_label(action).rstrip("…")

        def call() -> str:
            return str(self.desk.cases.transition(code, action, reason, expected_version=version, **details))

        self.run(call, lambda status: self._after_change(
            self.tr("{code}: {action} — now “{status}”").format(code=code, action=label,
                                                               status=labels.status_label(status))))

    def accept_case(self) -> None:
        detail = self._current()
        if detail is None or Action.ACCEPT not in detail.allowed_actions:
            return
        open_errors = [f for f in detail.findings if f.decision == "open" and f.severity == "error"]
        if open_errors:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Cannot accept yet"), self.tr(
                "This dossier still has {count} open error hints. Request a supplement (F3), or dismiss the hints "
                "that do not apply (with a reason) before accepting."
            ).format(count=len(open_errors)), QMessageBox.StandardButton.Ok, self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.active_dialog = box
            box.open()
            return
        code, version = detail.row.dossier_code, detail.version

        def done(outcome: services.IssuedOutcome) -> None:
            self._after_change(self.tr("{code}: accepted").format(code=code))
            if outcome.pdf:
                self.deliver_document(outcome.pdf, outcome.form, 2, self.tr("receipt"))
            self.action_done.emit(code, Action.ACCEPT.value)

        self.run(lambda: services.accept_case(self.desk, code, expected_version=version), done)

    def supplement_items(self, detail: CaseDetail) -> list[SupplementItem]:
        """The checklist for a supplement request: error hints first (ticked), then the procedure's papers."""
        language = current_language()
        items: list[SupplementItem] = []
        seen: set[str] = set()
        for finding in detail.findings:
            if finding.severity != "error" or finding.decision == "dismissed":
                continue
            message = finding.message_en if language == "en" and finding.message_en else finding.message_vi
            key = f"{finding.code}:{finding.target}"
            items.append(SupplementItem(key, message or finding.code, True, finding.suggestion))
            seen.add(finding.target)
        procedure = self.desk.catalogue.find(detail.row.procedure_code)
        present = {a.doc_type for a in detail.attachments}
        if procedure is not None:
            for document in procedure.documents:
                if document.id in seen:
                    continue
                name = document.name_en if language == "en" and document.name_en else document.name_vi
                missing = document.required and not (set(document.accepted_doc_types()) & present)
                items.append(SupplementItem(f"doc:{document.id}", f"{name} ({labels.kind_label(document.kind)})",
                                            missing))
        return items

    def request_supplement(self) -> None:
        detail = self._current()
        if detail is None or Action.REQUEST_SUPPLEMENT not in detail.allowed_actions:
            return
        dialog = SupplementDialog(detail.row.dossier_code, self.supplement_items(detail), self)

        code, version = detail.row.dossier_code, detail.version

        def confirmed() -> None:
            items, reason = dialog.notice_items(), dialog.reason_text()
            self._issue(Action.REQUEST_SUPPLEMENT,
                        lambda: services.request_supplement(self.desk, code, items, reason, version), 1)

        self.active_dialog = open_dialog(dialog, confirmed)

    def _ask_reason(self, title: str, prompt: str, then: Callable[[str], None]) -> None:
        dialog = ReasonDialog(title, prompt, self)
        self.active_dialog = open_dialog(dialog, lambda: then(dialog.reason().strip()))

    def _issue(self, action: Action, call: Callable[[], services.IssuedOutcome], copies: int) -> None:
        """Run an action that may issue a signed notice; print it when one came back."""
        detail = self.detail
        code = detail.row.dossier_code if detail else ""
        label = labels.action_label(action).rstrip("…")

        def done(outcome: services.IssuedOutcome) -> None:
            self._after_change(self.tr("{code}: {action} — done").format(code=code, action=label))
            if outcome.pdf:
                self.deliver_document(outcome.pdf, outcome.form, copies, label)
            self.action_done.emit(code, action.value)

        self.run(call, done)

    def return_result(self) -> None:
        detail = self._current()
        if detail is None or Action.RETURN_RESULT not in detail.allowed_actions:
            return
        code, version = detail.row.dossier_code, detail.version
        self._issue(Action.RETURN_RESULT, lambda: services.return_result(self.desk, code, version), 1)

    def reprint_receipt(self) -> None:
        detail = self._current()
        if detail is None or detail.receipt_issued_at is None:
            self.statusBar().showMessage(self.tr("This case has no receipt yet."), 5000)
            return
        code = detail.row.dossier_code
        self.run(lambda: services.stored_receipt(self.desk, code),
                 lambda pdf: self.deliver_document(pdf, self.desk.config.paper_size or "a5", 2, self.tr("receipt"),
                                                   save_if_no_printer=True) if pdf else None)

    def deliver_document(self, pdf: bytes, form: str, copies: int, what: str, save_if_no_printer: bool = False) -> None:
        """Print an issued document on the configured printer; without one, say so (or offer to save it)."""
        try:
            from officer_desk.ui.printing import DocumentPrinter
        except ImportError:  # pragma: no cover - the printing module ships with the window
            DocumentPrinter = None  # type: ignore[assignment,misc]  # noqa: N806
        if DocumentPrinter is None or not DocumentPrinter.printer_names():
            if save_if_no_printer:
                self.save_pdf(pdf)
                return
            # Not a modal interruption at every acceptance: the document is kept and Ctrl+P prints or saves it.
            self.statusBar().showMessage(self.tr(
                "No printer is set up: the signed {what} is kept with the case (Ctrl+P prints or saves it)."
            ).format(what=what), 10000)
            return
        outcome = DocumentPrinter().print_pdf(pdf, form, printer_name=self.desk.config.printer or None,
                                              copies=copies)
        if outcome.accepted:
            self.statusBar().showMessage(self.tr("The {what} was sent to the printer {printer}.").format(
                what=what, printer=outcome.printer), 8000)
            return
        reason = outcome.reason
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Not printed"), self.tr(
            "The {what} is signed and kept with the case, but it was not printed: {reason}").format(
                what=what, reason=reason), QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Close, self)
        box.setDefaultButton(QMessageBox.StandardButton.Close)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered(button: int) -> None:
            if button == QMessageBox.StandardButton.Save:
                self.save_pdf(pdf)

        box.finished.connect(answered)
        self.active_dialog = box
        box.open()

    def save_pdf(self, pdf: bytes) -> None:
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), "", self.tr("PDF (*.pdf)"))
        if not name:
            return
        from officer_desk.fileio import write_bytes_atomic

        self.run(lambda: write_bytes_atomic(Path(name), pdf),
                 lambda _r: self.statusBar().showMessage(self.tr("Saved {file}").format(file=name), 6000))

    def refuse_case(self) -> None:
        detail = self._current()
        if detail is None or Action.REFUSE not in detail.allowed_actions:
            return
        code, version = detail.row.dossier_code, detail.version
        self._ask_reason(self.tr("Refuse {code}").format(code=code),
                         self.tr("Why is the dossier refused? The reason is printed on the refusal notice."),
                         lambda reason: self._issue(Action.REFUSE,
                                                    lambda: services.refuse_case(self.desk, code, reason, version), 1))

    def withdraw_case(self) -> None:
        detail = self._current()
        if detail is None or Action.WITHDRAW not in detail.allowed_actions:
            return
        self._ask_reason(self.tr("Withdraw {code}").format(code=detail.row.dossier_code),
                         self.tr("Why does the applicant withdraw the dossier?"),
                         lambda reason: self.transition(Action.WITHDRAW, reason))

    def assign_to_me(self) -> None:
        detail = self._current()
        if detail is None or not self.assign_action.isEnabled():
            return
        code, holder = detail.row.dossier_code, detail.row.assigned_officer
        if holder and holder != self.desk.officer:
            self._ask_reason(
                self.tr("Take over {code}").format(code=code),
                self.tr("{code} is assigned to {holder}. Why do you take it over?").format(code=code, holder=holder),
                lambda reason: self.run(lambda: self.desk.cases.assign(code, force=True, reason=reason),
                                        lambda _r: self._after_change(self.tr("{code}: assigned to you").format(
                                            code=code))))
            return
        self.run(lambda: self.desk.cases.assign(code),
                 lambda _r: self._after_change(self.tr("{code}: assigned to you").format(code=code)))

    def assign_to(self) -> None:
        """Give the case to an officer chosen in a dialog; taking it from its holder needs a reason."""
        detail = self._current()
        if detail is None or not self.assign_to_action.isEnabled():
            return
        from officer_desk.ui.assign_dialog import AssignDialog

        code, holder = detail.row.dossier_code, detail.row.assigned_officer
        dialog = AssignDialog(self.desk, self.runner, code, holder, self)

        def confirmed() -> None:
            username, force, reason = dialog.username(), dialog.force, dialog.reason()
            if username is None:
                return
            self.run(lambda: self.desk.cases.assign(code, username, force=force, reason=reason),
                     lambda _r: self._after_change(self.tr("{code}: assigned to {officer}").format(
                         code=code, officer=username)))

        self.active_dialog = open_dialog(dialog, confirmed)

    def unassign(self) -> None:
        detail = self._current()
        if detail is None or not self.unassign_action.isEnabled():
            return
        code = detail.row.dossier_code
        self.run(lambda: self.desk.cases.unassign(code),
                 lambda _r: self._after_change(self.tr("{code}: released").format(code=code)))

    # ------------------------------------------------------------------ hints

    def decide_hint(self, finding_id: int, decision: str, reason: str = "") -> None:
        self.run(lambda: self.desk.cases.decide_finding(finding_id, decision, reason),
                 lambda _r: self._after_change(self.tr("Hint updated")))

    def dismiss_hint(self, finding_id: int) -> None:
        self._ask_reason(self.tr("Dismiss hint"), self.tr("Why does this hint not apply? Your name and the reason "
                                                          "are kept with the case."),
                         lambda reason: self.decide_hint(finding_id, "dismissed", reason))

    def rescreen(self) -> None:
        detail = self._current()
        if detail is None:
            return
        code = detail.row.dossier_code
        self.run(lambda: services.screen_case(self.desk, code),
                 lambda _r: self._after_change(self.tr("{code}: screened again").format(code=code)))

    # -- OCR hook (issue 14): handlers live in ui/ocr_controller.py.
    def _connect_ocr(self) -> None:
        from officer_desk.ui.ocr_controller import OcrController

        def current() -> tuple[str, str] | None:
            return (self.detail.row.dossier_code, self.detail.row.channel) if self.detail is not None else None

        self.ocr = OcrController(self.desk, self.runner, self, current, self.show_error)
        self.case_view.ocr_review_requested.connect(self.ocr.review)
        self.case_view.files_dropped.connect(self.ocr.attach_files)
        self.ocr.case_changed.connect(lambda _code: self._after_change(""))
        self.ocr.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    def _load_preview(self, attachment: AttachmentView) -> None:
        sha = attachment.content_sha256
        if not sha:
            return
        self.runner.submit(lambda: self.desk.cases.attachment_bytes(sha),
                           lambda data: self.case_view.show_attachment(attachment, data),
                           self.show_error, owner=self)

    # ------------------------------------------------------------------ long operations

    def start_long_task(self, title: str, fn: Callable[[Any], Any], done: Callable[[Any], None]) -> LongTask | None:
        if self.long_task is not None and self.long_task.running:
            self.statusBar().showMessage(self.tr("Another long operation is still running."), 5000)
            return None
        task = LongTask(self.runner, fn, title, self)
        task.finished.connect(done)
        task.failed.connect(self.show_error)
        self.long_task = task
        task.start()
        return task

    def import_folder(self, folder: str | None = None) -> None:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self, self.tr("Import dossiers from a folder"))
        if not folder:
            return

        def done(report: Any) -> None:
            message = self.tr("Imported {imported}, skipped {skipped}, failed {failed}.").format(
                imported=len(report.imported), skipped=len(report.skipped), failed=len(report.failed))
            self.refresh()
            box = QMessageBox(QMessageBox.Icon.Information if not report.failed else QMessageBox.Icon.Warning,
                              self.tr("Import finished"), message, QMessageBox.StandardButton.Ok, self)
            if report.failed:
                box.setDetailedText("\n".join(f"{Path(f['file']).name}: {f['error']}" for f in report.failed))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.active_dialog = box
            box.open()

        self.start_long_task(self.tr("Importing dossiers…"),
                             lambda progress: self.desk.cases.import_paths([Path(folder)], progress), done)

    def _long_task_done(self, message: str) -> None:
        self.refresh()
        self.statusBar().showMessage(message, 8000)

    def rescreen_all(self) -> None:
        self.start_long_task(self.tr("Screening open cases…"),
                             lambda progress: services.rescreen_open_cases(self.desk, progress),
                             lambda count: self._long_task_done(self.tr("{count} cases screened").format(count=count)))

    def generate_demo(self, count: int | None = None) -> None:
        if count is None:
            value, ok = QInputDialog.getInt(self, self.tr("Demo data"), self.tr(
                "How many synthetic dossiers? (demo mode is refused on a database with real cases)"),
                1000, 1, 2_000_000, 1000)
            if not ok:
                return
            count = value
        from officer_desk.demo import run_demo

        amount = count
        self.start_long_task(self.tr("Generating demo data…"),
                             lambda progress: run_demo(self.desk, amount, 1, progress),
                             lambda result: self._long_task_done(
                                 self.tr("{count} demo dossiers created").format(count=result.get("cases", 0))))

    # ------------------------------------------------------------------ other commands

    def refresh(self) -> None:
        self.model.reload()
        self.refresh_counts()
        self.refresh_status()
        if self.detail is not None:
            self.load_detail(self.detail.row.id)

    def new_dossier(self, procedure_code: str | None = None) -> None:
        from officer_desk.ui.intake import IntakeDialog

        dialog = IntakeDialog(self.desk, self.runner, self)
        dialog.case_created.connect(self._case_created)
        if procedure_code:
            dialog.picker.select_code(procedure_code)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.active_dialog = dialog
        dialog.open()

    def _case_created(self, code: str) -> None:
        self.refresh_counts()
        self.search_edit.blockSignals(True)
        self.search_edit.setText(code)
        self.search_edit.blockSignals(False)
        self.open_case_by_code(code)
        self.statusBar().showMessage(self.tr("{code}: dossier created").format(code=code), 8000)

    def verify_document(self, path: str | None = None) -> None:
        """The verification dialog; with ``path`` the file is verified at once (scripts, tests)."""
        from officer_desk.ui.verify_dialog import VerifyDialog

        dialog = VerifyDialog(self.desk, self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.active_dialog = dialog
        dialog.open()
        if path:
            dialog.verify_file(path)

    def open_settings(self) -> None:
        from officer_desk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.desk, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.language_changed.connect(self.language_change_requested)
        self.active_dialog = dialog
        dialog.open()

    def quit(self) -> None:
        self.close()

    def about(self) -> None:
        from officer_desk import __version__

        QMessageBox.about(self, self.tr("About Officer Desk"), self.tr(
            "<b>Officer Desk</b> {version}<br>The desk of one-stop counter officers.").format(version=__version__))

