# Writes OUTPUT defining AOTC_REVISION: the git commit of SOURCE_DIR,
# "-dirty" when tracked files differ from it, "unknown" outside git. Run at
# every build; the file is rewritten only when the revision changes, so
# only Version.cpp recompiles then.
execute_process(COMMAND git -C ${SOURCE_DIR} rev-parse --short=12 HEAD
  OUTPUT_VARIABLE revision OUTPUT_STRIP_TRAILING_WHITESPACE
  RESULT_VARIABLE failed ERROR_QUIET)
if(failed)
  set(revision unknown)
else()
  execute_process(
    COMMAND git -C ${SOURCE_DIR} status --porcelain --untracked-files=no
    OUTPUT_VARIABLE changes ERROR_QUIET)
  if(changes)
    string(APPEND revision -dirty)
  endif()
endif()
set(content "#define AOTC_REVISION \"${revision}\"\n")
if(EXISTS ${OUTPUT})
  file(READ ${OUTPUT} old)
endif()
if(NOT old STREQUAL content)
  file(WRITE ${OUTPUT} "${content}")
endif()
