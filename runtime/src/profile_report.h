/*===- profile_report.h - --bench N --profile: the per-kernel table -------===*/
#ifndef AOTC_RUNTIME_SRC_PROFILE_REPORT_H
#define AOTC_RUNTIME_SRC_PROFILE_REPORT_H

#include "aotc/profile.h"

/* Whether the model was built with aotc --profile. */
int aotc_profile_available(void);
/* Keeps the kernel times of run `run` (0, 1, ...), just made. */
void aotc_profile_record(uint64_t run);
/* Prints the table over the runs kept, with `median_run_ns` (the median
 * of all runs) as the total the kernels' medians are compared with. */
void aotc_profile_print(uint64_t runs, uint64_t median_run_ns);

#endif /* AOTC_RUNTIME_SRC_PROFILE_REPORT_H */
