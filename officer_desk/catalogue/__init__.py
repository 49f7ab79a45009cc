"""The procedure catalogue: administrative procedures are data (resources/procedures/*.yaml).

``model`` (what a procedure is), ``parser`` (one YAML file, problems located by line and key),
``loader`` (shipped files overlaid with the home's, cached), ``texts`` (processing time, fee in words).
Schema: docs/catalogue.md.
"""

from officer_desk.catalogue.loader import (
    catalogue_files,
    check_directory,
    clear_cache,
    load_catalogue,
    shipped_procedures_dir,
)
from officer_desk.catalogue.model import (
    Catalogue,
    CatalogueProblem,
    Condition,
    DeclarationField,
    DocumentRequirement,
    Procedure,
    iter_condition,
    representative_filing,
    truthy,
)
from officer_desk.catalogue.parser import parse_procedure_file
from officer_desk.catalogue.texts import fee_text, processing_text

__all__ = [
    "Catalogue", "CatalogueProblem", "Condition", "DeclarationField", "DocumentRequirement", "Procedure",
    "catalogue_files", "check_directory", "clear_cache", "fee_text", "iter_condition", "load_catalogue",
    "parse_procedure_file", "processing_text", "representative_filing", "shipped_procedures_dir", "truthy",
]
