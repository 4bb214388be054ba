/* See LICENSE file for copyright and license details. */
/* Allocators that die (exit 2) instead of returning NULL. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"

static _Noreturn void
oom(void)
{
	glean_die(GLEAN_EXIT_FATAL, "out of memory");
}

void *
glean_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		oom();
	return p;
}

void *
glean_calloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	if (!p)
		oom();
	return p;
}

void *
glean_realloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *
glean_strndup(const char *s, size_t n)
{
	char *d = glean_malloc(n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *
glean_strdup(const char *s)
{
	return glean_strndup(s, strlen(s));
}

char *
glean_asprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	return s;
}

void *
glean_grow(void *p, size_t n, size_t *cap, size_t size)
{
	if (n < *cap)
		return p;
	*cap = *cap ? 2 * *cap : 16;
	return glean_realloc(p, *cap * size);
}

void
glean_free_fields(void *rows, size_t n, size_t size, const size_t *fields,
    size_t nfields)
{
	char *row = rows;
	size_t i, k;

	for (i = 0; i < n; i++, row += size)
		for (k = 0; k < nfields; k++)
			free(*(void **)(row + fields[k]));
}

void
glean_free_table(void *owner, void *rows, size_t n, size_t size,
    const size_t *fields, size_t nfields)
{
	glean_free_fields(rows, n, size, fields, nfields);
	free(rows);
	free(owner);
}
