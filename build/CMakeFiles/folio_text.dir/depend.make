# Empty dependencies file for folio_text.
# This may be replaced when dependencies are built.
