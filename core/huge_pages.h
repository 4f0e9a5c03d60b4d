// Memory for large tables read at random for the whole run (the tagger's
// weights): a lookup in a table of megabytes on 4 KiB pages misses the TLB
// most of the time, on 2 MiB pages it rarely does.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>
#include <vector>

#include <sys/mman.h>

namespace kg {

inline constexpr size_t kHugePageBytes = size_t{2} << 20;

// A std::vector allocator: blocks of a huge page or more are aligned to
// one and offered to the kernel as transparent huge pages before they are
// touched (madvise; the kernel may decline, and nothing else changes);
// smaller blocks come from the heap as usual. Only these tables get huge
// pages, not the whole heap: elsewhere they cost more in zeroing and
// faults than they save.
template <typename T>
struct HugePageAllocator {
  using value_type = T;

  HugePageAllocator() = default;
  template <typename U>
  explicit HugePageAllocator(const HugePageAllocator<U>& /*other*/) noexcept {}

  static bool IsHuge(size_t n) { return n * sizeof(T) >= kHugePageBytes; }

  T* allocate(size_t n) {
    if (!IsHuge(n)) return std::allocator<T>{}.allocate(n);
    const size_t bytes = (n * sizeof(T) + kHugePageBytes - 1) / kHugePageBytes * kHugePageBytes;
    void* block = std::aligned_alloc(kHugePageBytes, bytes);
    if (block == nullptr) throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    ::madvise(block, bytes, MADV_HUGEPAGE);
#endif
    return static_cast<T*>(block);
  }

  void deallocate(T* block, size_t n) noexcept {
    if (!IsHuge(n)) return std::allocator<T>{}.deallocate(block, n);
    std::free(block);
  }

  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) = default;
};

template <typename T>
using HugePageVector = std::vector<T, HugePageAllocator<T>>;

}  // namespace kg
