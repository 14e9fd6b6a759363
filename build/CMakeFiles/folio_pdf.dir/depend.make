# Empty dependencies file for folio_pdf.
# This may be replaced when dependencies are built.
