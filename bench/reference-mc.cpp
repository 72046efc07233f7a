// Reference of the planned Monte Carlo loop in C++ (-O3), for bench/montecarlo-ratio.bench.ts: the same
// random elements (rows of the library's ElementTable: kind, probability, constants, draw keys), the
// same counter-based draws (Wellons' triple32 of the draw key and the run's mix), the same inverse
// CDFs (Acklam's normal quantile; the exponential from the C library), accumulated element by element
// into blocks of 4,096 run totals, then the totals sorted and summed — what `simulate` does for a
// planned route (draws, totals, sort, summary) — so the ratio of the two measures the language and
// runtime, not the method. Only the kinds a corridor route needs: fixed, uniform, triangular,
// lognormal, and departure waits with a fixed or lognormal headway.
//
// Input (little-endian): "TCSPMC01", u32 rows, per row: u8 kind (1 fixed, 2 uniform, 3 triangular,
// 4 lognormal, 5 departure), u8 headway (0 none, 1 fixed, 2 lognormal), f64 probability, f64 c[5],
// f64 times, f64 headway μ (or value), f64 headway σ, u32 keys[3 + 16] (draws 0–2, then 4–19); then
// u32 runs, u32 repetitions. Output: one JSON object, CPU milliseconds per repetition and checks.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

static inline uint32_t triple32(uint32_t x) {
  x ^= x >> 17;
  x *= 0xed5ad4bbu;
  x ^= x >> 11;
  x *= 0xac4c1b51u;
  x ^= x >> 15;
  x *= 0x31848babu;
  x ^= x >> 14;
  return x;
}
static inline double unit_of(uint32_t key, uint32_t mix) { return (double(triple32(key ^ mix)) + 0.5) / 4294967296.0; }

