/* Runs the tiny CNN built with --weights=FILE: loads the weights file (as a
 * host program would from external flash) into an aligned buffer, checks
 * that the run function refuses missing, short and misaligned weights, and
 * prints the outputs as examples/embed-c/main.c does.
 *
 *   run-with-weights WEIGHTS_FILE
 */
#include <stdio.h>

#include "tiny.h"

static unsigned char arena[AOTC_TINY_ARENA_SIZE]
    __attribute__((aligned(AOTC_TINY_ARENA_ALIGN)));
/* One spare byte: a misaligned copy and the end-of-file check. */
static unsigned char weights[AOTC_TINY_WEIGHTS_SIZE + 1]
    __attribute__((aligned(AOTC_TINY_WEIGHTS_ALIGN)));
static float image[AOTC_TINY_INPUT0_ELEMENTS];
static float probabilities[AOTC_TINY_OUTPUT0_ELEMENTS];

int main(int argc, char **argv) {
  FILE *file = argc == 2 ? fopen(argv[1], "rb") : NULL;
  if (!file ||
      fread(weights, 1, sizeof(weights), file) != AOTC_TINY_WEIGHTS_SIZE) {
    fprintf(stderr, "run-with-weights: cannot read %d bytes of weights\n",
            AOTC_TINY_WEIGHTS_SIZE);
    return 1;
  }
  fclose(file);
  for (int i = 0; i < AOTC_TINY_INPUT0_ELEMENTS; ++i)
    image[i] = (float)((i * 7) % 13) / 13.0f - 0.5f;

  const void *inputs[] = {image};
  void *outputs[] = {probabilities};
  printf("null: %d\n", aotc_tiny_run(arena, sizeof(arena), NULL,
                                     AOTC_TINY_WEIGHTS_SIZE, inputs, outputs));
  printf("short: %d\n",
         aotc_tiny_run(arena, sizeof(arena), weights,
                       AOTC_TINY_WEIGHTS_SIZE - 1, inputs, outputs));
  printf("misaligned: %d\n",
         aotc_tiny_run(arena, sizeof(arena), weights + 1,
                       AOTC_TINY_WEIGHTS_SIZE, inputs, outputs));
  aotc_status_t status = aotc_tiny_run(arena, sizeof(arena), weights,
                                       AOTC_TINY_WEIGHTS_SIZE, inputs, outputs);
  printf("run: %d\n", status);
  for (int i = 0; i < AOTC_TINY_OUTPUT0_ELEMENTS; ++i)
    printf("%.5f\n", probabilities[i]);
  return status != AOTC_STATUS_OK;
}
