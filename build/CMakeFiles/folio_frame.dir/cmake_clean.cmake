file(REMOVE_RECURSE
  "CMakeFiles/folio_frame.dir/empty_frame.cpp.o"
  "CMakeFiles/folio_frame.dir/empty_frame.cpp.o.d"
  "libfolio_frame.a"
  "libfolio_frame.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/folio_frame.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
