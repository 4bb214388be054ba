/* See LICENSE file for copyright and license details. */
/* Diagnostics: every message on stderr, prefixed with the program name. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"

const char *glean_prog = "glean";

void
glean_setprog(const char *argv0)
{
	const char *slash;

	if (!argv0 || !*argv0)
		return;
	slash = strrchr(argv0, '/');
	glean_prog = slash ? slash + 1 : argv0;
}

/*
 * The message as one line, "PROG: [FILE:[LINE:] ]message[ reason]\n", in
 * one write: processes sharing the standard error (a pipe's stages, the
 * workers of glean-chain -j) then never interleave pieces of their
 * lines.  A format ending in ':' asks for the system's reason, as sbase
 * does.
 */
static void
vwarn(const char *file, long line, const char *fmt, va_list ap)
{
	int saved = errno;
	size_t n = strlen(fmt);
	struct glean_buf b = { 0 };
	char num[32];
	va_list copy;
	int len;

	fflush(stdout);
	glean_buf_add(&b, glean_prog, strlen(glean_prog));
	glean_buf_add(&b, ": ", 2);
	if (file) {
		glean_buf_add(&b, file, strlen(file));
		if (line > 0) {
			len = snprintf(num, sizeof num, ":%ld", line);
			glean_buf_add(&b, num, (size_t)len);
		}
		glean_buf_add(&b, ": ", 2);
	}
	va_copy(copy, ap);
	len = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	if (len > 0) {
		glean_buf_reserve(&b, (size_t)len);
		vsnprintf(b.s + b.len, (size_t)len + 1, fmt, ap);
		b.len += (size_t)len;
	}
	if (n && fmt[n - 1] == ':') {
		glean_buf_addc(&b, ' ');
		glean_buf_add(&b, strerror(saved), strlen(strerror(saved)));
	}
	glean_buf_addc(&b, '\n');
	fwrite(b.s, 1, b.len, stderr);
	glean_buf_free(&b);
}

void
glean_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(NULL, 0, fmt, ap);
	va_end(ap);
}

void
glean_warn_at(const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(file ? file : "<stdin>", line, fmt, ap);
	va_end(ap);
}

_Noreturn void
glean_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(NULL, 0, fmt, ap);
	va_end(ap);
	exit(status);
}
