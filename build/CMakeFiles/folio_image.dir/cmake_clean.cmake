file(REMOVE_RECURSE
  "CMakeFiles/folio_image.dir/empty_image.cpp.o"
  "CMakeFiles/folio_image.dir/empty_image.cpp.o.d"
  "libfolio_image.a"
  "libfolio_image.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/folio_image.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
