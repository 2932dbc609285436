#include "app/pseudonymize_option.hpp"

#include <cstdio>

#include "core/pseudonymize.hpp"

namespace tablemap::app {

std::shared_ptr<PseudonymizeOption> add_pseudonymize_option(CLI::App* cmd) {
  auto state = std::make_shared<PseudonymizeOption>();
  cmd->add_option_function<std::string>(
         "--pseudonymize",
         [state](const std::string& v) {
           state->given = true;
           state->value = v;
         },
         "replace people's names by stable pseudonyms (\"all\": organizations' names too), to share outside "
         "the coalition")
      ->expected(0, 1)
      ->check(CLI::IsMember({"", "people", "all"}));
  return state;
}

std::optional<Community> apply_pseudonymize(const PseudonymizeOption& option, Community community) {
  if (!option.given) return community;
  auto level = parse_pseudonym_level(option.value);
  if (!level) {
    std::fprintf(stderr, "tablemap: --pseudonymize takes \"people\" or \"all\"\n");
    return std::nullopt;
  }
  std::printf("pseudonyms: %s replaced; columns tablemap does not know emptied\n",
              *level == PseudonymLevel::all ? "names and ids of people and organizations"
                                            : "people's names and ids");
  return pseudonymize(community, *level);
}

}  // namespace tablemap::app
