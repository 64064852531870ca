# SPDX-FileCopyrightText: 2026 The Increase Connections authors
# SPDX-License-Identifier: GPL-3.0-or-later
# The version comes from one place, project(VERSION) in the top-level CMakeLists.txt
# (IC_VERSION, compiled into every target). Built from a git checkout, `--version` also
# names the commit: `git describe --always --dirty`, taken when CMake configures. A commit,
# checkout or reset (the reflog, .git/logs/HEAD) makes the next build configure again;
# edits alone do not: run `cmake --preset default` to see "-dirty" appear. A tarball has no
# .git and no such suffix.
#
# The suffix lives in a generated header, icversion.h (target icversion), that only the
# few files printing the version include: a new commit rebuilds those, not everything.
set(IC_GIT_DESCRIBE "")
if(EXISTS "${PROJECT_SOURCE_DIR}/.git")
  find_package(Git QUIET)
  if(GIT_FOUND)
    execute_process(COMMAND "${GIT_EXECUTABLE}" describe --always --dirty
                    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
                    OUTPUT_VARIABLE IC_GIT_DESCRIBE OUTPUT_STRIP_TRAILING_WHITESPACE
                    RESULT_VARIABLE _ic_git_result ERROR_QUIET)
    if(NOT _ic_git_result EQUAL 0)
      set(IC_GIT_DESCRIBE "")
    endif()
    execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --absolute-git-dir
                    WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
                    OUTPUT_VARIABLE _ic_git_dir OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    if(_ic_git_dir AND EXISTS "${_ic_git_dir}/logs/HEAD")
      set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
                   "${_ic_git_dir}/logs/HEAD")
    endif()
  endif()
endif()
if(IC_GIT_DESCRIBE)
  set(IC_VERSION_SUFFIX " (${IC_GIT_DESCRIBE})")
  message(STATUS "Version: ${PROJECT_VERSION} (${IC_GIT_DESCRIBE})")
else()
  set(IC_VERSION_SUFFIX "")
  message(STATUS "Version: ${PROJECT_VERSION}")
endif()

# configure_file rewrites the header only when its text changes.
configure_file("${CMAKE_CURRENT_LIST_DIR}/icversion.h.in"
               "${PROJECT_BINARY_DIR}/generated/icversion.h" @ONLY)
add_library(icversion INTERFACE)
target_include_directories(icversion INTERFACE "${PROJECT_BINARY_DIR}/generated")
