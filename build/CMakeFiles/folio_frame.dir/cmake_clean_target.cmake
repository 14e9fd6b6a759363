file(REMOVE_RECURSE
  "libfolio_frame.a"
)
