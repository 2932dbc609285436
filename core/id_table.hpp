// id -> row index, for a million ids: open addressing with linear probing
// over one flat array. The ids themselves stay in the rows; a slot holds 32
// bits of the id's hash and the row, so a lookup touches one cache line and
// compares one id in the common case. (std::unordered_map spent a third of
// the load time of a 1,000,000-organization bundle chasing its nodes.)
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace tablemap {

// Brings in the first 32 bytes of a row that starts with its id (a short
// std::string keeps its text there, which may straddle two cache lines).
inline void prefetch_id_of_row(const void* row) {
  const char* start = static_cast<const char*>(row);
  __builtin_prefetch(start);
  __builtin_prefetch(start + 31);
}

class IdTable {
 public:
  void clear() {
    slots_.clear();
    size_ = 0;
  }
  void reserve(size_t n) {
    size_t capacity = 16;
    while (capacity < 2 * n) capacity *= 2;
    if (capacity > slots_.size()) rehash(capacity);
  }
  size_t size() const { return size_; }

  // Adds id -> row unless the id is there; returns the row already holding it.
  // `id_of(row)` gives the id of a row.
  template <class IdOf>
  std::optional<uint32_t> insert(std::string_view id, uint32_t row, IdOf&& id_of) {
    if (2 * (size_ + 1) > slots_.size()) rehash(slots_.empty() ? 16 : 2 * slots_.size());
    const uint32_t h = hash(id);
    for (size_t i = h & mask();; i = (i + 1) & mask()) {
      const uint64_t slot = slots_[i];
      if (slot == 0) {
        slots_[i] = (uint64_t(h) << 32) | (uint64_t(row) + 1);
        ++size_;
        return std::nullopt;
      }
      if (uint32_t(slot >> 32) == h && id_of(uint32_t(slot) - 1) == id) return uint32_t(slot) - 1;
    }
  }

  template <class IdOf>
  std::optional<uint32_t> find(std::string_view id, IdOf&& id_of) const {
    if (slots_.empty()) return std::nullopt;
    const uint32_t h = hash(id);
    for (size_t i = h & mask();; i = (i + 1) & mask()) {
      const uint64_t slot = slots_[i];
      if (slot == 0) return std::nullopt;
      if (uint32_t(slot >> 32) == h && id_of(uint32_t(slot) - 1) == id) return uint32_t(slot) - 1;
    }
  }

  // Cache hints for a lookup coming soon (a national ties file looks up
  // millions of ids in no order, each a cache miss in the table and one in
  // the row): the first brings in the slot `id` hashes to; the second, once
  // that slot is in, the row it names, through `row_address(row)`.
  void prefetch_slot(std::string_view id) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[hash(id) & mask()]);
  }
  template <class RowAddress>
  void prefetch_row(std::string_view id, RowAddress&& row_address) const {
    if (slots_.empty()) return;
    const uint32_t h = hash(id);
    const uint64_t slot = slots_[h & mask()];
    if (slot != 0 && uint32_t(slot >> 32) == h) prefetch_id_of_row(row_address(uint32_t(slot) - 1));
  }

 private:
  static uint32_t hash(std::string_view id) {
    const uint64_t h = std::hash<std::string_view>{}(id);
    return uint32_t(h ^ (h >> 32));
  }
  size_t mask() const { return slots_.size() - 1; }
  void rehash(size_t capacity) {
    std::vector<uint64_t> old(capacity, 0);
    old.swap(slots_);
    for (uint64_t slot : old) {
      if (slot == 0) continue;
      size_t i = size_t(slot >> 32) & mask();
      while (slots_[i] != 0) i = (i + 1) & mask();
      slots_[i] = slot;
    }
  }

  std::vector<uint64_t> slots_;  // (hash << 32) | (row + 1); 0 = empty
  size_t size_ = 0;
};

}  // namespace tablemap
