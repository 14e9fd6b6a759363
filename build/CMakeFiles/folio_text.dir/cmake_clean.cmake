file(REMOVE_RECURSE
  "CMakeFiles/folio_text.dir/empty_text.cpp.o"
  "CMakeFiles/folio_text.dir/empty_text.cpp.o.d"
  "libfolio_text.a"
  "libfolio_text.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/folio_text.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
