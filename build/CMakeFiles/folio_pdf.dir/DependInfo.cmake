
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/build/empty_pdf.cpp" "CMakeFiles/folio_pdf.dir/empty_pdf.cpp.o" "gcc" "CMakeFiles/folio_pdf.dir/empty_pdf.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build/CMakeFiles/folio_frame.dir/DependInfo.cmake"
  "/work/main/build/CMakeFiles/folio_image.dir/DependInfo.cmake"
  "/work/main/build/CMakeFiles/folio_text.dir/DependInfo.cmake"
  "/work/main/build/CMakeFiles/folio_base.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
