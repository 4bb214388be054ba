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

/* The lexicons' folder for a test that needs them: $GLEAN_LEXICONS, or
 * ./lexicons. */
static inline const char *
test_lexicons(void)
{
	const char *dir = getenv("GLEAN_LEXICONS");

	return dir && *dir ? dir : "lexicons";
}

/* A text of one to nine of the npiece pieces, drawn with the
 * generator *seed (a fixed seed gives the same texts each run), into
 * text; returns its length.  Pieces are at most 28 bytes, so that nine
 * fit; a longer one is cut where text ends (255 bytes and its NUL). */
static inline size_t
test_random_text(unsigned long *seed, const char *const *piece,
    size_t npiece, char text[256])
{
	size_t n = 0, k, pieces;
	int wrote;

	*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
	pieces = 1 + (*seed >> 33) % 9;
	for (k = 0; k < pieces; k++) {
		*seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
		wrote = snprintf(text + n, 256 - n, "%s",
		    piece[(*seed >> 33) % npiece]);
		/* snprintf says what it would have written */
		if (wrote > 0)
			n += (size_t)wrote < 255 - n ? (size_t)wrote : 255 - n;
	}
	return n;
}

/* What test_gate_texts counts: the tries of the gated patterns and how
 * many of them the gate said no to, the matches by pattern, and the
 * matches a gate kept out (wrong: there must be none). */
struct test_gate_counts {
	unsigned long tried, said_no, wrong, matched[32];
};

/*
 * A gate against the patterns it stands before, on rounds texts that
 * text_of makes from the generator *seed: at each character start i of
 * each text and for each pattern p < npat (at most 32), let(p, text, n,
 * i) says whether the gate lets p be tried at i, and match(p, text, n,
 * i) whether p matches there.  Counted into *k, zeroed first (tried
 * and said_no for the patterns of the bits of gated only); the first
 * five matches kept out are printed.
 */
static inline void
test_gate_texts(unsigned long *seed, int rounds, int npat, unsigned gated,
    size_t (*text_of)(unsigned long *, char *),
    int (*let)(int, const char *, size_t, size_t),
    int (*match)(int, const char *, size_t, size_t),
    struct test_gate_counts *k)
{
	char text[256];
	size_t n, i;
	int round, p, yes;

	memset(k, 0, sizeof *k);
	for (round = 0; round < rounds; round++) {
		n = text_of(seed, text);
		for (i = 0; i < n; i++) {
			if (((unsigned char)text[i] & 0xc0) == 0x80)
				continue;
			for (p = 0; p < npat; p++) {
				yes = let(p, text, n, i);
				k->tried += (gated >> p & 1) != 0;
				k->said_no += (gated >> p & 1) && !yes;
				if (!match(p, text, n, i))
					continue;
				k->matched[p]++;
				if (!yes && k->wrong++ < 5)
					fprintf(stderr, "pattern %d not tried "
					    "at %zu of \"%s\"\n", p, i, text);
			}
		}
	}
}

#endif
