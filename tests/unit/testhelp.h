/* See LICENSE file for copyright and license details. */
/* A two-macro unit-test harness in the manner of sds's testhelp.h. */
#ifndef TESTHELP_H
#define TESTHELP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int test_failed, test_count;

/* Check a condition, counting it; print the failing ones. */
#define test_cond(descr, cond) do { \
	test_count++; \
	if (!(cond)) { \
		test_failed++; \
		printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, descr); \
	} \
} while (0)

/* Check that the string got equals want; print both when not. */
#define test_str(descr, got, want) do { \
	const char *got_ = (got), *want_ = (want); \
	test_cond(descr, strcmp(got_, want_) == 0); \
	if (strcmp(got_, want_)) \
		printf("  got:  %s\n  want: %s\n", got_, want_); \
} while (0)

/* Print the totals and exit 1 if anything failed. */
#define test_report() do { \
	printf("%d tests, %d passed, %d failed\n", test_count, \
	    test_count - test_failed, test_failed); \
	exit(test_failed ? 1 : 0); \
} while (0)

#endif
