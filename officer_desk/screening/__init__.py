"""Dossier screening (pure rules in ``engine``; storing results in ``service``) and the procedure assistant."""

from officer_desk.screening.result import ENGINE_VERSION, FINDING_CODES, ScreeningFinding, ScreeningResult

__all__ = ["ENGINE_VERSION", "FINDING_CODES", "ScreeningFinding", "ScreeningResult"]
