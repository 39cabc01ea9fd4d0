/*===- main.c - The command line of a compiled model ----------------------===*
 *
 *   infer IN0.npy [IN1.npy ...] [-o OUT0.npy ...]   run once, write outputs
 *   infer --info                                    describe the model
 *   infer --version                                 the build, in one line
 *   infer --bench N IN0.npy ...                     time N runs
 *   infer --bench N --profile IN0.npy ...           and each kernel
 *
 * Errors are one line on stderr, "infer: error: FILE: what is wrong", and
 * exit code 1. Nothing is allocated: the model's buffers and arena are
 * globals of the model object, and this file's state is static.
 *
 *===----------------------------------------------------------------------===*/

#include "aotc/model.h"
#include "aotc/runtime.h"
#include "format.h"
#include "io.h"
#include "npy.h"
#include "profile_report.h"
#include "stats.h"
#include "sys.h"

/* The most runs --bench takes: the samples are a static array. */
#define AOTC_BENCH_MAX_RUNS 100000

int aotc_entry(const uintptr_t *initial_sp);
int aotc_command_line(int argc, char **argv);

static const char *aotc_input_paths[AOTC_MODEL_MAX_TENSORS];
static const char *aotc_output_paths[AOTC_MODEL_MAX_TENSORS];
static const void *aotc_inputs[AOTC_MODEL_MAX_TENSORS];
static void *aotc_outputs[AOTC_MODEL_MAX_TENSORS];
static uint64_t aotc_samples[AOTC_BENCH_MAX_RUNS];

/* One line of output is built here, then written. */
static char aotc_line_buffer[4096];
static aotc_text_t aotc_line;

/*===--- Output -----------------------------------------------------------===*/

static void aotc_flush(int fd) {
  aotc_io_write_all(fd, aotc_line.data, aotc_line.length);
  aotc_text_clear(&aotc_line);
}

/* Starts "infer: error: "; the caller appends the message, then calls
 * aotc_fail. */
static aotc_text_t *aotc_error(void) {
  aotc_text_clear(&aotc_line);
  aotc_text_str(&aotc_line, "infer: error: ");
  return &aotc_line;
}

static int aotc_fail(void) {
  /* Paths and arguments may hold any byte: escape control bytes so that an
   * error is always one line, and keep the newline when it was cut off. */
  static char escaped_buffer[sizeof(aotc_line_buffer)];
  aotc_text_t escaped;
  aotc_text_init(&escaped, escaped_buffer, sizeof(escaped_buffer) - 1);
  aotc_text_escaped(&escaped, aotc_line.data, aotc_line.length);
  escaped.capacity = sizeof(escaped_buffer);
  aotc_text_char(&escaped, '\n');
  aotc_io_write_all(AOTC_STDERR, escaped.data, escaped.length);
  aotc_text_clear(&aotc_line);
  return 1;
}

static int aotc_fail_file(const char *path, const char *message) {
  aotc_text_t *text = aotc_error();
  aotc_text_str(text, path);
  aotc_text_str(text, ": ");
  aotc_text_str(text, message);
  return aotc_fail();
}

static int aotc_fail_errno(const char *path, const char *what, int fd) {
  char buffer[24];
  aotc_text_t *text = aotc_error();
  aotc_text_str(text, path);
  aotc_text_str(text, ": ");
  aotc_text_str(text, what);
  aotc_text_str(text, " (");
  aotc_text_str(text, aotc_io_errno_text(-fd, buffer, sizeof(buffer)));
  aotc_text_char(text, ')');
  return aotc_fail();
}

/*===--- --help and --info ------------------------------------------------===*/

