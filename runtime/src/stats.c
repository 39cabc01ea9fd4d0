/*===- stats.c - Sorting and medians of timing samples --------------------===*/

#include "stats.h"

static void aotc_sift_down(uint64_t *a, size_t root, size_t n) {
  for (size_t child; (child = 2 * root + 1) < n; root = child) {
    if (child + 1 < n && a[child + 1] > a[child])
      ++child;
    if (a[root] >= a[child])
      return;
    uint64_t t = a[root];
    a[root] = a[child];
    a[child] = t;
  }
}

void aotc_sort(uint64_t *a, size_t n) {
  for (size_t i = n / 2; i-- > 0;)
    aotc_sift_down(a, i, n);
  for (size_t end = n; end-- > 1;) {
    uint64_t t = a[0];
    a[0] = a[end];
    a[end] = t;
    aotc_sift_down(a, 0, end);
  }
}

uint64_t aotc_sorted_median(const uint64_t *a, size_t n) {
  return n % 2 ? a[n / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
}
