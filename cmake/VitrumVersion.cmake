# The git commit goes into provenance records; outside a checkout it is "unknown".
set(VITRUM_GIT_COMMIT "unknown")
find_package(Git QUIET)
if(GIT_FOUND AND EXISTS "${PROJECT_SOURCE_DIR}/.git")
  execute_process(COMMAND "${GIT_EXECUTABLE}" rev-parse --short=12 HEAD
                  WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
                  OUTPUT_VARIABLE _vitrum_commit OUTPUT_STRIP_TRAILING_WHITESPACE
                  ERROR_QUIET RESULT_VARIABLE _vitrum_git_rc)
  if(_vitrum_git_rc EQUAL 0 AND _vitrum_commit)
    set(VITRUM_GIT_COMMIT "${_vitrum_commit}")
  endif()
endif()
