file(REMOVE_RECURSE
  "libfolio_text.a"
)
