file(REMOVE_RECURSE
  "libfolio_yaml.a"
)
