file(REMOVE_RECURSE
  "libfolio_linebreak.a"
)
