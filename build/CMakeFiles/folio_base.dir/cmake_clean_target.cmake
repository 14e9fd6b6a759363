file(REMOVE_RECURSE
  "libfolio_base.a"
)
