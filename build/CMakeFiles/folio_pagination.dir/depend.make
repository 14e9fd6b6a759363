# Empty dependencies file for folio_pagination.
# This may be replaced when dependencies are built.
