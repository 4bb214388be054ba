/* See LICENSE file for copyright and license details. */
/*
 * parts.c - a line function over a file's lines in several worker
 * processes, the output in the file's order: documents, not stages, in
 * parallel (glean-chain -j).
 *
 * The file is cut at line starts into PARTS_PER_JOB parts a worker, so
 * that a slow part does not leave a core idle for long.  The workers are
 * forked after the caller has loaded its lexicons, which they share
 * with it (copy on write), and worker J runs parts J, J + jobs, ... in
 * turn.  Part 0 is written straight to the output, so that what reads it
 * starts at once; every other part into an unlinked temporary file,
 * which the parent copies to the output as soon as the parts before it
 * are out.  Each worker says on a pipe when a part is done; a worker
 * that dies closes its end, so the parent never waits for ever.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "glean.h"

/* Parts a worker: more evens out the workers' ends; each costs a
 * temporary file and a little waiting. */
#define PARTS_PER_JOB 4
/* Workers at most. */
#define MAX_JOBS 64

/* One part: its bytes, its first line's number, the lines before it
 * that were not blank (what a later stage of a chain has read), the
 * file holding its output (-1 for part 0) and whether it is done. */
struct part {
	off_t start, end;
	long first_line, nonblank_before;
	int out;
	int done, status;
};

/* What a worker says when a part is done. */
struct done_note {
	int part, status;
};

struct parts {
	const char *path;
	int fd;
	struct part *p;
	size_t n;
	pid_t pid[MAX_JOBS];
	int jobs;
};

/* The offset just past the first newline at or after from (size when
 * there is none); -1 on a read error. */
static off_t
next_line_start(int fd, off_t from, off_t size)
{
	char block[4096], *nl;
	ssize_t got;

	while (from < size) {
		got = pread(fd, block, sizeof block, from);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return -1;
		if ((nl = memchr(block, '\n', (size_t)got)))
			return from + (nl - block) + 1;
		from += got;
	}
	return size;
}

/* Cut the file of ps (size bytes) into parts at line starts, dropping
 * empty ones; 0, or -1 on a read error. */
static int
cut(struct parts *ps, off_t size)
{
	size_t want = (size_t)ps->jobs * PARTS_PER_JOB, k;
	off_t at, prev = 0, aim;

	ps->p = glean_calloc(want, sizeof *ps->p);
	ps->n = 0;
	for (k = 1; k <= want; k++) {
		/* the part ends with the line that holds byte aim */
		aim = size / (off_t)want * (off_t)k +
		    size % (off_t)want * (off_t)k / (off_t)want - 1;
		at = k == want ? size :
		    next_line_start(ps->fd, aim < 0 ? 0 : aim, size);
		if (at < 0)
			return -1;
		if (at <= prev)
			continue;
		ps->p[ps->n].start = prev;
		ps->p[ps->n].end = at;
		ps->p[ps->n++].out = -1;
		prev = at;
	}
	return 0;
}

/* An unlinked file for a part's output, in $TMPDIR or /tmp; exits 2
 * when none can be made. */
