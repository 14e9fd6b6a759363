# Empty dependencies file for folio_content.
# This may be replaced when dependencies are built.
