file(REMOVE_RECURSE
  "libfolio_image.a"
)
