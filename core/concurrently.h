// Two jobs at once, for the serial steps between parallel ones.
#pragma once

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

}  // namespace kg
