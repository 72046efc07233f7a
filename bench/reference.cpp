// Reference Dijkstra in C++ (-O3) for bench/run.ts: the same graph (read from the binary file the
// bench writes), the same queries, the same algorithm as the engine's (CSR, binary heap, parent
// arcs, reset of touched vertices only, path rebuilt per query), so the ratio measures the language
// and runtime, not the method. The heap is std::priority_queue with lazy deletion, the usual idiom.
//
// Input (little-endian): "TCSPGRF1", u32 n, u32 m, i32 from[m], i32 to[m], f64 w[m],
// u32 pairCount, i32 pairs[2 * pairCount], u32 sourceCount, i32 sources[sourceCount].
// Usage: reference <file> <samples>. Output: one JSON object on stdout, times in milliseconds.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <queue>
#include <string>
#include <utility>
#include <vector>

using Clock = std::chrono::steady_clock;
static double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

template <class T> static void read_into(FILE* f, T* out, size_t count) {
  if (fread(out, sizeof(T), count, f) != count) {
    fprintf(stderr, "reference: truncated input\n");
    exit(2);
  }
}

struct Csr {
  int n = 0;
  std::vector<int32_t> offsets, targets;
  std::vector<double> weights;
};

static Csr build(int n, const std::vector<int32_t>& from, const std::vector<int32_t>& to, const std::vector<double>& w) {
  Csr g;
  g.n = n;
  size_t m = from.size();
  g.offsets.assign(n + 1, 0);
  for (size_t i = 0; i < m; i++) g.offsets[from[i] + 1]++;
  for (int v = 0; v < n; v++) g.offsets[v + 1] += g.offsets[v];
  g.targets.resize(m);
  g.weights.resize(m);
  std::vector<int32_t> next(g.offsets.begin(), g.offsets.end() - 1);
  for (size_t i = 0; i < m; i++) {
    int32_t s = next[from[i]]++;
    g.targets[s] = to[i];
    g.weights[s] = w[i];
  }
  return g;
}

struct Search {
  const Csr& g;
  std::vector<double> dist;
  std::vector<int32_t> parent, touched;
  using Entry = std::pair<double, int32_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> heap;

  explicit Search(const Csr& graph)
      : g(graph), dist(graph.n, std::numeric_limits<double>::infinity()), parent(graph.n, -1) {
    touched.reserve(graph.n);
  }

  void reset() {
    for (int32_t v : touched) {
      dist[v] = std::numeric_limits<double>::infinity();
      parent[v] = -1;
    }
    touched.clear();
    heap = decltype(heap)();
  }

  // Dijkstra from `source`; stops when `target` is settled (target < 0: one-to-all).
  void run(int32_t source, int32_t target) {
    reset();
    dist[source] = 0;
    touched.push_back(source);
    heap.push({0.0, source});
    while (!heap.empty()) {
      auto [d, u] = heap.top();
      heap.pop();
      if (d > dist[u]) continue;
      if (u == target) return;
      for (int32_t s = g.offsets[u], end = g.offsets[u + 1]; s < end; s++) {
        int32_t v = g.targets[s];
        double nd = d + g.weights[s];
        if (nd < dist[v]) {
          if (dist[v] == std::numeric_limits<double>::infinity()) touched.push_back(v);
          dist[v] = nd;
          parent[v] = s;
          heap.push({nd, v});
        }
      }
    }
  }

  // Arc slots of the path to `v`, first arc first (the engine also materialises each path).
  std::vector<int32_t> path(int32_t v) const {
    std::vector<int32_t> slots;
    while (parent[v] >= 0) {
      int32_t s = parent[v];
      slots.push_back(s);
      // The arc's tail: the largest v with offsets[v] <= s (empty vertices come before it).
      v = int32_t(std::upper_bound(g.offsets.begin(), g.offsets.end(), s) - g.offsets.begin()) - 1;
    }
    std::reverse(slots.begin(), slots.end());
    return slots;
  }
};

static std::string json_samples(const std::vector<double>& xs) {
  std::string out = "[";
  char buf[64];
  for (size_t i = 0; i < xs.size(); i++) {
    snprintf(buf, sizeof buf, "%s%.6f", i ? "," : "", xs[i]);
    out += buf;
  }
  return out + "]";
}

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: reference <graph file> <samples>\n");
    return 1;
  }
  FILE* f = fopen(argv[1], "rb");
  if (!f) {
    fprintf(stderr, "reference: cannot open %s\n", argv[1]);
    return 1;
  }
  int samples = atoi(argv[2]);
  char magic[8];
  read_into(f, magic, 8);
  if (memcmp(magic, "TCSPGRF1", 8) != 0) {
    fprintf(stderr, "reference: not a graph file\n");
    return 1;
  }
  uint32_t n, m, pairCount, sourceCount;
  read_into(f, &n, 1);
  read_into(f, &m, 1);
  std::vector<int32_t> from(m), to(m);
  std::vector<double> w(m);
  read_into(f, from.data(), m);
  read_into(f, to.data(), m);
  read_into(f, w.data(), m);
  read_into(f, &pairCount, 1);
  std::vector<int32_t> pairs(2 * size_t(pairCount));
  read_into(f, pairs.data(), pairs.size());
  read_into(f, &sourceCount, 1);
  std::vector<int32_t> sources(sourceCount);
  read_into(f, sources.data(), sourceCount);
  fclose(f);

  std::vector<double> buildMs;
  Csr g;
  for (int k = 0; k < 3; k++) {
    auto t0 = Clock::now();
    g = build(int(n), from, to, w);
    buildMs.push_back(ms_since(t0));
  }
  Search search(g);
  double checksum = 0;
  size_t arcs = 0;
  std::vector<double> p2p, tree;
  // A short warm-up (a few queries, one tree), then `samples` timed rounds over all pairs / sources.
  for (uint32_t i = 0; i < std::min<uint32_t>(pairCount, 5); i++) search.run(pairs[2 * i], pairs[2 * i + 1]);
  if (sourceCount > 0) search.run(sources[0], -1);
  for (int k = 0; k < samples; k++) {
    auto t0 = Clock::now();
    double sum = 0;
    for (uint32_t i = 0; i < pairCount; i++) {
      int32_t s = pairs[2 * i], t = pairs[2 * i + 1];
      search.run(s, t);
      if (search.dist[t] < std::numeric_limits<double>::infinity()) {
        arcs += search.path(t).size();
        sum += search.dist[t];
      }
    }
    p2p.push_back(ms_since(t0));
    checksum = sum;
  }
  for (int k = 0; k < samples; k++) {
    auto t0 = Clock::now();
    for (uint32_t i = 0; i < sourceCount; i++) search.run(sources[i], -1);
    tree.push_back(ms_since(t0));
  }
  // Check value: Σ least costs of the last one-to-all tree (the bench compares it with the engine's).
  double treeSum = 0;
  for (int32_t v : search.touched) treeSum += search.dist[v];
  printf("{\"buildMs\":%s,\"p2pMs\":%s,\"oneToAllMs\":%s,\"p2pCostSum\":%.17g,\"treeCheck\":%.17g,\"arcs\":%zu}\n",
         json_samples(buildMs).c_str(), json_samples(p2p).c_str(), json_samples(tree).c_str(), checksum, treeSum, arcs);
  return 0;
}
