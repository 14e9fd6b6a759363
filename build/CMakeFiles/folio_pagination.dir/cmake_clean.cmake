file(REMOVE_RECURSE
  "CMakeFiles/folio_pagination.dir/empty_pagination.cpp.o"
  "CMakeFiles/folio_pagination.dir/empty_pagination.cpp.o.d"
  "libfolio_pagination.a"
  "libfolio_pagination.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/folio_pagination.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
