#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds a libFuzzer target with clang outside the main (g++) build and runs it.
#   [FUZZ_TARGET=fuzz_codec|fuzz_session] run_fuzz.sh SOURCE_DIR WORK_DIR SECONDS [libFuzzer args...]
# fuzz_codec (the default) drives the framer and codec, fuzz_session the session behind them.
# New inputs go to WORK_DIR/corpus, crash reproducers to WORK_DIR/. Exits non-zero on a crash.
set -eu

source_dir=$1
work_dir=$2
seconds=$3
shift 3

cxx=${CLANG_CXX:-clang++}
mkdir -p "$work_dir/corpus"

if pkg-config --exists Qt6Core 2>/dev/null; then
    qt_cflags=$(pkg-config --cflags Qt6Core)
    qt_libs=$(pkg-config --libs Qt6Core)
else
    qt_cflags="-I/usr/include/x86_64-linux-gnu/qt6 -I/usr/include/x86_64-linux-gnu/qt6/QtCore"
    qt_libs="-lQt6Core"
fi

target=${FUZZ_TARGET:-fuzz_codec}
sources="$source_dir/tests/fuzz/$target.cpp $(ls "$source_dir"/core/protocol/*.cpp)"
watched="$source_dir/core/protocol $source_dir/tests/fuzz/$target.cpp"
if [ "$target" = fuzz_session ]; then
    for part in session publishqueue packetidallocator outboundtopicaliases inboundtopicaliases \
                clientlogging outgoingpacket; do
        sources="$sources $source_dir/core/client/$part.cpp"
    done
    watched="$watched $source_dir/core/client"
fi
binary="$work_dir/$target"

# Rebuild only when a source or header is newer than the binary: compiling with sanitizers is slow.
# shellcheck disable=SC2086
stale=$(find $watched -newer "$binary" 2>/dev/null | head -n 1 || true)
if [ ! -x "$binary" ] || [ -n "$stale" ]; then
    echo "building $binary with $cxx"
    # Qt is built with -reduce-relocations, so code using it must be position independent.
    # shellcheck disable=SC2086
    "$cxx" -std=c++20 -g -O1 -fPIC \
        -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
        -DQT_NO_CAST_FROM_ASCII -DQT_NO_CAST_TO_ASCII -DQT_NO_CAST_FROM_BYTEARRAY -DQT_NO_FOREACH \
        -I"$source_dir/core" $qt_cflags $sources $qt_libs -o "$binary.tmp"
    mv "$binary.tmp" "$binary"
fi

# ASan records a stack for every block allocated and freed, walking frame pointers. Qt is built
# without them, so past the first caller the stack of a block that Qt allocates is whatever lies
# on the stack, new nearly every time, and ASan keeps every distinct one: 2.6 million stacks and
# 128 MB after 45 s, the memory that kept growing. Two frames, allocator and caller, are all that
# is real there. A crash's own stack is unaffected; for deeper allocation stacks rerun its
# reproducer with ASAN_OPTIONS=malloc_context_size=30:fast_unwind_on_malloc=0 (slow but right).
# The caller's ASAN_OPTIONS come last and win.
ASAN_OPTIONS="malloc_context_size=2${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
export ASAN_OPTIONS

# -max_len: 1024 bytes hold whole packets with 1- and 2-byte remaining lengths (the step from 127
# to 128 is at 130 bytes) and runs of several packets. 3- and 4-byte lengths need bodies of 16 KB
# and more, which the framer judges from the header alone, and the codec reads and writes 3- and
# 4-byte variable byte integers in subscription identifiers. Up to 4096 (libFuzzer's default,
# unless a corpus file is larger) added no coverage in 3 minutes, only framing work.
exec "$binary" -max_total_time="$seconds" -max_len=1024 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$work_dir/" "$@" "$work_dir/corpus" \
    "$source_dir/tests/fuzz/corpus"