static int aotc_print_help(void) {
  aotc_text_str(&aotc_line, "usage: infer [options] INPUT... [-o OUTPUT]...\n"
                            "\nRuns the model '");
  aotc_text_str(&aotc_line, aotc_model.name);
  aotc_text_str(
      &aotc_line,
      "' once and writes its outputs.\n"
      "\n"
      "  INPUT       one file per model input, in order: .npy (version 1.0,\n"
      "              2.0 or 3.0) or raw little-endian bytes; the dtype, "
      "shape\n"
      "              and size must be the input's\n"
      "  -o OUTPUT   one .npy file per model output, in order (or none)\n"
      "  --info      print how the model was built, its inputs, outputs and\n"
      "              arena size\n"
      "  --version   print the model, compiler and target in one line\n"
      "  --bench N   run N times (at most 100000) and print the min, median\n"
      "              and p99 latency\n"
      "  --profile   with --bench, also print each kernel's median time\n"
      "              (models built with aotc --profile)\n"
      "  --help      print this help\n");
  aotc_flush(AOTC_STDOUT);
  return 0;
}

static void aotc_print_tensor(const char *kind, int32_t index,
                              const aotc_tensor_desc_t *tensor) {
  aotc_text_str(&aotc_line, kind);
  aotc_text_char(&aotc_line, ' ');
  aotc_text_i64(&aotc_line, index);
  aotc_text_str(&aotc_line, ": '");
  aotc_text_str(&aotc_line, tensor->name);
  aotc_text_str(&aotc_line, "' ");
  aotc_text_str(&aotc_line, aotc_dtype_name(tensor->dtype));
  aotc_text_char(&aotc_line, ' ');
  aotc_text_shape(&aotc_line, tensor->rank, tensor->shape);
  aotc_text_str(&aotc_line, ", ");
  aotc_text_u64(&aotc_line, tensor->byte_size);
  aotc_text_str(&aotc_line, " bytes\n");
  aotc_flush(AOTC_STDOUT);
}

/* "lenet: aotc 0.1.0 (git 0123456789ab), target x86-64-v4" */
static void aotc_version_line(void) {
  aotc_text_str(&aotc_line, aotc_model.name);
  aotc_text_str(&aotc_line, ": ");
  aotc_text_str(&aotc_line, aotc_model.compiler);
  aotc_text_str(&aotc_line, ", target ");
  aotc_text_str(&aotc_line, aotc_model.target);
  aotc_text_char(&aotc_line, '\n');
}

static int aotc_print_version(void) {
  aotc_version_line();
  aotc_flush(AOTC_STDOUT);
  return 0;
}

static int aotc_print_info(void) {
  aotc_version_line();
  aotc_text_str(&aotc_line, "model: ");
  aotc_text_str(&aotc_line, aotc_model.name);
  aotc_text_str(&aotc_line, "\nmodel sha256: ");
  aotc_text_str(&aotc_line, aotc_model.model_sha256);
  for (const char *line = aotc_model.pinned_inputs; *line != '\0';) {
    aotc_text_str(&aotc_line, "\npinned input ");
    while (*line != '\n' && *line != '\0')
      aotc_text_char(&aotc_line, *line++);
    if (*line == '\n')
      ++line;
  }
  aotc_text_str(&aotc_line, "\ncompiler: ");
  aotc_text_str(&aotc_line, aotc_model.compiler);
  aotc_text_str(&aotc_line, "\ntarget: ");
  aotc_text_str(&aotc_line, aotc_model.target);
  aotc_text_str(&aotc_line, "\ncpu: ");
  aotc_text_str(&aotc_line, aotc_model.cpu);
  aotc_text_str(&aotc_line, "\ncpu features: ");
  aotc_text_str(&aotc_line, aotc_model.cpu_features[0] != '\0'
                                ? aotc_model.cpu_features
                                : "(the architecture's baseline)");
  aotc_text_str(&aotc_line, "\narena: ");
  aotc_text_u64(&aotc_line, aotc_model.arena_size);
  aotc_text_str(&aotc_line, " bytes, align ");
  aotc_text_u64(&aotc_line, aotc_model.arena_align);
  aotc_text_char(&aotc_line, '\n');
  aotc_flush(AOTC_STDOUT);
  for (int32_t i = 0; i < aotc_model.num_inputs; ++i)
    aotc_print_tensor("input", i, &aotc_model.inputs[i]);
  for (int32_t i = 0; i < aotc_model.num_outputs; ++i)
    aotc_print_tensor("output", i, &aotc_model.outputs[i]);
  return 0;
}

