# Empty dependencies file for folio_image.
# This may be replaced when dependencies are built.
