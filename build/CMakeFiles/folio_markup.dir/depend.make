# Empty dependencies file for folio_markup.
# This may be replaced when dependencies are built.