/*===--- --bench ----------------------------------------------------------===*/

static void aotc_print_ms(const char *label, uint64_t ns) {
  aotc_text_str(&aotc_line, label);
  aotc_text_ms(&aotc_line, ns);
  aotc_text_str(&aotc_line, " ms\n");
}

/* Prints the summary; returns the median. */
static uint64_t aotc_print_bench(uint64_t runs) {
  aotc_sort(aotc_samples, (size_t)runs);
  uint64_t median = aotc_sorted_median(aotc_samples, (size_t)runs);
  /* Nearest rank: the smallest sample >= 99% of all samples. */
  uint64_t p99 = aotc_samples[(99 * runs + 99) / 100 - 1];
  aotc_text_str(&aotc_line, "runs: ");
  aotc_text_u64(&aotc_line, runs);
  aotc_text_char(&aotc_line, '\n');
  aotc_print_ms("min: ", aotc_samples[0]);
  aotc_print_ms("median: ", median);
  aotc_print_ms("p99: ", p99);
  aotc_flush(AOTC_STDOUT);
  return median;
}

/*===--- Running ----------------------------------------------------------===*/

/* "expected 2 input files ('a', 'b'), got 1" */
static int aotc_fail_count(const char *kind, int32_t expected,
                           const aotc_tensor_desc_t *tensors, int32_t got) {
  aotc_text_t *text = aotc_error();
  aotc_text_str(text, "expected ");
  aotc_text_i64(text, expected);
  aotc_text_char(text, ' ');
  aotc_text_str(text, kind);
  aotc_text_str(text, expected == 1 ? " file" : " files");
  for (int32_t i = 0; i < expected; ++i) {
    aotc_text_str(text, i == 0 ? " ('" : ", '");
    aotc_text_str(text, tensors[i].name);
    aotc_text_str(text, i + 1 == expected ? "')" : "'");
  }
  if (tensors == aotc_model.outputs && expected != 0)
    aotc_text_str(text, " or none");
  aotc_text_str(text, ", got ");
  aotc_text_i64(text, got);
  return aotc_fail();
}

/* "node 'gather' (Gather): index 40000 out of range [-30522, 30522)" */
static int aotc_fail_index(void) {
  const aotc_index_error_t *error =
      (const aotc_index_error_t *)((const char *)aotc_model.arena +
                                   aotc_model.error_offset);
  if (error->check < 0 || error->check >= aotc_model.num_index_checks)
    return 0;
  const aotc_index_check_t *check = &aotc_model.index_checks[error->check];
  aotc_text_t *text = aotc_error();
  aotc_text_str(text, "node '");
  aotc_text_str(text, check->node);
  aotc_text_str(text, "' (");
  aotc_text_str(text, check->op);
  aotc_text_str(text, "): index ");
  aotc_text_i64(text, error->index);
  aotc_text_str(text, " out of range [");
  aotc_text_i64(text, -check->size);
  aotc_text_str(text, ", ");
  aotc_text_i64(text, check->size);
  aotc_text_char(text, ')');
  return aotc_fail();
}

static int aotc_fail_run(aotc_status_t status) {
  if (status == AOTC_STATUS_INDEX_OUT_OF_RANGE && aotc_fail_index())
    return 1;
  aotc_text_t *text = aotc_error();
  aotc_text_str(text, "model '");
  aotc_text_str(text, aotc_model.name);
  aotc_text_str(text, "': ");
  aotc_text_str(text, aotc_status_message(status));
  return aotc_fail();
}

