file(REMOVE_RECURSE
  "CMakeFiles/folio_paragraph.dir/empty_paragraph.cpp.o"
  "CMakeFiles/folio_paragraph.dir/empty_paragraph.cpp.o.d"
  "libfolio_paragraph.a"
  "libfolio_paragraph.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/folio_paragraph.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
