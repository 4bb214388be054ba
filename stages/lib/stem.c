/* See LICENSE file for copyright and license details. */
/* English Snowball stems through libstemmer. */
#include <stdlib.h>

#include <libstemmer.h>

#include "glean.h"

static struct sb_stemmer *stemmer;

static void
close_stemmer(void)
{
	sb_stemmer_delete(stemmer);
	stemmer = NULL;
}

const char *
glean_stem(const char *word, size_t n, size_t *outlen)
{
	const sb_symbol *s;

	if (!stemmer) {
		stemmer = sb_stemmer_new("english", "UTF_8");
		if (!stemmer)
			glean_die(GLEAN_EXIT_FATAL, "libstemmer: no English stemmer");
		atexit(close_stemmer);
	}
	if (n > (size_t)4096)
		n = 4096;
	s = sb_stemmer_stem(stemmer, (const sb_symbol *)word, (int)n);
	if (!s)
		glean_die(GLEAN_EXIT_FATAL, "libstemmer: out of memory");
	*outlen = (size_t)sb_stemmer_length(stemmer);
	return (const char *)s;
}