// Acklam's rational approximation of the standard normal quantile, as src/stats/normal-quantile.ts.
static inline double normal_quantile(double p) {
  const double A0 = -3.969683028665376e1, A1 = 2.209460984245205e2, A2 = -2.759285104469687e2, A3 = 1.38357751867269e2, A4 = -3.066479806614716e1, A5 = 2.506628277459239;
  const double B0 = -5.447609879822406e1, B1 = 1.615858368580409e2, B2 = -1.556989798598866e2, B3 = 6.680131188771972e1, B4 = -1.328068155288572e1;
  const double C0 = -7.784894002430293e-3, C1 = -3.223964580411365e-1, C2 = -2.400758277161838, C3 = -2.549732539343734, C4 = 4.374664141464968, C5 = 2.938163982698783;
  const double D0 = 7.784695709041462e-3, D1 = 3.224671290700398e-1, D2 = 2.445134137142996, D3 = 3.754408661907416;
  const double P_LOW = 0.02425;
  if (p < P_LOW) {
    double q = std::sqrt(-2 * std::log(p));
    return (((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
  }
  if (p > 1 - P_LOW) {
    double q = std::sqrt(-2 * std::log(1 - p));
    return -(((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
  }
  double q = p - 0.5, r = q * q;
  return ((((((A0 * r + A1) * r + A2) * r + A3) * r + A4) * r + A5) * q) / (((((B0 * r + B1) * r + B2) * r + B3) * r + B4) * r + 1);
}

struct Row {
  uint8_t kind = 0, headway = 0;
  double p = 1, c[5] = {0, 0, 0, 0, 0}, times = 1, hw_mu = 0, hw_sigma = 0;
  uint32_t keys[19] = {};
};

static const int BLOCK = 4096;

// One row's hours for runs mixes[0 … n), times `times`, added to totals: as kernel.ts's loops.
static void accumulate(const Row& e, const uint32_t* mixes, int n, double* totals) {
  const double p = e.p, t = e.times;
  const uint32_t k0 = e.keys[0], k1 = e.keys[1];
  switch (e.kind) {
    case 1:
      for (int r = 0; r < n; r++) {
        if (p < 1 && !(unit_of(k0, mixes[r]) < p)) continue;
        totals[r] += t * e.c[0];
      }
      break;
    case 2:
      for (int r = 0; r < n; r++) {
        if (p < 1 && !(unit_of(k0, mixes[r]) < p)) continue;
        totals[r] += t * (e.c[0] + unit_of(k1, mixes[r]) * e.c[1]);
      }
      break;
    case 3:
      for (int r = 0; r < n; r++) {
        if (p < 1 && !(unit_of(k0, mixes[r]) < p)) continue;
        double u = unit_of(k1, mixes[r]);
        double left = u < e.c[2] ? 1 : 0, right = 1 - left;
        totals[r] += t * (e.c[0] * left + e.c[1] * right + (left - right) * e.c[3] * std::sqrt(u * e.c[2] * left + (1 - u) * e.c[4] * right));
      }
      break;
    case 4:
      for (int r = 0; r < n; r++) {
        if (p < 1 && !(unit_of(k0, mixes[r]) < p)) continue;
        totals[r] += t * std::exp(e.c[0] + e.c[1] * normal_quantile(unit_of(k1, mixes[r])));
      }
      break;
    case 5: {
      const bool fixed = e.headway == 1;
      const double cancel = e.c[1], log_cancel = e.c[2], above = cancel * (1 + 1e-12);
      const double biased_mu = e.hw_mu + e.hw_sigma * e.hw_sigma;
      for (int r = 0; r < n; r++) {
        const uint32_t m = mixes[r];
        double headway = fixed ? e.hw_mu : std::exp(biased_mu + e.hw_sigma * normal_quantile(unit_of(k1, m)));
        double h = unit_of(k0, m) * headway;
        double u2 = cancel != 0 ? unit_of(e.keys[2], m) : 1;
        if (u2 <= above) {
          int cancelled = int(std::floor(std::log(u2) / log_cancel));
          if (cancelled > 16) {
            fprintf(stderr, "reference-mc: more than 16 cancellations in one run\n");
            exit(2);
          }
          for (int j = 0; j < cancelled; j++) h += fixed ? e.hw_mu : std::exp(e.hw_mu + e.hw_sigma * normal_quantile(unit_of(e.keys[3 + j], m)));
        }
        totals[r] += t * h;
      }
      break;
    }
    default:
      fprintf(stderr, "reference-mc: unsupported element kind %d\n", e.kind);
      exit(2);
  }
}

template <class T> static void read_into(FILE* f, T* out, size_t count) {
  if (fread(out, sizeof(T), count, f) != count) {
    fprintf(stderr, "reference-mc: truncated input\n");
    exit(2);
  }
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: reference-mc <file>\n");
    return 2;
  }
  FILE* f = fopen(argv[1], "rb");
  if (f == nullptr) {
    fprintf(stderr, "reference-mc: cannot open %s\n", argv[1]);
    return 2;
  }
  char magic[8];
  read_into(f, magic, 8);
  if (memcmp(magic, "TCSPMC01", 8) != 0) {
    fprintf(stderr, "reference-mc: not a Monte Carlo file\n");
    return 2;
  }
  uint32_t count;
  read_into(f, &count, 1);
  std::vector<Row> rows(count);
  for (Row& e : rows) {
    read_into(f, &e.kind, 1);
    read_into(f, &e.headway, 1);
    read_into(f, &e.p, 1);
    read_into(f, e.c, 5);
    read_into(f, &e.times, 1);
    read_into(f, &e.hw_mu, 1);
    read_into(f, &e.hw_sigma, 1);
    read_into(f, e.keys, 19);
  }
  uint32_t runs, reps;
  read_into(f, &runs, 1);
  read_into(f, &reps, 1);
  fclose(f);

  std::vector<double> samples(runs), ms;
  std::vector<uint32_t> mixes(BLOCK);
  double sum = 0, median = 0;
  for (uint32_t k = 0; k <= reps; k++) {  // repetition 0 warms the caches and is not reported
    std::clock_t c0 = std::clock();
    for (uint32_t start = 0; start < runs; start += BLOCK) {
      int n = int(std::min<uint32_t>(BLOCK, runs - start));
      for (int r = 0; r < n; r++) mixes[r] = triple32((start + r) ^ 0x5bd1e995u);
      double* totals = samples.data() + start;
      std::fill(totals, totals + n, 0.0);
      for (const Row& e : rows) accumulate(e, mixes.data(), n, totals);
    }
    sum = 0;
    for (double x : samples) sum += x;
    std::vector<double> sorted(samples);
    std::sort(sorted.begin(), sorted.end());
    median = sorted[sorted.size() / 2];
    double cpu_ms = 1000.0 * double(std::clock() - c0) / CLOCKS_PER_SEC;
    if (k > 0) ms.push_back(cpu_ms);
  }
  std::string list = "[";
  for (size_t i = 0; i < ms.size(); i++) list += (i ? "," : "") + std::to_string(ms[i]);
  list += "]";
  printf("{\"cpuMs\":%s,\"sum\":%.17g,\"median\":%.17g}\n", list.c_str(), sum, median);
  return 0;
}
