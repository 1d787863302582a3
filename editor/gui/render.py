"""Document → Qt rich-text units for the preview: the one Qt document builder lives in
editor.export.qtdoc (shared with the PDF writer, so the preview is exactly what the PDF
prints); this module keeps the names the GUI imports."""
from __future__ import annotations

from ..export.qtdoc import (  # noqa: F401 — re-exported
    CONTENTS_ID, FIXED_IDS, PLACEHOLDER_STYLE, TITLE_ID, Unit, block_html, runs_html, unit_html, units,
)
