# SPDX-License-Identifier: GPL-3.0-or-later
# cmake -DCOMPILER=c++ -DSOURCE=file.cpp -DLOWER_ROOT=dir -DUPPER_ROOT=dir -P checklayering.cmake
execute_process(COMMAND ${COMPILER} -std=c++20 -fsyntax-only -I${LOWER_ROOT} ${SOURCE}
                RESULT_VARIABLE lower_result ERROR_VARIABLE lower_error)
if(lower_result EQUAL 0)
  message(FATAL_ERROR "an upward include compiled with the lower layer's include root ${LOWER_ROOT}")
endif()
if(NOT lower_error MATCHES "client/clientstate.h")
  message(FATAL_ERROR "the upward include failed for another reason:\n${lower_error}")
endif()
execute_process(COMMAND ${COMPILER} -std=c++20 -fsyntax-only -I${UPPER_ROOT} ${SOURCE}
                RESULT_VARIABLE upper_result ERROR_VARIABLE upper_error)
if(NOT upper_result EQUAL 0)
  message(FATAL_ERROR "the include did not compile with its own layer's root ${UPPER_ROOT}:\n${upper_error}")
endif()
message(STATUS "an upward include fails; the same include from its own layer compiles")
