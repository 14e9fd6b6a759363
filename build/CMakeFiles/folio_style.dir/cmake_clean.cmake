file(REMOVE_RECURSE
  "CMakeFiles/folio_style.dir/empty_style.cpp.o"
  "CMakeFiles/folio_style.dir/empty_style.cpp.o.d"
  "libfolio_style.a"
  "libfolio_style.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/folio_style.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
