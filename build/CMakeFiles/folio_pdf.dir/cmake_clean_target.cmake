file(REMOVE_RECURSE
  "libfolio_pdf.a"
)
