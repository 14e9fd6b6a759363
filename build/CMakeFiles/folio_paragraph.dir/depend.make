# Empty dependencies file for folio_paragraph.
# This may be replaced when dependencies are built.