static int
part_file(void)
{
	const char *dir = getenv("TMPDIR");
	char *name;
	int fd;

	if (!dir || !*dir)
		dir = "/tmp";
	fd = open(dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (fd >= 0)
		return fd;
	/* file systems without O_TMPFILE */
	name = glean_asprintf("%s/glean-part.XXXXXX", dir);
	fd = mkstemp(name);
	if (fd < 0)
		glean_die(GLEAN_EXIT_FATAL, "cannot make a file in %s:", dir);
	unlink(name);
	free(name);
	return fd;
}

/* Count the lines, and those not blank, of [from, to) of fd into *lines
 * and *nonblank; 0, or -1 on a read error. */
static int
count_lines(int fd, off_t from, off_t to, long *lines, long *nonblank)
{
	struct glean_lines lr;
	char *line;
	size_t len;
	int unended;

	glean_lines_init(&lr, fd, from, to);
	while ((line = glean_lines_next(&lr, &len, &unended))) {
		++*lines;
		if (len && strspn(line, " \t\r") != len)
			++*nonblank;
	}
	glean_lines_free(&lr);
	return lr.err ? -1 : 0;
}

/* Write all of s[0..n) to fd; -1 on error. */
static int
write_whole(int fd, const void *s, size_t n)
{
	const char *p = s;
	ssize_t w;

	while (n) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/*
 * Worker j: its parts through fn, each onto its own output (part 0's
 * the worker's standard output), a note on notes after each.  Never
 * returns: exits 0, or 2 when it cannot go on (the parent sees the
 * missing notes).
 */
static _Noreturn void
worker(struct parts *ps, int j, int notes, glean_line_fn *fn, void *arg,
    glean_part_fn *restart, const struct glean_opts *o)
{
	long lines = 0, nonblank = 0;
	off_t counted = 0;
	struct done_note note;
	struct part *p;
	size_t k;

	/* a worker outlives no parent that would read its parts */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() == 1)
		_exit(GLEAN_EXIT_FATAL);
	for (k = (size_t)j; k < ps->n; k += (size_t)ps->jobs) {
		p = &ps->p[k];
		if (count_lines(ps->fd, counted, p->start, &lines,
		    &nonblank) < 0)
			glean_die(GLEAN_EXIT_FATAL, "%s: read error:", ps->path);
		counted = p->start;
		if (p->out >= 0 && dup2(p->out, STDOUT_FILENO) < 0)
			glean_die(GLEAN_EXIT_FATAL, "dup2:");
		if (restart)
			restart(arg, nonblank);
		note.status = GLEAN_EXIT_OK;
		glean_run_range(fn, arg, o, ps->fd, ps->path, p->start,
		    p->end, lines + 1, &note.status);
		/* all of the part out before it is said to be done */
		if (fflush(stdout) != 0)
			glean_die(GLEAN_EXIT_FATAL, "write error:");
		note.part = (int)k;
		if (write_whole(notes, &note, sizeof note) < 0)
			_exit(GLEAN_EXIT_FATAL);
	}
	_exit(GLEAN_EXIT_OK);
}

/* Copy the whole of file fd to the standard output; -1 on error. */
static int
copy_out(int fd)
{
	char block[65536];
	off_t off = 0;
	ssize_t n;

	for (;;) {
		n = sendfile(STDOUT_FILENO, fd, &off, 1 << 30);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;	/* an output sendfile cannot write to */
		if (n == 0)
			return 0;
	}
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	for (;;) {
		n = pread(fd, block, sizeof block, off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -1 : 0;
		if (write_whole(STDOUT_FILENO, block, (size_t)n) < 0)
			return -1;
		off += n;
	}
}

/* Read notes until part k is done; 0, or -1 when every worker has
 * ended without saying so. */
static int
wait_part(struct parts *ps, int notes, size_t k)
{
	struct done_note note;
	size_t have = 0;
	ssize_t n;

	while (!ps->p[k].done) {
		n = read(notes, (char *)&note + have, sizeof note - have);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		have += (size_t)n;
		if (have < sizeof note)
			continue;
		have = 0;
		if (note.part >= 0 && (size_t)note.part < ps->n) {
			ps->p[note.part].done = 1;
			ps->p[note.part].status = note.status;
		}
	}
	return 0;
}

/* Wait for every worker; the highest exit status, 2 for one killed. */
static int
reap(struct parts *ps)
{
	int i, ws, worst = 0, st;

	for (i = 0; i < ps->jobs; i++) {
		while (waitpid(ps->pid[i], &ws, 0) < 0 && errno == EINTR)
			;
		st = WIFEXITED(ws) ? WEXITSTATUS(ws) : GLEAN_EXIT_FATAL;
		if (st > worst)
			worst = st;
	}
	return worst;
}

/* Start the workers; the parent keeps the notes' read end. */
static int
start_workers(struct parts *ps, glean_line_fn *fn, void *arg,
    glean_part_fn *restart, const struct glean_opts *o)
{
	int pipefd[2], j;

	if (pipe(pipefd) < 0)
		glean_die(GLEAN_EXIT_FATAL, "pipe:");
	glean_flush();
	fflush(stdout);
	for (j = 0; j < ps->jobs; j++) {
		ps->pid[j] = fork();
		if (ps->pid[j] < 0)
			glean_die(GLEAN_EXIT_FATAL, "fork:");
		if (ps->pid[j] == 0) {
			close(pipefd[0]);
			worker(ps, j, pipefd[1], fn, arg, restart, o);
		}
	}
	close(pipefd[1]);
	return pipefd[0];
}

/* The parts' outputs in order as they end; the exit status. */
static int
gather(struct parts *ps, int notes)
{
	int status = GLEAN_EXIT_OK, worst;
	size_t k;

	for (k = 0; k < ps->n; k++) {
		if (wait_part(ps, notes, k) < 0) {
			glean_warn("%s: a worker ended before part %zu of %zu "
			    "was done", ps->path, k + 1, ps->n);
			status = GLEAN_EXIT_FATAL;
			break;
		}
		if (ps->p[k].out >= 0) {
			if (copy_out(ps->p[k].out) < 0)
				glean_die(GLEAN_EXIT_FATAL, "write error:");
			close(ps->p[k].out);
			ps->p[k].out = -1;
		}
		if (ps->p[k].status > status)
			status = ps->p[k].status;
	}
	if (status == GLEAN_EXIT_FATAL)
		for (k = 0; k < (size_t)ps->jobs; k++)
			kill(ps->pid[k], SIGTERM);
	worst = reap(ps);
	return worst > status ? worst : status;
}

int
glean_run_parts(glean_line_fn *fn, void *arg, glean_part_fn *restart,
    const struct glean_opts *o, const char *path, int jobs, int *status)
{
	struct parts ps = { path, -1, NULL, 0, { 0 }, 0 };
	struct stat sb;
	size_t k;
	int notes, st;

	ps.fd = open(path, O_RDONLY | O_CLOEXEC);
	if (ps.fd < 0 || fstat(ps.fd, &sb) < 0 || !S_ISREG(sb.st_mode)) {
		if (ps.fd >= 0)
			close(ps.fd);
		return -1;
	}
	ps.jobs = jobs > MAX_JOBS ? MAX_JOBS : jobs;
	if (cut(&ps, sb.st_size) < 0)
		glean_die(GLEAN_EXIT_FATAL, "%s: read error:", path);
	if (ps.n < 2) {
		free(ps.p);
		close(ps.fd);
		return -1;
	}
	glean_stream_setup(o);
	if ((size_t)ps.jobs > ps.n)
		ps.jobs = (int)ps.n;
	for (k = 1; k < ps.n; k++)
		ps.p[k].out = part_file();
	notes = start_workers(&ps, fn, arg, restart, o);
	st = gather(&ps, notes);
	close(notes);
	for (k = 0; k < ps.n; k++)
		if (ps.p[k].out >= 0)
			close(ps.p[k].out);
	free(ps.p);
	close(ps.fd);
	if (st > *status)
		*status = st;
	return 0;
}
