file(REMOVE_RECURSE
  "CMakeFiles/folio_yaml.dir/empty_yaml.cpp.o"
  "CMakeFiles/folio_yaml.dir/empty_yaml.cpp.o.d"
  "libfolio_yaml.a"
  "libfolio_yaml.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/folio_yaml.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
