// libFuzzer target: any bytes through the routine loader, composition, the plan, the session
// and the renderer, as a shared routine pack would arrive. It must never crash, hang or leak;
// errors are fine.
//
// The input is a small pack: files separated by a line "----". The first is the routine
// loaded; the others are "a.json", "b.json", … which it (and they) may include by name
// ("a") or by path ("./a.json"), through an in-memory resolver, so include cycles, depth,
// "with" and repeat are fuzzed too. The first file is also read as a programme (weeks of
// routines that grow), whose routines are the pack's.
//   cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER=clang++ -DBACKCARE_FUZZ=ON
//   cmake --build build-fuzz --target fuzz_loader
//   build-fuzz/fuzz/fuzz_loader -max_total_time=60 -dict=fuzz/routine.dict NEW_DIR fuzz/corpus
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "display/render.hpp"
#include "programme/programme.hpp"
#include "programme/programme_view.hpp"
#include "routine/loader.hpp"
#include "routine/plan.hpp"
#include "session/session.hpp"

namespace {

using namespace backcare;

constexpr std::string_view k_separator = "\n----\n";
constexpr std::size_t k_max_files = 8;

std::vector<std::string_view> split_pack(std::string_view input) {
  std::vector<std::string_view> files;
  while (files.size() + 1 < k_max_files) {
    const auto at = input.find(k_separator);
    if (at == std::string_view::npos) {
      break;
    }
    files.push_back(input.substr(0, at));
    input.remove_prefix(at + k_separator.size());
  }
  files.push_back(input);
  return files;
}

// Resolves "a", "./a.json" and "a.json" to the pack's second file, "b" to the third, and so on.
class PackResolver final : public RoutineResolver {
 public:
  explicit PackResolver(const std::vector<std::string_view>& files) : m_files(files) {}

  std::variant<Found, std::string> resolve(const std::string& ref,
                                           const std::string& /*from_source*/) const override {
    std::string_view name = ref;
    if (name.starts_with("./")) {
      name.remove_prefix(2);
    }
    if (name.ends_with(".json")) {
      name.remove_suffix(5);
    }
    if (name.size() == 1 && name[0] >= 'a' && name[0] < 'a' + static_cast<int>(k_max_files)) {
      const auto index = static_cast<std::size_t>(name[0] - 'a') + 1;
      if (index < m_files.size()) {
        const std::string file = std::string(name) + ".json";
        return Found{std::string(m_files[index]), file, "pack:" + file};
      }
    }
    return std::string("no such routine in the pack");
  }

 private:
  const std::vector<std::string_view>& m_files;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::vector<std::string_view> files = split_pack(input);
  const PackResolver resolver(files);
  LoadOptions options;
  options.resolver = &resolver;
  options.key = "pack:main.json";
  const ProgrammeLoad programme = load_programme(files[0], "main.json", &resolver);
  if (programme.ok()) {
    (void)describe_programme(programme.programme, 40);
  }
  for (const auto& error : programme.errors) {
    (void)error.format();
  }
  const LoadResult loaded = load_routine(files[0], "main.json", options);
  for (const auto& error : loaded.errors) {
    (void)error.format();
  }
  if (!loaded.ok()) {
    return 0;
  }
  const Plan plan = expand(loaded.routine).plan;
  Session session(plan, {100.0, 0, 0, std::nullopt});
  session.start(TimePoint{0});
  (void)render_frame(plan, session.view(TimePoint{1'000'000}), {40, true});
  return 0;
}
