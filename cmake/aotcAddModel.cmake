# aotc_add_model(TARGET <target> MODEL <model.onnx> CPU <target-cpu>
#                [NAME <name>] [INPUT_SHAPES <name:shape>...]
#                [INPUT_VALUES <name=v1,v2,...|name:file.npy>...]
#                [WEIGHTS_SECTION <section>] [DEPENDS <file>...]
#                [OPTIONS <aotc flag>...])
#
# Compiles MODEL in library mode for CPU (any --target aotc takes:
# x86-64-v3, cortex-a78, cortex-m7, ...) into <target>'s folder of the
# build tree: NAME.o and NAME.h (NAME defaults to TARGET; symbols are
# aotc_NAME_run, AOTC_NAME_ARENA_SIZE, ...). <target> is an interface
# library: linking it adds the object to the program and the header's folder
# to its include path. The object is rebuilt when the model (or a DEPENDS
# file, e.g. its external data) or aotc changes.
function(aotc_add_model)
  cmake_parse_arguments(PARSE_ARGV 0 ARG "" "TARGET;MODEL;CPU;NAME;WEIGHTS_SECTION"
    "INPUT_SHAPES;INPUT_VALUES;DEPENDS;OPTIONS")
  foreach(required TARGET MODEL CPU)
    if(NOT ARG_${required})
      message(FATAL_ERROR "aotc_add_model: ${required} is required")
    endif()
  endforeach()
  if(ARG_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "aotc_add_model: unknown arguments ${ARG_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT ARG_NAME)
    set(ARG_NAME ${ARG_TARGET})
  endif()

  get_filename_component(model "${ARG_MODEL}" ABSOLUTE)
  set(dir "${CMAKE_CURRENT_BINARY_DIR}/aotc/${ARG_TARGET}")
  set(object "${dir}/${ARG_NAME}.o")
  set(header "${dir}/${ARG_NAME}.h")
  set(flags --target=${ARG_CPU} --name=${ARG_NAME})
  foreach(shape IN LISTS ARG_INPUT_SHAPES)
    list(APPEND flags --input-shape=${shape})
  endforeach()
  foreach(value IN LISTS ARG_INPUT_VALUES)
    list(APPEND flags --input-value=${value})
  endforeach()
  if(ARG_WEIGHTS_SECTION)
    list(APPEND flags --weights-section=${ARG_WEIGHTS_SECTION})
  endif()

  add_custom_command(
    OUTPUT "${object}" "${header}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${dir}"
    COMMAND "${AOTC_EXECUTABLE}" "${model}" ${flags} ${ARG_OPTIONS}
            -c -o "${object}" --header "${header}"
    DEPENDS "${model}" ${ARG_DEPENDS} "${AOTC_EXECUTABLE}"
    COMMENT "aotc: compiling ${ARG_MODEL} for ${ARG_CPU}"
    VERBATIM)
  add_custom_target(${ARG_TARGET}_aotc DEPENDS "${object}" "${header}")

  add_library(${ARG_TARGET} INTERFACE)
  target_sources(${ARG_TARGET} INTERFACE "${object}")
  target_include_directories(${ARG_TARGET} INTERFACE "${dir}")
  add_dependencies(${ARG_TARGET} ${ARG_TARGET}_aotc)
endfunction()