static int aotc_read_inputs(void) {
  char buffer[1024];
  aotc_text_t message;
  for (int32_t i = 0; i < aotc_model.num_inputs; ++i) {
    const char *path = aotc_input_paths[i];
    int fd = aotc_io_open_read(path);
    if (fd < 0)
      return aotc_fail_errno(path, "cannot open", fd);
    aotc_text_init(&message, buffer, sizeof(buffer));
    aotc_status_t status = aotc_npy_read(fd, &aotc_model.inputs[i], &message);
    aotc_io_close(fd);
    if (status != AOTC_STATUS_OK)
      return aotc_fail_file(path, message.data);
    aotc_inputs[i] = aotc_model.inputs[i].buffer;
  }
  return 0;
}

static int aotc_write_outputs(int32_t count) {
  char buffer[1024];
  aotc_text_t message;
  for (int32_t i = 0; i < count; ++i) {
    const char *path = aotc_output_paths[i];
    int fd = aotc_io_create(path);
    if (fd < 0)
      return aotc_fail_errno(path, "cannot create", fd);
    aotc_text_init(&message, buffer, sizeof(buffer));
    aotc_status_t status = aotc_npy_write(fd, &aotc_model.outputs[i], &message);
    int closed = aotc_io_close(fd);
    if (status != AOTC_STATUS_OK)
      return aotc_fail_file(path, message.data);
    if (closed < 0)
      return aotc_fail_errno(path, "cannot write", closed);
  }
  return 0;
}

static int aotc_run(uint64_t bench_runs, int profile) {
  for (int32_t i = 0; i < aotc_model.num_outputs; ++i)
    aotc_outputs[i] = aotc_model.outputs[i].buffer;
  uint64_t runs = bench_runs ? bench_runs : 1;
  for (uint64_t r = 0; r < runs; ++r) {
    uint64_t start = aotc_profile_clock();
    aotc_status_t status =
        aotc_model.run(aotc_model.arena, (size_t)aotc_model.arena_size,
                       aotc_inputs, aotc_outputs);
    aotc_samples[r] = aotc_profile_clock() - start;
    if (status != AOTC_STATUS_OK)
      return aotc_fail_run(status);
    if (profile)
      aotc_profile_record(r);
  }
  if (bench_runs) {
    uint64_t median = aotc_print_bench(bench_runs);
    if (profile)
      aotc_profile_print(bench_runs, median);
  }
  return 0;
}

/*===--- Command line -----------------------------------------------------===*/

static int aotc_starts_with(const char *s, const char *prefix) {
  while (*prefix != '\0' && *s == *prefix) {
    ++s;
    ++prefix;
  }
  return *prefix == '\0';
}

