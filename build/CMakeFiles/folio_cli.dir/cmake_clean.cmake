file(REMOVE_RECURSE
  "CMakeFiles/folio_cli.dir/empty_cli.cpp.o"
  "CMakeFiles/folio_cli.dir/empty_cli.cpp.o.d"
  "libfolio_cli.a"
  "libfolio_cli.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/folio_cli.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
