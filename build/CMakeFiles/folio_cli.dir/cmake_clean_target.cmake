file(REMOVE_RECURSE
  "libfolio_cli.a"
)
