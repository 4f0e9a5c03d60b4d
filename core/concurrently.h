// Two jobs at once, for the serial steps between parallel ones.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <system_error>
#include <thread>

namespace kg {

// Runs `beside` on a thread of its own while this thread runs `here`, when
// `parallel`; one after the other otherwise, or when no thread can be had.
// An exception from either is thrown here once both have ended. The jobs
// must not touch the same data.
template <typename Beside, typename Here>
void RunConcurrently(bool parallel, const Beside& beside, const Here& here) {
  if (!parallel) {
    beside();
    here();
    return;
  }
  std::exception_ptr failure;
  std::thread thread;
  try {
    thread = std::thread([&] {
      try {
        beside();
      } catch (...) {
        failure = std::current_exception();
      }
    });
  } catch (const std::system_error&) {
    beside();
    here();
    return;
  }
  try {
    here();
  } catch (...) {
    thread.join();
    throw;
  }
  thread.join();
  if (failure) std::rethrow_exception(failure);
}

// Sorts [begin, end) by `less`, its two halves on two threads when
// `parallel` and there are enough items, then merges them. `less` must be
// a total order (no two items equivalent): then the result is the same
// however the work was split.
template <typename Iterator, typename Less>
void SortConcurrently(bool parallel, Iterator begin, Iterator end, const Less& less) {
  constexpr std::ptrdiff_t kMinItems = 1 << 14;  // below it, a thread costs more than it saves
  if (!parallel || end - begin < kMinItems) {
    std::sort(begin, end, less);
    return;
  }
  const Iterator middle = begin + (end - begin) / 2;
  RunConcurrently(
      true, [&] { std::sort(begin, middle, less); }, [&] { std::sort(middle, end, less); });
  std::inplace_merge(begin, middle, end, less);
}

}  // namespace kg
