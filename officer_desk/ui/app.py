"""Start the window: QApplication, fonts, translations, the desk opened off the GUI thread, MainWindow.

``officer-desk --screenshot PATH --quit-after SECONDS [--lang vi|en]`` grabs the window to PNG and
exits (documentation screenshots, smoke tests without a display).
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from officer_desk.errors import DeskError
from officer_desk.ui.dialogs import describe_error
from officer_desk.ui.fonts import register_fonts, ui_font
from officer_desk.ui.i18n import Translations
from officer_desk.ui.icons import app_icon
from officer_desk.ui.splash import StartupSplash
from officer_desk.ui.startup import take_splash
from officer_desk.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from officer_desk.ui.queue_preview import QueuePreview

DEFAULT_SCREENSHOT_DELAY = 3.0


def create_application(argv: list[str] | None = None, splash: list[StartupSplash] | None = None) -> QApplication:
    """The application; with ``splash`` (a list to fill), a splash is on screen before the window icon
    (an SVG: the image plugin loads), fonts and catalogues, so the officer sees the desk starting at once."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("Officer Desk")
    app.setOrganizationName("officer-desk")
    app.setApplicationDisplayName("Officer Desk")
    if splash is not None:
        screen = take_splash()
        if screen is None:
            screen = StartupSplash()
            screen.show_now()
        splash.append(screen)
    app.setWindowIcon(app_icon())
    register_fonts()
    app.setFont(ui_font())
    return app


def _in_background(runner: TaskRunner, work: Callable[[], Any]) -> Any:
    """``work()`` on a worker while the GUI thread keeps painting; its result, or its exception raised here."""
    outcome: dict[str, Any] = {}
    loop = QEventLoop()

    def done(desk: Any) -> None:
        outcome["desk"] = desk
        loop.quit()

    def failed(exc: Any) -> None:
        outcome["error"] = exc
        loop.quit()

    runner.submit(work, done, failed)
    if "desk" not in outcome and "error" not in outcome:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["desk"]


def _open_desk_in_background(runner: TaskRunner, url: str | None, window_modules: bool = False) -> Any:
    """Open the database on a worker (migrations, key) while the splash paints; returns Desk or error.
    ``window_modules``: the main window's modules are imported there too (while the first-page preview is
    on screen, so it stays responsive instead of freezing for the imports)."""

    def open_and_load() -> Any:
        from officer_desk.desk import open_desk

        desk = open_desk(url=url)
        _ = desk.catalogue, desk.calendar  # parsed here, not on the GUI thread
        if window_modules:
            import officer_desk.ui.main_window  # noqa: F401
        return desk

    return _in_background(runner, open_and_load)


def show_first_page(runner: TaskRunner, url: str | None, title: str) -> QueuePreview | None:
    """The queue's first page in the window's place before the desk opens (issue 17); None where it is not
    read (a set-up desk signs in first, a new home, any failure: the window then starts as before)."""
    from officer_desk.paths import Home
    from officer_desk.queue_first_page import read_first_page
    from officer_desk.ui.queue_preview import QueuePreview

    home = Home()
    preview = QueuePreview(home, title)
    sort, descending = preview.sort_order()
    rows = _in_background(runner, lambda: read_first_page(home, sort, descending, url))
    if not rows:
        preview.deleteLater()
        return None
    preview.show_rows(rows)
    return preview


def announce_upgrade(runner: TaskRunner, url: str | None, splash: StartupSplash,
                     preview: QueuePreview | None) -> bool:
    """Say so on screen when opening the desk will first upgrade an older database (once per version; at
    1,000,000 cases the upgrades of issue 17 take minutes), instead of a plain "Opening…"."""
    from officer_desk.paths import Home
    from officer_desk.queue_first_page import upgrade_pending

    home = Home()
    if not _in_background(runner, lambda: upgrade_pending(home, url)):
        return False
    message = QApplication.translate(
        "App", "Updating the database for this version of Officer Desk (once; a large desk can take "
               "several minutes)…")
    splash.show_message(message)
    if preview is not None:
        preview.show_status(message)
    return True


def _fatal(exc: BaseException) -> int:
    """A start-up failure: a message the officer understands, details without a traceback."""
    from officer_desk.logs import get_logger, redact

    get_logger().error("start-up failed: %s", redact("".join(traceback.format_exception(exc))))
    message, details = describe_error(exc)
    box = QMessageBox(QMessageBox.Icon.Critical, "Officer Desk", message, QMessageBox.StandardButton.Close)
    box.setDetailedText(details)
    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        print(message, file=sys.stderr)
        return 2
    box.exec()
    return 2


