#include "core/pseudonymize.hpp"

#include <cstdint>
#include <unordered_set>

namespace tablemap {
namespace {

uint64_t fnv1a(std::string_view s, uint64_t salt) {
  uint64_t h = 14695981039346656037ull ^ salt;
  for (char ch : s) {
    h ^= static_cast<unsigned char>(ch);
    h *= 1099511628211ull;
  }
  return h;
}

// Four letters or digits (no 0/O or 1/I, which read alike), more when two ids collide.
class Pseudonyms {
 public:
  explicit Pseudonyms(uint64_t salt) : salt_(salt) {}
  std::string code(std::string_view id) {
    for (uint64_t attempt = 0;; ++attempt) {
      uint64_t h = fnv1a(id, salt_ + attempt);
      std::string out;
      for (int i = 0; i < 4 + int(attempt / 8); ++i, h /= 32) out += kAlphabet[h % 32];
      if (used_.insert(out).second) return out;
    }
  }

 private:
  static constexpr const char* kAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  uint64_t salt_;
  std::unordered_set<std::string> used_;
};

std::string capitalized(std::string s) {
  for (char& ch : s)
    if (ch == '_') ch = ' ';
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = char(s[0] - 'a' + 'A');
  return s;
}

// Empties the columns tablemap does not know and forgets each row's text as
// typed, so that writers build every row from the values left (a row kept
// as typed would carry its notes and names out).
template <class Row>
void clear_extra(Table<Row>& table) {
  for (Row& row : table.edit()) {
    for (std::string& cell : row.extra) cell.clear();
    row.typed_text.forget_row();
  }
}

}  // namespace

std::optional<PseudonymLevel> parse_pseudonym_level(std::string_view s) {
  if (s.empty() || s == "people") return PseudonymLevel::people;
  if (s == "all") return PseudonymLevel::all;
  return std::nullopt;
}

Community pseudonymize(const Community& community, PseudonymLevel level) {
  Community c = community;
  if (level == PseudonymLevel::none) return c;
  Pseudonyms people(1);
  for (Person& p : c.people.edit()) {
    const std::string code = people.code(p.id);
    p.name = "Person " + code;
    p.id = "person-" + to_lower(code);
  }
  clear_extra(c.people);
  clear_extra(c.organizations);
  clear_extra(c.ties);
  clear_extra(c.roles);
  if (level == PseudonymLevel::all) {
    Pseudonyms orgs(2);
    for (Organization& o : c.organizations.edit()) {
      const std::string code = orgs.code(o.id);
      o.name = capitalized(c.profile.sectors[o.sector]) + " organization " + code;
      o.id = "org-" + to_lower(code);
    }
  }
  return c;
}

}  // namespace tablemap
