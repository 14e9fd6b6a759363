file(REMOVE_RECURSE
  "CMakeFiles/folio_base.dir/src/base/Diagnostics.cpp.o"
  "CMakeFiles/folio_base.dir/src/base/Diagnostics.cpp.o.d"
  "CMakeFiles/folio_base.dir/src/base/Utf8.cpp.o"
  "CMakeFiles/folio_base.dir/src/base/Utf8.cpp.o.d"
  "libfolio_base.a"
  "libfolio_base.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/folio_base.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
