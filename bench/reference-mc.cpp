// Reference of the planned Monte Carlo loop in C++ (-O3), for bench/montecarlo-ratio.bench.ts: the same
// random elements (rows of the library's ElementTable: kind, probability, constants, draw keys), the
// same counter-based draws (Wellons' triple32 of the draw key and the run's mix), the same inverse
// CDFs (Acklam's normal quantile; the exponential from the C library), accumulated element by element
// into blocks of 4,096 run totals; then, as `simulate` does for a planned route in calendar time,
// each run's departure month (calendar.ts's `departureMonthsOf`: a table of 4,096 hash buckets, the
// buckets a month starts in worked out run by run), the totals sorted with their months as tags (the
// library's LSD radix sort), laid out month by month, and summarised — the whole sample and each month: mean, standard deviation
// (Welford's update, as d3's `variance`), the 5th, 50th, 90th, 95th and 99th percentiles (d3's
// `quantileSorted`), least and greatest — so the ratio of the two measures the language and runtime,
// not the method. Only the kinds a corridor route needs: fixed, uniform, triangular, lognormal, and
// departure waits with a fixed or lognormal headway.
//
// Input (little-endian): "TCSPMC02", u32 rows, per row: u8 kind (1 fixed, 2 uniform, 3 triangular,
// 4 lognormal, 5 departure), u8 headway (0 none, 1 fixed, 2 lognormal), f64 probability, f64 c[5],
// f64 times, f64 headway μ (or value), f64 headway σ, u32 keys[3 + 16] (draws 0–2, then 4–19); then
// u32 runs, u32 repetitions; then the departure window: f64 from (hours since 1970), f64 span (hours),
// u32 the departure draw's key, u32 M, M × f64 the starts of the months around the window (ascending)
// and M × u8 their calendar months (1–12). Output: one JSON object, CPU milliseconds per repetition
// and checks.
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

struct Summary {
  double mean = 0, sd = 0, p5 = 0, p50 = 0, p90 = 0, p95 = 0, p99 = 0, min = 0, max = 0;
};

// d3's quantileSorted: the value at (n − 1)·p, interpolated between its neighbours.
static inline double quantile_sorted(const double* v, size_t n, double p) {
  if (n == 1) return v[0];
  const double i = double(n - 1) * p;
  const size_t i0 = size_t(std::floor(i));
  if (i0 + 1 >= n) return v[n - 1];
  return v[i0] + (v[i0 + 1] - v[i0]) * (i - double(i0));
}

// summarize() of sorted values: d3's mean (plain sum) and variance (Welford), the quantiles.
static Summary summarize(const double* v, size_t n) {
  Summary s;
  double sum = 0;
  for (size_t i = 0; i < n; i++) sum += v[i];
  s.mean = sum / double(n);
  double mean = 0, m2 = 0;
  size_t count = 0;
  for (size_t i = 0; i < n; i++) {
    const double delta = v[i] - mean;
    mean += delta / double(++count);
    m2 += delta * (v[i] - mean);
  }
  s.sd = n > 1 ? std::sqrt(m2 / double(count - 1)) : 0;
  s.p5 = quantile_sorted(v, n, 0.05);
  s.p50 = quantile_sorted(v, n, 0.5);
  s.p90 = quantile_sorted(v, n, 0.9);
  s.p95 = quantile_sorted(v, n, 0.95);
  s.p99 = quantile_sorted(v, n, 0.99);
  s.min = v[0];
  s.max = v[n - 1];
  return s;
}

