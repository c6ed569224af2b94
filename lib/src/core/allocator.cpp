// vitrum — C++17 toolkit for glass-stability analysis.
// SPDX-License-Identifier: MIT (see LICENSE).
#include <cstdlib>  // defines __GLIBC__ (through <features.h>) on glibc systems
#include <vitrum/core/allocator.hpp>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace vitrum {

void keep_freed_memory() noexcept {
#if defined(__GLIBC__)
    // 32 MiB is the largest mmap threshold glibc accepts on 64-bit systems (HEAP_MAX / 2); setting
    // it also stops glibc from moving the threshold by itself.
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
}

}  // namespace vitrum
