# Empty compiler generated dependencies file for folio_linebreak.
# This may be replaced when dependencies are built.
