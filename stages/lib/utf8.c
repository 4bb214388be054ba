/* See LICENSE file for copyright and license details. */
/* UTF-8 decoding, validation, code-point offsets and case folding. */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "glean.h"

size_t
glean_utf8_next(const char *s, size_t n, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t len;

	if (n == 0) {
		*cp = -1;
		return 1;
	}
	if ((unsigned char)s[0] < 0x80) {
		*cp = (unsigned char)s[0];
		return 1;
	}
	/* utf8proc_iterate rejects overlongs, surrogates and > U+10FFFF. */
	len = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)(n > 4 ? 4 : n), &c);
	if (len < 1) {
		*cp = -1;
		return 1;
	}
	*cp = c;
	return (size_t)len;
}

int
glean_utf8_valid(const char *s, size_t n)
{
	size_t i = 0;
	int32_t cp;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		i += glean_utf8_next(s + i, n - i, &cp);
		if (cp < 0)
			return 0;
	}
	return 1;
}

size_t
glean_cp_count(const char *s, size_t n)
{
	size_t i, count = 0;

	/* Count every byte that does not continue a character. */
	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

void
glean_offsets_init(struct glean_offsets *m, const char *s, size_t n)
{
	size_t i, cp = 0;

	m->nbytes = n;
	m->ncps = glean_cp_count(s, n);
	m->cp_of_byte = glean_malloc((n + 1) * sizeof *m->cp_of_byte);
	m->byte_of_cp = glean_malloc((m->ncps + 1) * sizeof *m->byte_of_cp);
	for (i = 0; i < n; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			m->byte_of_cp[cp] = (uint32_t)i;
			m->cp_of_byte[i] = (uint32_t)cp++;
		} else {
			/* inside a character: map to its start */
			m->cp_of_byte[i] = cp ? (uint32_t)(cp - 1) : 0;
		}
	}
	m->cp_of_byte[n] = (uint32_t)cp;
	m->byte_of_cp[cp] = (uint32_t)n;
}

void
glean_offsets_free(struct glean_offsets *m)
{
	free(m->cp_of_byte);
	free(m->byte_of_cp);
	m->cp_of_byte = m->byte_of_cp = NULL;
	m->nbytes = m->ncps = 0;
}

size_t
glean_cp(const struct glean_offsets *m, size_t byte)
{
	if (byte > m->nbytes)
		byte = m->nbytes;
	return m->cp_of_byte[byte];
}

size_t
glean_byte(const struct glean_offsets *m, size_t cp)
{
	if (cp > m->ncps)
		cp = m->ncps;
	return m->byte_of_cp[cp];
}

char *
glean_casefold(const char *s, size_t n, size_t *outlen)
{
	utf8proc_uint8_t *dst;
	utf8proc_ssize_t len;
	size_t i;
	char *d;

	/* Most news words are ASCII: fold them without utf8proc. */
	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80 || s[i] == '\0')
			break;
	if (i == n) {
		d = glean_malloc(n + 1);
		for (i = 0; i < n; i++)
			d[i] = (s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i];
		d[n] = '\0';
		*outlen = n;
		return d;
	}
	len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
	    &dst, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
	if (len < 0) {
		/* invalid input: fall back to a plain copy */
		*outlen = n;
		return glean_strndup(s, n);
	}
	*outlen = (size_t)len;
	d = glean_strndup((const char *)dst, (size_t)len);
	free(dst);
	return d;
}
