
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/main/build/empty_paragraph.cpp" "CMakeFiles/folio_paragraph.dir/empty_paragraph.cpp.o" "gcc" "CMakeFiles/folio_paragraph.dir/empty_paragraph.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/main/build/CMakeFiles/folio_text.dir/DependInfo.cmake"
  "/work/main/build/CMakeFiles/folio_linebreak.dir/DependInfo.cmake"
  "/work/main/build/CMakeFiles/folio_markup.dir/DependInfo.cmake"
  "/work/main/build/CMakeFiles/folio_style.dir/DependInfo.cmake"
  "/work/main/build/CMakeFiles/folio_frame.dir/DependInfo.cmake"
  "/work/main/build/CMakeFiles/folio_yaml.dir/DependInfo.cmake"
  "/work/main/build/CMakeFiles/folio_base.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