class Application:
    """The running window; rebuilt when the officer switches language in settings or another signs in."""

    def __init__(self, app: QApplication, desk: Any, translations: Translations, runner: TaskRunner,
                 session: Any = None) -> None:
        self.app = app
        self.desk = desk
        self.translations = translations
        self.runner = runner
        self.session = session  # accounts.DeskSession on a set-up home
        self.window: QWidget | None = None

    def show_window(self, preview: QueuePreview | None = None) -> Any:
        """The main window; with ``preview`` on screen, it shows the preview's rows at once (its own query
        for the same page replaces them a moment later) and the preview closes."""
        from officer_desk.ui.main_window import MainWindow

        window = MainWindow(self.desk, self.runner, session=self.session)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.language_change_requested.connect(self.switch_language)
        window.sign_out_requested.connect(self.next_officer)
        if preview is not None:
            from dataclasses import asdict

            from officer_desk.cases import CaseRow

            window.model.show_rows([CaseRow(**asdict(row)) for row in preview.model.rows])
        window.show()
        if preview is not None:
            preview.finish(window)
        self.window = window
        return window

    def next_officer(self) -> None:
        """After a sign-out: the window closes, the next officer signs in (or the program ends)."""
        from officer_desk.accounts.roles import Actor

        old = self.window
        self.window = None
        self.desk.act_as(Actor.nobody())
        if old is not None:
            old.close()
        if sign_in(self.desk, self.session, self.runner):
            self.show_window()
        else:
            self.app.quit()

    def switch_language(self, language: str) -> None:
        """Install the other catalogue and rebuild the window (geometry and columns are kept)."""
        old = self.window
        if old is not None:
            old.save_state()  # type: ignore[attr-defined]
        self.translations.switch(language)
        from officer_desk.config import load_config

        self.desk.config = load_config(self.desk.home)
        self.show_window()
        if old is not None:
            old.close()


def sign_in(desk: Any, session: Any, runner: TaskRunner) -> bool:
    """The sign-in dialog of a set-up desk; on success the desk acts as the signed-in account."""
    from officer_desk.ui.sign_in import SignInDialog

    dialog = SignInDialog(session, runner, desk.config.agency_name)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
        return False
    desk.act_as(dialog.actor)
    return True


def first_run(runner: TaskRunner, url: str | None) -> str:
    """On an empty home: the set-up wizard. Returns "office", "demo" or "" (closed: the program ends)."""
    from officer_desk.paths import Home

    home = Home()
    # A home with its database is not empty: the usual start never imports the set-up module (it loads
    # pyHanko for certificates, seconds before the first queue page on a loaded machine, issue 17).
    if url or os.environ.get("OFFICER_DESK_DATABASE_URL") or home.database.exists():
        return "existing"
    from officer_desk.accounts.setup import home_is_empty

    if not home_is_empty(home):
        return "existing"
    from officer_desk.ui.setup_wizard import SetupWizard

    wizard = SetupWizard(home, runner)
    if wizard.exec() != QDialog.DialogCode.Accepted:
        return ""
    return wizard.result_mode


def _window_title() -> str:
    """The main window's title (same source text and context, so the same translation)."""
    from officer_desk.config import load_config

    try:
        config = load_config()
    except DeskError:
        return "Officer Desk"
    return QApplication.translate("MainWindow", "Officer Desk — {agency}, desk {desk}").format(
        agency=config.agency_name, desk=config.desk_number)


def grab_window(window: QWidget, path: str) -> bool:
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    return bool(window.grab().save(str(target), "PNG"))


def run_app(args: argparse.Namespace) -> int:
    """Open the window; returns the process exit code."""
    from officer_desk.config import load_config
    from officer_desk.logs import get_logger

    early: list[StartupSplash] = []
    app = create_application(splash=early)
    get_logger()
    translations = Translations()
    language = getattr(args, "lang", None)
    try:
        language = language or load_config().language
    except DeskError:
        language = language or "vi"
    translations.switch(language)

    runner = TaskRunner(app)
    splash = early[0] if early else StartupSplash()
    if not splash.isVisible():
        splash.show_now()
    splash.show_message(QApplication.translate("App", "Opening the database…"))
    screenshot = getattr(args, "screenshot", None)
    mode = "existing" if screenshot else first_run(runner, getattr(args, "database", None))
    if not mode:
        splash.close()
        return 0
    preview = None
    if mode == "existing" and not screenshot:
        preview = show_first_page(runner, getattr(args, "database", None), _window_title())
        if preview is not None:
            splash.finish(preview)
        announce_upgrade(runner, getattr(args, "database", None), splash, preview)
    try:
        desk = _open_desk_in_background(runner, getattr(args, "database", None), window_modules=True)
        if mode == "demo":
            from officer_desk.demo import enable_demo_mode

            enable_demo_mode(desk)
            desk.close()
            desk = _open_desk_in_background(runner, getattr(args, "database", None))
    except Exception as exc:  # noqa: BLE001 - shown as a message, never a traceback
        splash.close()
        if preview is not None:
            preview.close()
        return _fatal(exc)
    session = None
    if desk.set_up:
        from officer_desk.accounts.service import AuthService, DeskSession

        session = DeskSession(AuthService(desk.db, desk.config.desk_number))
        splash.close()
        if not sign_in(desk, session, runner):
            runner.wait_for_done(10_000)
            desk.close()
            return 0
    application = Application(app, desk, translations, runner, session)
    window = application.show_window(preview)
    splash.finish(window)

    quit_after = getattr(args, "quit_after", None)
    if screenshot and quit_after is None:
        quit_after = DEFAULT_SCREENSHOT_DELAY
    status = {"code": 0}
    if quit_after is not None:
        def finish() -> None:
            if screenshot and application.window is not None:
                if not grab_window(application.window, screenshot):
                    status["code"] = 1
            if application.window is not None:
                application.window.close()
            app.quit()

        QTimer.singleShot(int(float(quit_after) * 1000), finish)
    code = app.exec()
    runner.wait_for_done(10_000)
    desk.close()
    return status["code"] or code
