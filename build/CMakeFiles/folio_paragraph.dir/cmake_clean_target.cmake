file(REMOVE_RECURSE
  "libfolio_paragraph.a"
)
