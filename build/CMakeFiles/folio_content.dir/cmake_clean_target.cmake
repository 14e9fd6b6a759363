file(REMOVE_RECURSE
  "libfolio_content.a"
)
