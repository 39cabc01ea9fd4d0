/*===- stats.h - Sorting and medians of timing samples --------------------===*/
#ifndef AOTC_RUNTIME_SRC_STATS_H
#define AOTC_RUNTIME_SRC_STATS_H

#include <stddef.h>
#include <stdint.h>

/* Heapsort: in place, O(n log n), no recursion. */
void aotc_sort(uint64_t *a, size_t n);
/* The median of a sorted array of n >= 1 samples. */
uint64_t aotc_sorted_median(const uint64_t *a, size_t n);

#endif /* AOTC_RUNTIME_SRC_STATS_H */
