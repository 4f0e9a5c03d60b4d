#include "query/result_builder.h"

#include <algorithm>

#include "query/query_error.h"

namespace kg {

size_t RowHash::operator()(std::span<const QueryValue> row) const {
  size_t h = row.size();
  for (const auto& value : row) h ^= HashValue(value) + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  return h;
}

bool RowEqual::operator()(std::span<const QueryValue> a, std::span<const QueryValue> b) const {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!Equivalent(a[i], b[i])) return false;
  }
  return true;
}

namespace {

size_t KeyWidth(const QueryPlan& plan) {
  size_t width = 0;
  for (const auto& aggregate : plan.aggregates) width += aggregate ? 0u : 1u;
  return width;
}

}  // namespace

ResultBuilder::ResultBuilder(const GraphImage& graph, const QueryPlan& plan, size_t max_rows)
    : graph_(graph),
      plan_(plan),
      max_rows_(max_rows),
      evaluator_(graph),
      seen_(plan.items.size()),
      groups_(KeyWidth(plan)) {
  for (const auto& aggregate : plan.aggregates)
    counts_distinct_ |= aggregate && aggregate->distinct;
  keep_ = !plan.limit                          ? SIZE_MAX
          : *plan.limit > SIZE_MAX - plan.skip ? SIZE_MAX
                                               : static_cast<size_t>(plan.skip + *plan.limit);
  heap_ = !plan.order.empty() && plan.limit && !plan.grouped;
}

std::vector<QueryValue> ResultBuilder::Keys(std::span<const QueryValue> slots,
                                            const std::vector<QueryValue>& values) {
  std::vector<QueryValue> keys;
  for (size_t k = 0; k < plan_.order.size(); ++k) {
    if (plan_.order[k].column >= 0) continue;
    keys.resize(plan_.order.size());
    keys[k] = evaluator_.Run(plan_.order[k].program, slots, values);
  }
  return keys;
}

const QueryValue& ResultBuilder::Key(const Row& row, size_t k) const {
  const int column = plan_.order[k].column;
  return column >= 0 ? row.values[static_cast<size_t>(column)] : row.keys[k];
}

bool ResultBuilder::Before(const Row& a, const Row& b) const {
  for (size_t k = 0; k < plan_.order.size(); ++k) {
    const int c = CompareValues(Key(a, k), Key(b, k), graph_);
    if (c != 0) return plan_.order[k].descending ? c > 0 : c < 0;
  }
  return a.sequence < b.sequence;
}

void ResultBuilder::AddRow(Row row) {
  if (heap_ && rows_.size() >= keep_) {
    // rows_ holds the best `keep_` rows with the worst in front.
    if (!Before(row, rows_.front())) return;
    std::pop_heap(rows_.begin(), rows_.end(),
                  [&](const Row& a, const Row& b) { return Before(a, b); });
    rows_.back() = std::move(row);
  } else {
    if (rows_.size() >= max_rows_) {
      Fail("the query matches more than " + std::to_string(max_rows_) +
           " rows; narrow the pattern or add LIMIT");
    }
    rows_.push_back(std::move(row));
  }
  if (heap_)
    std::push_heap(rows_.begin(), rows_.end(),
                   [&](const Row& a, const Row& b) { return Before(a, b); });
}

bool ResultBuilder::Add(std::span<const QueryValue> slots) {
  if (keep_ == 0) return false;  // LIMIT 0 (with SKIP 0): no match can show
  if (plan_.where && !IsTrue(evaluator_.Run(*plan_.where, slots))) return true;
  if (plan_.grouped) {
    AddToGroup(slots);
    return true;
  }
  Row row;
  row.values.reserve(plan_.items.size());
  for (const Program& item : plan_.items) row.values.push_back(evaluator_.Run(item, slots));
  if (plan_.distinct) {
    bool fresh = false;
    seen_.FindOrAdd(row.values, &fresh);
    if (!fresh) return true;
  }
  row.keys = Keys(slots, row.values);
  row.sequence = sequence_++;
  AddRow(std::move(row));
  return !(plan_.order.empty() && rows_.size() >= keep_);
}

