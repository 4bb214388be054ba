/* See LICENSE file for copyright and license details. */
/* pcre2 wrappers: compile once with JIT, match, die on real errors. */
#include <stdio.h>

#include "glean.h"

pcre2_code *
glean_re_compile_lazy(const char *pattern, uint32_t flags, const char *what)
{
	pcre2_code *re;
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE erroff;
	int errcode;

	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | flags, &errcode, &erroff, NULL);
	if (!re) {
		pcre2_get_error_message(errcode, msg, sizeof msg);
		glean_die(GLEAN_EXIT_FATAL, "%s: bad pattern at offset %zu: %s",
		    what ? what : "pattern", (size_t)erroff, (char *)msg);
	}
	return re;
}

pcre2_code *
glean_re_compile(const char *pattern, uint32_t flags, const char *what)
{
	pcre2_code *re = glean_re_compile_lazy(pattern, flags, what);

	/* JIT is an optimisation: without it (e.g. no JIT on the CPU)
	 * pcre2_match falls back to the interpreter. */
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

const pcre2_code *
glean_re_jitted(const pcre2_code *re)
{
	size_t jitsize = 0;

	pcre2_pattern_info(re, PCRE2_INFO_JITSIZE, &jitsize);
	/* every pattern is made by glean_re_compile_lazy() (or _compile),
	 * as a pcre2_code that is not const: JIT-compiling it is allowed */
	if (!jitsize)
		pcre2_jit_compile((pcre2_code *)(uintptr_t)re,
		    PCRE2_JIT_COMPLETE);
	return re;
}

pcre2_match_data *
glean_re_match_data(const pcre2_code *re)
{
	pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);

	if (!md)
		glean_die(GLEAN_EXIT_FATAL, "out of memory");
	return md;
}

int
glean_re_match(const pcre2_code *re, const char *s, size_t n, size_t start,
    pcre2_match_data *md)
{
	int rc;

	if (start > n)
		return 0;
	/* Our texts are validated UTF-8, so skip pcre2's own check: it
	 * would rescan the whole subject on every call. */
	rc = pcre2_match(re, (PCRE2_SPTR)s, n, start, PCRE2_NO_UTF_CHECK, md,
	    NULL);
	if (rc == PCRE2_ERROR_NOMATCH || rc == PCRE2_ERROR_PARTIAL)
		return 0;
	if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
	    rc == PCRE2_ERROR_HEAPLIMIT) {
		/* Pathological input: treat as no match rather than dying,
		 * so one odd document cannot stop a nightly run. */
		return 0;
	}
	if (rc < 0) {
		PCRE2_UCHAR msg[256];

		pcre2_get_error_message(rc, msg, sizeof msg);
		glean_die(GLEAN_EXIT_FATAL, "pcre2_match: %s", (char *)msg);
	}
	return rc == 0 ? (int)pcre2_get_ovector_count(md) : rc;
}

int
glean_re_group(const pcre2_code *re, pcre2_match_data *md, const char *name,
    size_t *s, size_t *e)
{
	int k = pcre2_substring_number_from_name(re, (PCRE2_SPTR)name);

	return glean_re_span(pcre2_get_ovector_pointer(md),
	    pcre2_get_ovector_count(md), k, s, e);
}
