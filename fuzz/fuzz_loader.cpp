// libFuzzer target: any bytes through the routine loader and the plan, as a shared routine
// file would arrive. It must never crash, hang or leak; errors are fine.
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DBACKCARE_FUZZ=ON
//   cmake --build build-fuzz --target fuzz_loader
//   build-fuzz/fuzz/fuzz_loader -max_total_time=60 fuzz/corpus
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "loader.hpp"
#include "plan.hpp"
#include "render.hpp"
#include "session.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace backcare;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const LoadResult loaded = load_routine(text, "fuzz.json");
  for (const auto& error : loaded.errors) {
    (void)error.format();
  }
  if (!loaded.ok()) {
    return 0;
  }
  const Plan plan = expand(loaded.routine).plan;
  Session session(plan, {100.0, 0, 0});
  session.start(TimePoint{0});
  (void)render_frame(plan, session.view(TimePoint{1'000'000}), {40, true});
  return 0;
}