void ResultBuilder::AddToGroup(std::span<const QueryValue> slots) {
  scratch_.clear();
  for (size_t i = 0; i < plan_.items.size(); ++i) {
    if (!plan_.aggregates[i]) scratch_.push_back(evaluator_.Run(plan_.items[i], slots));
  }
  size_t index = 0;
  // Matches come in runs with one key (every relation of one entity, or
  // count(*) alone): check the last group before hashing.
  if (last_group_ < groups_.size() && RowEqual{}(scratch_, groups_.row(last_group_))) {
    index = last_group_;
  } else {
    bool added = false;
    index = groups_.FindOrAdd(scratch_, &added);
    if (added) {
      if (groups_.size() > max_rows_) {
        Fail("the query makes more than " + std::to_string(max_rows_) +
             " groups; narrow the pattern or group by fewer values");
      }
      counts_.resize(counts_.size() + plan_.items.size(), 0);
      if (counts_distinct_) distinct_.resize(distinct_.size() + plan_.items.size());
    }
  }
  last_group_ = index;
  const size_t base = index * plan_.items.size();
  for (size_t i = 0; i < plan_.items.size(); ++i) {
    const auto& count = plan_.aggregates[i];
    if (!count) continue;
    if (count->star) {
      ++counts_[base + i];
      continue;
    }
    QueryValue v = evaluator_.Run(count->argument, slots);
    if (v.is_null()) continue;
    if (count->distinct) {
      distinct_[base + i].insert(std::move(v));
    } else {
      ++counts_[base + i];
    }
  }
}

QueryResult ResultBuilder::Finish() {
  if (plan_.grouped) {
    rows_.clear();
    rows_.reserve(groups_.size());
    for (size_t g = 0; g < groups_.size(); ++g) {
      Row row;
      const auto key = groups_.row(g);
      const size_t base = g * plan_.items.size();
      for (size_t i = 0, k = 0; i < plan_.items.size(); ++i) {
        if (!plan_.aggregates[i]) {
          row.values.push_back(key[k++]);
        } else if (plan_.aggregates[i]->distinct) {
          row.values.push_back(QueryValue::Int(static_cast<int64_t>(distinct_[base + i].size())));
        } else {
          row.values.push_back(QueryValue::Int(counts_[base + i]));
        }
      }
      row.keys = Keys({}, row.values);
      row.sequence = g;
      rows_.push_back(std::move(row));
    }
    // count(*) over nothing still answers 0.
    const bool all_counts = std::all_of(plan_.aggregates.begin(), plan_.aggregates.end(),
                                        [](const auto& a) { return a.has_value(); });
    if (groups_.size() == 0 && all_counts) {
      Row row;
      row.values.assign(plan_.aggregates.size(), QueryValue::Int(0));
      row.keys = Keys({}, row.values);
      rows_.push_back(std::move(row));
    }
  }
  const auto before = [&](const Row& a, const Row& b) { return Before(a, b); };
  if (heap_) {
    std::sort_heap(rows_.begin(), rows_.end(), before);
  } else if (!plan_.order.empty()) {
    if (keep_ < rows_.size()) {
      std::partial_sort(rows_.begin(), rows_.begin() + static_cast<long>(keep_), rows_.end(),
                        before);
      rows_.resize(keep_);
    } else {
      std::sort(rows_.begin(), rows_.end(), before);
    }
  }
  QueryResult result;
  result.columns = plan_.columns;
  const size_t skip = plan_.skip > rows_.size() ? rows_.size() : static_cast<size_t>(plan_.skip);
  const size_t end = std::min(rows_.size(), keep_);
  for (size_t i = skip; i < end; ++i) result.rows.push_back(std::move(rows_[i].values));
  return result;
}

}  // namespace kg
