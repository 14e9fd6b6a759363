file(REMOVE_RECURSE
  "CMakeFiles/folio_linebreak.dir/empty_linebreak.cpp.o"
  "CMakeFiles/folio_linebreak.dir/empty_linebreak.cpp.o.d"
  "libfolio_linebreak.a"
  "libfolio_linebreak.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/folio_linebreak.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