static int aotc_main(int argc, char **argv) {
  int32_t num_inputs = 0, num_outputs = 0;
  int info = 0, options_done = 0;
  uint64_t bench_runs = 0;
  int profile = 0;
  for (int i = 1; i < argc; ++i) {
    const char *arg = argv[i];
    if (options_done || arg[0] != '-' || arg[1] == '\0') {
      if (num_inputs == AOTC_MODEL_MAX_TENSORS)
        return aotc_fail_file(arg, "too many input files");
      aotc_input_paths[num_inputs++] = arg;
    } else if (aotc_streq(arg, "--")) {
      options_done = 1;
    } else if (aotc_streq(arg, "--help") || aotc_streq(arg, "-h")) {
      return aotc_print_help();
    } else if (aotc_streq(arg, "--info")) {
      info = 1;
    } else if (aotc_streq(arg, "--version")) {
      return aotc_print_version();
    } else if (aotc_streq(arg, "-o")) {
      if (i + 1 == argc)
        return aotc_fail_file(arg, "missing output file");
      if (num_outputs == AOTC_MODEL_MAX_TENSORS)
        return aotc_fail_file(argv[i + 1], "too many output files");
      aotc_output_paths[num_outputs++] = argv[++i];
    } else if (aotc_streq(arg, "--bench") ||
               aotc_starts_with(arg, "--bench=")) {
      const char *value = arg[7] == '=' ? arg + 8 : argv[++i];
      if (value == NULL) /* argv[argc] */
        return aotc_fail_file(arg, "missing run count");
      bench_runs = aotc_parse_count(value, AOTC_BENCH_MAX_RUNS);
      if (bench_runs == 0) {
        aotc_text_t *text = aotc_error();
        aotc_text_str(text, "--bench: '");
        aotc_text_str(text, value);
        aotc_text_str(text, "' is not a run count from 1 to 100000");
        return aotc_fail();
      }
    } else if (aotc_streq(arg, "--profile")) {
      profile = 1;
    } else {
      aotc_text_t *text = aotc_error();
      aotc_text_str(text, "unknown option '");
      aotc_text_str(text, arg);
      aotc_text_str(text, "' (see --help)");
      return aotc_fail();
    }
  }

  aotc_status_t status = aotc_model_check(&aotc_model);
  if (status != AOTC_STATUS_OK ||
      aotc_model.num_inputs > AOTC_MODEL_MAX_TENSORS ||
      aotc_model.num_outputs > AOTC_MODEL_MAX_TENSORS)
    return aotc_fail_run(status != AOTC_STATUS_OK ? status
                                                  : AOTC_STATUS_INTERNAL);
  if (info)
    return aotc_print_info();
  if (profile && !aotc_profile_available()) {
    aotc_text_str(aotc_error(), "--profile: the model was built without "
                                "profiling (aotc --profile)");
    return aotc_fail();
  }
  if (profile && bench_runs == 0) {
    aotc_text_str(aotc_error(), "--profile times kernels over runs: give "
                                "--bench N too");
    return aotc_fail();
  }
  if (num_inputs != aotc_model.num_inputs)
    return aotc_fail_count("input", aotc_model.num_inputs, aotc_model.inputs,
                           num_inputs);
  if (num_outputs != 0 && num_outputs != aotc_model.num_outputs)
    return aotc_fail_count("output", aotc_model.num_outputs, aotc_model.outputs,
                           num_outputs);
  if (aotc_read_inputs() != 0 || aotc_run(bench_runs, profile) != 0)
    return 1;
  return aotc_write_outputs(num_outputs);
}

/*===--- CPU guard --------------------------------------------------------===*/

/* Appends word `index` (from 0) of the space-separated `words`. */
static void aotc_text_word(aotc_text_t *text, const char *words,
                           int32_t index) {
  for (; index > 0 && *words != '\0'; ++words)
    if (*words == ' ')
      --index;
  size_t length = 0;
  while (words[length] != '\0' && words[length] != ' ')
    ++length;
  aotc_text_bytes(text, words, length);
}

/* "built for x86-64-v4 (needs ... avx512vl); this CPU lacks avx512f": the
 * model's code would die on an illegal instruction, so nothing runs. */
static int aotc_check_cpu(void) {
  int32_t missing = aotc_model.check_cpu ? aotc_model.check_cpu() : 0;
  if (missing == 0)
    return 0;
  aotc_text_t *text = aotc_error();
  aotc_text_str(text, "built for ");
  aotc_text_str(text, aotc_model.cpu);
  aotc_text_str(text, " (needs ");
  aotc_text_str(text, aotc_model.cpu_features);
  aotc_text_str(text, "); this CPU lacks ");
  aotc_text_word(text, aotc_model.cpu_features, missing - 1);
  return aotc_fail();
}

/* The command line; returns the exit status. Called by aotc_entry, or by a
 * C library's main() in executables that link one (GPU targets). The CPU is
 * checked first: until then, only baseline instructions run. */
int aotc_command_line(int argc, char **argv) {
  aotc_text_init(&aotc_line, aotc_line_buffer, sizeof(aotc_line_buffer));
  if (aotc_model.abi_version == AOTC_MODEL_ABI_VERSION && aotc_check_cpu())
    return 1;
  return aotc_main(argc, argv);
}

/* Called by _start (start.S) with the initial stack pointer: argc, then
 * argv[0..argc-1], NULL, then the environment. */
int aotc_entry(const uintptr_t *initial_sp) {
  return aotc_command_line((int)initial_sp[0], (char **)(initial_sp + 1));
}
