# Empty compiler generated dependencies file for folio_style.
# This may be replaced when dependencies are built.
