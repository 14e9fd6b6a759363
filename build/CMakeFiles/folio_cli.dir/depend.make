# Empty dependencies file for folio_cli.
# This may be replaced when dependencies are built.
