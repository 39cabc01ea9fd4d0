/*===- profile.c - The clock of --profile models, and their table ---------===*
 *
 * A model built with aotc --profile calls aotc_profile_clock() around its
 * kernels and leaves each kernel's time of the last run in its table
 * (aotc/profile.h). --bench N --profile keeps those times run by run and
 * prints, per kernel call, the median over the runs, sorted by time.
 *
 *===----------------------------------------------------------------------===*/

#include "profile_report.h"

#include "format.h"
#include "io.h"
#include "stats.h"
#include "sys.h"

/* Absent unless the model was built with --profile: a weak reference
 * resolves to null. */
extern const aotc_profile_t aotc_profile __attribute__((weak));

/* Kernel times as 32-bit nanoseconds (a kernel under 4 s), run after run;
 * when runs x kernels do not fit, the last runs that fit are kept. */
#define AOTC_PROFILE_MAX_SAMPLES (1u << 22)
static uint32_t aotc_profile_samples[AOTC_PROFILE_MAX_SAMPLES];
/* The most kernel calls the table prints. */
#define AOTC_PROFILE_MAX_KERNELS 16384
/* One kernel's samples while sorting: at most --bench's 100000 runs. */
static uint64_t aotc_profile_scratch[100000];

uint64_t aotc_profile_clock(void) {
  aotc_timespec_t ts = {0, 0};
  aotc_sys_clock_gettime(AOTC_CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

int aotc_profile_available(void) {
  return &aotc_profile != 0 &&
         aotc_profile.abi_version == AOTC_PROFILE_ABI_VERSION &&
         aotc_profile.num_kernels != 0;
}

static uint64_t aotc_profile_kept_runs(void) {
  uint64_t runs = AOTC_PROFILE_MAX_SAMPLES / aotc_profile.num_kernels;
  uint64_t scratch = sizeof(aotc_profile_scratch) / sizeof(uint64_t);
  return runs < scratch ? runs : scratch;
}

void aotc_profile_record(uint64_t run) {
  uint64_t n = aotc_profile.num_kernels;
  uint32_t *slot = aotc_profile_samples + run % aotc_profile_kept_runs() * n;
  for (uint64_t k = 0; k < n; ++k) {
    uint64_t ticks = aotc_profile.ticks[k];
    slot[k] = ticks > 0xffffffffu ? 0xffffffffu : (uint32_t)ticks;
  }
}

static char aotc_profile_buffer[4096];
static aotc_text_t aotc_profile_line;

static void aotc_profile_flush(void) {
  aotc_io_write_all(AOTC_STDOUT, aotc_profile_line.data,
                    aotc_profile_line.length);
  aotc_text_clear(&aotc_profile_line);
}

/* `value` / 10^decimals with that many decimals, right-aligned to `width`. */
static void aotc_profile_fixed(uint64_t value, int decimals, size_t width) {
  char buffer[32];
  aotc_text_t number;
  aotc_text_init(&number, buffer, sizeof(buffer));
  uint64_t scale = 1;
  for (int i = 0; i < decimals; ++i)
    scale *= 10;
  aotc_text_u64(&number, value / scale);
  if (decimals > 0) {
    aotc_text_char(&number, '.');
    for (uint64_t s = scale / 10; s != 0; s /= 10)
      aotc_text_char(&number, (char)('0' + value / s % 10));
  }
  for (size_t i = number.length; i < width; ++i)
    aotc_text_char(&aotc_profile_line, ' ');
  aotc_text_str(&aotc_profile_line, number.data);
}

/* `s` left-aligned in `width` columns, then two spaces. */
static void aotc_profile_column(const char *s, size_t width) {
  aotc_text_str(&aotc_profile_line, s);
  for (size_t i = aotc_strlen(s); i < width; ++i)
    aotc_text_char(&aotc_profile_line, ' ');
  aotc_text_str(&aotc_profile_line, "  ");
}

void aotc_profile_print(uint64_t runs, uint64_t median_run_ns) {
  aotc_text_init(&aotc_profile_line, aotc_profile_buffer,
                 sizeof(aotc_profile_buffer));
  uint64_t n = aotc_profile.num_kernels;
  uint64_t kept =
      runs < aotc_profile_kept_runs() ? runs : aotc_profile_kept_runs();
  /* Each call's median, then the calls ordered by it (the table is small:
   * insertion into the order as medians come). */
  static uint64_t medians[AOTC_PROFILE_MAX_KERNELS];
  static uint32_t order[AOTC_PROFILE_MAX_KERNELS];
  if (n > AOTC_PROFILE_MAX_KERNELS)
    n = AOTC_PROFILE_MAX_KERNELS;
  uint64_t sum = 0;
  size_t op_width = 2, shape_width = 5;
  for (uint64_t k = 0; k < n; ++k) {
    for (uint64_t r = 0; r < kept; ++r)
      aotc_profile_scratch[r] =
          aotc_profile_samples[r * aotc_profile.num_kernels + k];
    aotc_sort(aotc_profile_scratch, (size_t)kept);
    medians[k] = aotc_sorted_median(aotc_profile_scratch, (size_t)kept);
    sum += medians[k];
    uint64_t i = k;
    for (; i > 0 && medians[order[i - 1]] < medians[k]; --i)
      order[i] = order[i - 1];
    order[i] = (uint32_t)k;
    size_t op = aotc_strlen(aotc_profile.kernels[k].ops);
    size_t shape = aotc_strlen(aotc_profile.kernels[k].shape);
    op_width = op > op_width ? op : op_width;
    shape_width = shape > shape_width ? shape : shape_width;
  }
  op_width = op_width < 24 ? op_width : 24;
  shape_width = shape_width < 20 ? shape_width : 20;

  aotc_text_str(&aotc_profile_line, "profile: ");
  aotc_text_u64(&aotc_profile_line, n);
  aotc_text_str(&aotc_profile_line, " kernel calls, medians of ");
  aotc_text_u64(&aotc_profile_line, kept);
  aotc_text_str(&aotc_profile_line, kept == runs ? " runs\n" : " last runs\n");
  aotc_text_str(&aotc_profile_line, "   median us       %  GFLOP/s  ");
  aotc_profile_column("op", op_width);
  aotc_profile_column("shape", shape_width);
  aotc_text_str(&aotc_profile_line, "node(s)\n");
  aotc_profile_flush();
  for (uint64_t i = 0; i < n; ++i) {
    const aotc_profile_kernel_t *kernel = &aotc_profile.kernels[order[i]];
    uint64_t ns = medians[order[i]];
    aotc_profile_fixed(ns, 3, 12);
    aotc_profile_fixed(sum ? (ns * 1000 + sum / 2) / sum : 0, 1, 8);
    if (kernel->flops && ns) /* flops per ns are GFLOP/s */
      aotc_profile_fixed((kernel->flops * 100 + ns / 2) / ns, 2, 9);
    else
      aotc_text_str(&aotc_profile_line, "        -");
    aotc_text_str(&aotc_profile_line, "  ");
    aotc_profile_column(kernel->ops, op_width);
    aotc_profile_column(kernel->shape, shape_width);
    aotc_text_str(&aotc_profile_line, kernel->nodes);
    aotc_text_char(&aotc_profile_line, '\n');
    aotc_profile_flush();
  }
  aotc_text_str(&aotc_profile_line, "kernels: ");
  aotc_text_ms(&aotc_profile_line, sum);
  aotc_text_str(&aotc_profile_line, " ms, ");
  aotc_profile_fixed(
      median_run_ns ? (sum * 1000 + median_run_ns / 2) / median_run_ns : 0, 1,
      0);
  aotc_text_str(&aotc_profile_line, " % of the median run (");
  aotc_text_ms(&aotc_profile_line, median_run_ns);
  aotc_text_str(&aotc_profile_line, " ms)\n");
  aotc_profile_flush();
}
