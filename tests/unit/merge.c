/* See LICENSE file for copyright and license details. */
/*
 * Unit tests of glean-merge's string maps (stages/merge/map.c, compiled
 * in here): sort keys against strcmp, and look-ups with known lengths
 * against the strings they stand for.  Random texts with a fixed seed.
 */
#include "../../stages/merge/map.c"

#include "testhelp.h"

/* Pieces whose joins share long prefixes, end near the 24 bytes a sort
 * key holds, and carry bytes past ASCII, tabs and backslashes. */
static const char *const pieces[] = {
	"entertainment-", "business-00", "r0", "r1", "1", "9", "\t", "\\",
	"\xc3\xa9", "\xff", "~", "=", " ", "abcdefghijklmnopqrstuvw", "x",
	"0123456789012345678901234", ""
};
#define NPIECES (sizeof(pieces) / sizeof(*pieces))
#define NTEXTS 400

static int
sign(int r)
{
	return (r > 0) - (r < 0);
}

/* sortkey_cmp orders every pair as strcmp does (the exact gate). */
static void
test_sortkeys(char (*text)[256], size_t n)
{
	static struct sortkey k[NTEXTS];
	size_t i, j, bad = 0;

	for (i = 0; i < n; i++)
		sortkey_set(&k[i], text[i], NULL);
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			bad += sign(sortkey_cmp(&k[i], &k[j])) !=
			    sign(strcmp(text[i], text[j]));
	test_cond("sortkey_cmp orders as strcmp", bad == 0);
}

/* map_findn finds what map_find added, and nothing else. */
static void
test_lengths(char (*text)[256], size_t n)
{
	struct map m = { 0 };
	struct slot *sl;
	size_t i, bad = 0, len;

	for (i = 0; i < n; i += 2)
		map_find(&m, text[i], 1)->val = text[i];
	for (i = 0; i < n; i++) {
		len = strlen(text[i]);
		sl = map_findn(&m, text[i], len, 0);
		/* an odd text is in the map only when an even one equals it */
		if (sl && (strcmp(sl->key, text[i]) || sl->len != len))
			bad++;
		if (!sl && i % 2 == 0)
			bad++;
	}
	test_cond("map_findn finds exactly the keys", bad == 0);
	map_free(&m, NULL);
}

int
main(void)
{
	static char text[NTEXTS][256];
	unsigned long seed = 18;
	size_t i;

	for (i = 0; i < NTEXTS; i++)
		test_random_text(&seed, pieces, NPIECES, text[i]);
	test_sortkeys(text, NTEXTS);
	test_lengths(text, NTEXTS);
	test_report();
}
