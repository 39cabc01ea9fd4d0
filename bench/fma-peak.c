/* Measures this core's single-precision FMA peak: enough independent
 * accumulator chains to cover the FMA latency on every pipe, vectors of the
 * widest width the compiler targets (build with -O2 -march=native).
 * Prints GFLOP/s (one FMA = 2 flops). */
#include <stdio.h>
#include <time.h>

#if defined(__AVX512F__)
#define LANES 16
#elif defined(__AVX__)
#define LANES 8
#else
#define LANES 4
#endif
#define CHAINS 12

typedef float vec __attribute__((vector_size(LANES * 4)));

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(void) {
  vec acc[CHAINS], a, b;
  for (int i = 0; i < LANES; ++i) {
    a[i] = 0.999999f;
    b[i] = 1e-7f;
  }
  for (int c = 0; c < CHAINS; ++c)
    acc[c] = a * (float)c;
  const long iterations = 200000000 / LANES;
  double best = 0;
  for (int round = 0; round < 5; ++round) {
    double start = now();
    for (long i = 0; i < iterations; ++i)
      for (int c = 0; c < CHAINS; ++c)
        acc[c] = __builtin_elementwise_fma(acc[c], a, b);
    double seconds = now() - start;
    double gflops = 2.0 * LANES * CHAINS * iterations / seconds * 1e-9;
    if (gflops > best)
      best = gflops;
  }
  float sink = 0;
  for (int c = 0; c < CHAINS; ++c)
    sink += acc[c][0];
  printf("%.1f %g\n", best, sink);
  return 0;
}
