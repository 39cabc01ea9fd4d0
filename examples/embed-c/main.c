/* Embeds a model compiled by aotc in library mode into an ordinary C
 * program, as firmware would: the program owns the arena (a static buffer of
 * the size and alignment the generated header states) and the tensors.
 *
 *   aotc ../tiny-cnn/model.pbtxt --input-shape=image:1x1x8x8 \
 *        -c -o tiny.o --header tiny.h --name tiny
 *   cc -I. main.c tiny.o -o embed && ./embed
 *
 * Prints the ten class probabilities for a fixed input pattern, or, on a CPU
 * that lacks a feature the model was compiled for, which one.
 */
#include <stdio.h>

#include "tiny.h"

static unsigned char arena[AOTC_TINY_ARENA_SIZE + 1]
    __attribute__((aligned(AOTC_TINY_ARENA_ALIGN)));
static float image[AOTC_TINY_INPUT0_ELEMENTS];
static float probabilities[AOTC_TINY_OUTPUT0_ELEMENTS];

/* Prints word `index` of the space-separated `words`. */
static void print_word(const char *words, int index) {
  for (; index > 0 && *words; ++words)
    if (*words == ' ')
      --index;
  while (*words && *words != ' ')
    putc(*words++, stderr);
}

int main(void) {
  /* Before any model code: on a CPU without its features it would die on an
   * illegal instruction. */
  int missing = aotc_tiny_check_cpu();
  if (missing != 0) {
    fprintf(stderr, "embed: built for %s; this CPU lacks ", AOTC_TINY_CPU);
    print_word(AOTC_TINY_CPU_FEATURES, missing - 1);
    fputc('\n', stderr);
    return 1;
  }
  for (int i = 0; i < AOTC_TINY_INPUT0_ELEMENTS; ++i)
    image[i] = (float)((i * 7) % 13) / 13.0f - 0.5f;

  const void *inputs[] = {image};
  void *outputs[] = {probabilities};
  aotc_status_t status = aotc_tiny_run(arena, sizeof(arena), inputs, outputs);
  if (status != AOTC_STATUS_OK) {
    fprintf(stderr, "embed: aotc_tiny_run failed with status %d\n", status);
    return 1;
  }
  /* The generated code checks the arena it is given. */
  if (aotc_tiny_run(arena + 1, sizeof(arena) - 1, inputs, outputs) !=
      AOTC_STATUS_ARENA_MISALIGNED)
    return 1;
  if (aotc_tiny_run(arena, AOTC_TINY_ARENA_SIZE - 1, inputs, outputs) !=
      AOTC_STATUS_ARENA_TOO_SMALL)
    return 1;

  for (int i = 0; i < AOTC_TINY_OUTPUT0_ELEMENTS; ++i)
    printf("%.5f\n", probabilities[i]);
  return 0;
}
