// Pseudonyms, so that a map, a report or an export can be shared outside the
// coalition: people's names (and, at the `all` level, organizations' names)
// are replaced by stable pseudonyms derived from the row's id, so the same
// person is "Person K7QF" in every report and every year. Ids, which often
// spell a name ("avery-stone", "rb-clinic"), are replaced the same way, and
// the values of columns tablemap does not know (notes, websites, e-mail) are
// emptied, since they may name anyone. Sectors, generations, ties and roles
// stay as they are: the analyses give the same results.
//
// A pseudonym is a hash of the id, not a secret: whoever holds the original
// ids can recompute it, nobody else can recover a name. O(rows).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/community.hpp"

namespace tablemap {

enum class PseudonymLevel { none, people, all };
// "people" or "" (people), "all"; nullopt otherwise.
std::optional<PseudonymLevel> parse_pseudonym_level(std::string_view s);

Community pseudonymize(const Community& community, PseudonymLevel level);

}  // namespace tablemap
