# Empty dependencies file for folio_base.
# This may be replaced when dependencies are built.
