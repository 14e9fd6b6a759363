file(REMOVE_RECURSE
  "libfolio_style.a"
)