template <class T> static void read_into(FILE* f, T* out, size_t count) {
  if (fread(out, sizeof(T), count, f) != count) {
    fprintf(stderr, "reference-mc: truncated input\n");
    exit(2);
  }
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: reference-mc <file> [<request fifo> <response fifo>]\n");
    return 2;
  }
  FILE* f = fopen(argv[1], "rb");
  if (f == nullptr) {
    fprintf(stderr, "reference-mc: cannot open %s\n", argv[1]);
    return 2;
  }
  char magic[8];
  read_into(f, magic, 8);
  if (memcmp(magic, "TCSPMC02", 8) != 0) {
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
  if (runs == 0) {
    fprintf(stderr, "reference-mc: no runs\n");
    return 2;
  }
  double from, span;
  uint32_t departure_key, month_count;
  read_into(f, &from, 1);
  read_into(f, &span, 1);
  read_into(f, &departure_key, 1);
  read_into(f, &month_count, 1);
  std::vector<double> month_starts(month_count);
  std::vector<uint8_t> month_of_start(month_count);
  read_into(f, month_starts.data(), month_count);
  read_into(f, month_of_start.data(), month_count);
  fclose(f);
  // The calendar month of an instant: that of the last month start at or before it.
  auto month_of = [&](double t) -> uint8_t {
    size_t i = size_t(std::upper_bound(month_starts.begin(), month_starts.end(), t) - month_starts.begin());
    return month_of_start[i == 0 ? 0 : i - 1];
  };
  const double inv_two32 = 1.0 / 4294967296.0;

  std::vector<double> samples(runs), ms;
  std::vector<uint32_t> mixes(BLOCK);
  std::vector<uint8_t> months(runs), bucket_month(4096);
  // Scratch for the sort and the months, made once (memory the system hands over fresh is slow to
  // touch the first time: each repetition would pay for it again).
  std::vector<uint64_t> keys(runs), keys2(runs);
  std::vector<uint8_t> tags(runs), tags2(runs);
  std::vector<double> sorted(runs), laid(runs);
  static uint32_t counts[6][2048];
  static const int SHIFTS[6] = {0, 11, 22, 32, 43, 54};
  static const uint64_t MASKS[6] = {0x7ff, 0x7ff, 0x3ff, 0x7ff, 0x7ff, 0x3ff};
  double sum = 0;
  Summary whole;
  Summary by_month[12];
  size_t month_runs[12] = {};
  // The JSON line of the repetitions' times `ms` and the last repetition's checks.
  auto report = [&](FILE* out, const std::vector<double>& ms) {
    std::string list = "[";
    for (size_t i = 0; i < ms.size(); i++) list += (i ? "," : "") + std::to_string(ms[i]);
    list += "]";
    std::string month_counts = "[", p50s = "[";
  for (int m = 0; m < 12; m++) {
    month_counts += (m ? "," : "") + std::to_string(month_runs[m]);
    char buf[32];
    snprintf(buf, sizeof buf, "%.17g", month_runs[m] > 0 ? by_month[m].p50 : 0.0);
    p50s += (m ? "," : "") + std::string(buf);
  }
    month_counts += "]";
    p50s += "]";
    fprintf(out, "{\"cpuMs\":%s,\"sum\":%.17g,\"median\":%.17g,\"sd\":%.17g,\"monthRuns\":%s,\"monthP50\":%s}\n", list.c_str(), sum, whole.p50, whole.sd, month_counts.c_str(), p50s.c_str());
    fflush(out);
  };
  // Serving (three arguments): one repetition per "run" line read from the request FIFO, its report
  // written to the response FIFO; "quit" (or the end of the requests) ends. The bench keeps one such
  // process for all its rounds, so that no process is created between the library's timed runs.
  // Otherwise the file's repetitions, after an untimed one, and one report on stdout.
  const bool serving = argc >= 4;
  FILE* requests = serving ? fopen(argv[2], "r") : nullptr;
  FILE* responses = serving ? fopen(argv[3], "w") : nullptr;
  if (serving && (requests == nullptr || responses == nullptr)) {
    fprintf(stderr, "reference-mc: cannot open %s or %s\n", argv[2], argv[3]);
    return 2;
  }
  for (uint32_t k = 0; serving || k <= reps; k++) {  // repetition 0 warms the caches and is not reported
    if (serving) {
      char line[64];
      if (fgets(line, sizeof line, requests) == nullptr || strncmp(line, "run", 3) != 0) break;
    }
    std::clock_t c0 = std::clock();
    // Departure months, as departureMonthsOf: a bucket of 2^20 hashes whose instants all fall in one
    // month gives it; the others are worked out from the run's instant.
    for (uint32_t b = 0; b < 4096; b++) {
      const uint8_t first = month_of(from + (double(b << 20) + 0.5) * inv_two32 * span);
      const uint8_t last = month_of(from + (double(((b + 1) << 20) - 1) + 0.5) * inv_two32 * span);
      bucket_month[b] = first == last ? first : 0;
    }
    for (uint32_t r = 0; r < runs; r++) {
      const uint32_t m = triple32(r ^ 0x5bd1e995u);
      const uint8_t month = bucket_month[triple32(departure_key ^ m) >> 20];
      months[r] = month != 0 ? month : month_of(from + unit_of(departure_key, m) * span);
    }
    for (uint32_t start = 0; start < runs; start += BLOCK) {
      int n = int(std::min<uint32_t>(BLOCK, runs - start));
      for (int r = 0; r < n; r++) mixes[r] = triple32((start + r) ^ 0x5bd1e995u);
      double* totals = samples.data() + start;
      std::fill(totals, totals + n, 0.0);
      for (const Row& e : rows) accumulate(e, mixes.data(), n, totals);
    }
    sum = 0;
    for (double x : samples) sum += x;
    // Sorted with the months as tags by the library's method (src/stats/radix-sort.ts): an LSD radix
    // sort of the doubles' bit patterns mapped to order-preserving keys, six stable passes of 11, 11,
    // 10, 11, 11 and 10 bits (a pass skipped when every key has the same digit), the tags moved with
    // their values; then laid out month by month (each month's values in order).
    std::memset(counts, 0, sizeof counts);
    for (uint32_t r = 0; r < runs; r++) {
      uint64_t b;
      std::memcpy(&b, &samples[r], 8);
      const uint64_t k = (b >> 63) ? ~b : (b | (uint64_t(1) << 63));
      keys[r] = k;
      tags[r] = months[r];
      for (int pass = 0; pass < 6; pass++) counts[pass][(k >> SHIFTS[pass]) & MASKS[pass]]++;
    }
    uint64_t* from_keys = keys.data();
    uint64_t* to_keys = keys2.data();
    uint8_t* from_tags = tags.data();
    uint8_t* to_tags = tags2.data();
    for (int pass = 0; pass < 6; pass++) {
      const int shift = SHIFTS[pass];
      const uint64_t mask = MASKS[pass];
      uint32_t* c = counts[pass];
      if (c[(from_keys[0] >> shift) & mask] == runs) continue;
      uint32_t total = 0;
      for (uint64_t d = 0; d <= mask; d++) {
        const uint32_t n = c[d];
        c[d] = total;
        total += n;
      }
      for (uint32_t r = 0; r < runs; r++) {
        const uint32_t at = c[(from_keys[r] >> shift) & mask]++;
        to_keys[at] = from_keys[r];
        to_tags[at] = from_tags[r];
      }
      std::swap(from_keys, to_keys);
      std::swap(from_tags, to_tags);
    }
    size_t starts[13] = {};
    for (uint32_t r = 0; r < runs; r++) {
      const uint64_t k = from_keys[r];
      const uint64_t b = (k >> 63) ? (k & ~(uint64_t(1) << 63)) : ~k;
      std::memcpy(&sorted[r], &b, 8);
      starts[from_tags[r]]++;
    }
    for (int m = 1; m <= 12; m++) starts[m] += starts[m - 1];
    size_t fill[12];
    for (int m = 0; m < 12; m++) fill[m] = starts[m];
    for (uint32_t r = 0; r < runs; r++) laid[fill[from_tags[r] - 1]++] = sorted[r];
    whole = summarize(sorted.data(), runs);
    for (int m = 0; m < 12; m++) {
      month_runs[m] = starts[m + 1] - starts[m];
      if (month_runs[m] > 0) by_month[m] = summarize(laid.data() + starts[m], month_runs[m]);
    }
    const double cpu_ms = 1000.0 * double(std::clock() - c0) / CLOCKS_PER_SEC;
    if (serving) report(responses, {cpu_ms});
    else if (k > 0) ms.push_back(cpu_ms);
  }
  if (!serving) report(stdout, ms);
  return 0;
}
