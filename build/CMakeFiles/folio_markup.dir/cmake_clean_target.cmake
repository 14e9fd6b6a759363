file(REMOVE_RECURSE
  "libfolio_markup.a"
)
