/* See LICENSE file for copyright and license details. */
/*
 * lines.c - the input's lines, read in blocks and handed out in place.
 *
 * getline() copies every line out of stdio's buffer, and most of a late
 * stage's input is layers it copies through unread: reading blocks of
 * GLEAN_LINES_BLOCK bytes straight into one buffer and handing out the
 * lines where they lie saves that copy.  A reader may be limited to a
 * byte range of a file (pread at its own offset), so that processes
 * sharing one open file each read their own part of it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "glean.h"

void
glean_lines_init(struct glean_lines *lr, int fd, off_t start, off_t end)
{
	memset(lr, 0, sizeof *lr);
	lr->fd = fd;
	lr->off = start;
	lr->stop = end;
}

void
glean_lines_init_stream(struct glean_lines *lr, FILE *fp)
{
	glean_lines_init(lr, -1, -1, -1);
	lr->fp = fp;
}

/* Room for a block after the bytes kept: the partial line moved to the
 * front, the buffer grown when a line is longer than what is left. */
static void
make_room(struct glean_lines *lr)
{
	size_t kept = lr->end - lr->start, want;

	if (kept)
		memmove(lr->buf, lr->buf + lr->start, kept);
	lr->scanned -= lr->start;
	lr->start = 0;
	lr->end = kept;
	want = kept + GLEAN_LINES_BLOCK + 1;	/* + 1: the NUL after a line */
	if (lr->cap < want) {
		lr->cap = want > 2 * lr->cap ? want : 2 * lr->cap;
		lr->buf = glean_realloc(lr->buf, lr->cap);
	}
}

/*
 * The next line of lr's stdio stream after what lr holds, the buffer
 * grown for it: read()'s answer.  A line at a time, as getline reads,
 * so that a line is handed out as soon as it has come (a pipe into
 * normalize --unbuffered), and what the caller read ahead through fp is
 * taken first.
 */
static ssize_t
stream_read(struct glean_lines *lr)
{
	ssize_t got = getline(&lr->tmp, &lr->tmpcap, lr->fp);

	if (got < 0)
		return ferror(lr->fp) ? -1 : 0;
	if (lr->cap - lr->end < (size_t)got + 1) {
		lr->cap = lr->end + (size_t)got + 1;
		lr->buf = glean_realloc(lr->buf, lr->cap);
	}
	memcpy(lr->buf + lr->end, lr->tmp, (size_t)got);
	return got;
}

/* Read the next block after what lr holds; sets eof at the end of the
 * input or its range, err (and eof) on a read error. */
static void
fill(struct glean_lines *lr)
{
	size_t n;
	ssize_t got;

	make_room(lr);
	n = lr->cap - lr->end - 1;
	if (lr->stop >= 0 && (off_t)n > lr->stop - lr->off)
		n = (size_t)(lr->stop - lr->off);
	do {
		if (n == 0)
			got = 0;
		else if (lr->fp)
			got = stream_read(lr);
		else if (lr->off >= 0)
			got = pread(lr->fd, lr->buf + lr->end, n, lr->off);
		else
			got = read(lr->fd, lr->buf + lr->end, n);
	} while (got < 0 && errno == EINTR);
	if (got <= 0) {
		if (got < 0)
			lr->err = errno;
		lr->eof = 1;
		return;
	}
	lr->end += (size_t)got;
	if (lr->off >= 0)
		lr->off += got;
}

char *
glean_lines_next(struct glean_lines *lr, size_t *len, int *unended)
{
	char *line, *nl;

	for (;;) {
		/* no arithmetic on buf before the first block (NULL) */
		line = lr->buf ? lr->buf + lr->start : NULL;
		/* a long line's bytes are searched once, not after every
		 * block */
		nl = lr->end > lr->scanned ? memchr(lr->buf + lr->scanned,
		    '\n', lr->end - lr->scanned) : NULL;
		lr->scanned = lr->end;
		if (nl || (lr->eof && lr->end > lr->start)) {
			*unended = !nl;
			*len = nl ? (size_t)(nl - line) : lr->end - lr->start;
			line[*len] = '\0';	/* buf has room past end */
			lr->start += *len + (nl != NULL);
			lr->scanned = lr->start;
			return line;
		}
		if (lr->eof)
			return NULL;
		fill(lr);
	}
}

void
glean_lines_free(struct glean_lines *lr)
{
	free(lr->buf);
	free(lr->tmp);
	lr->buf = lr->tmp = NULL;
	lr->tmpcap = 0;
	lr->cap = lr->start = lr->end = lr->scanned = 0;
}
