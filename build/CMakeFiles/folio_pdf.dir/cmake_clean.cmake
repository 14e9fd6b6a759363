file(REMOVE_RECURSE
  "CMakeFiles/folio_pdf.dir/empty_pdf.cpp.o"
  "CMakeFiles/folio_pdf.dir/empty_pdf.cpp.o.d"
  "libfolio_pdf.a"
  "libfolio_pdf.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/folio_pdf.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
