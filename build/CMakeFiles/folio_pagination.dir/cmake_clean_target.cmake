file(REMOVE_RECURSE
  "libfolio_pagination.a"
)
