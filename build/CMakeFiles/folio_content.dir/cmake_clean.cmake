file(REMOVE_RECURSE
  "CMakeFiles/folio_content.dir/empty_content.cpp.o"
  "CMakeFiles/folio_content.dir/empty_content.cpp.o.d"
  "libfolio_content.a"
  "libfolio_content.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/folio_content.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
