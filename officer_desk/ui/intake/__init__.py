"""The intake dialog (a new dossier at the counter), split into the form, its widgets and its checks."""

from officer_desk.ui.intake.form import IntakeDialog
from officer_desk.ui.intake.validators import field_problem, parse_date, tax_code_valid
from officer_desk.ui.intake.widgets import DocumentChecklist, FieldEditor, ProcedureFilter, ProcedurePicker

__all__ = ["DocumentChecklist", "FieldEditor", "IntakeDialog", "ProcedureFilter", "ProcedurePicker", "field_problem",
           "parse_date", "tax_code_valid"]
