# Empty dependencies file for folio.
# This may be replaced when dependencies are built.
