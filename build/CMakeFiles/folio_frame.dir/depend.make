# Empty dependencies file for folio_frame.
# This may be replaced when dependencies are built.
