file(REMOVE_RECURSE
  "CMakeFiles/folio.dir/src/main.cpp.o"
  "CMakeFiles/folio.dir/src/main.cpp.o.d"
  "folio"
  "folio.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/folio.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
