file(REMOVE_RECURSE
  "CMakeFiles/folio_markup.dir/empty_markup.cpp.o"
  "CMakeFiles/folio_markup.dir/empty_markup.cpp.o.d"
  "libfolio_markup.a"
  "libfolio_markup.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/folio_markup.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
