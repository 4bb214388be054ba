/* See LICENSE file for copyright and license details. */
/*
 * parts.c - a line function over a file's lines in several worker
 * processes, the output in the file's order: documents, not stages, in
 * parallel (glean-chain -j).
 *
 * The file is cut at line starts into parts that shrink toward its end
 * (guided scheduling: each takes 1/(GUIDE * jobs) of what is left, none
 * less than 1/(SMALLEST * jobs) of the file), and each worker takes the
 * next part no worker has taken (a counter in memory the workers share),
 * so the workers end together and the last parts, which what reads the
 * output can only take once the parts before them are out, are small.
 * The workers are forked after the caller has loaded its lexicons, which
 * they share with it (copy on write).  Part 0 is written straight to the
 * output, so that what reads it starts at once; every other part into an
 * unlinked temporary file, whose whole lines the parent passes on while
 * it is made once the parts before it are out (so a reader such as
 * glean-merge keeps pace instead of taking a whole part at the end).
 * Each worker says on a pipe when a part is done; a worker that dies
 * closes its end, so the parent never waits for ever.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "glean.h"

/* A part takes 1/(GUIDE * jobs) of what is left of the file ... */
#define GUIDE 2
/* ... and no less than 1/(SMALLEST * jobs) of it, nor than
 * 1/(MAX_PARTS / 2): each part costs a temporary file (an open file
 * descriptor until the output is out) and a little waiting. */
#define SMALLEST 32
#define MAX_PARTS 256
/* Workers at most. */
#define MAX_JOBS 64
/* While the part next in order is being made, what it has written is
 * passed on this often (milliseconds) ... */
#define FOLLOW_MS 10
/* ... up to its last newline, looked for this far back from its end. */
#define FOLLOW_SCAN 65536

/* One part: its bytes, the file holding its output (-1 for part 0), how
 * much of that is out, and whether it is done. */
struct part {
	off_t start, end;
	int out;
	off_t copied;
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
	atomic_size_t *next;	/* the next part to take, shared */
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

/* Add the part [start, end) to ps. */
static void
add_part(struct parts *ps, size_t *cap, off_t start, off_t end)
{
	if (ps->n == *cap) {
		*cap = *cap ? 2 * *cap : 16;
		ps->p = glean_realloc(ps->p, *cap * sizeof *ps->p);
	}
	ps->p[ps->n++] = (struct part){ start, end, -1, 0, 0, 0 };
}

/* Cut the file of ps (size bytes) into parts at line starts, each
 * ending with the line that holds the byte its share ends at (see the
 * top of this file); 0, or -1 on a read error. */
static int
cut(struct parts *ps, off_t size)
{
	off_t at, prev = 0, share, least;
	size_t cap = 0;

	ps->p = NULL;
	ps->n = 0;
	least = size / ((off_t)ps->jobs * SMALLEST < MAX_PARTS / 2 ?
	    (off_t)ps->jobs * SMALLEST : MAX_PARTS / 2);
	while (prev < size) {
		share = (size - prev) / ((off_t)ps->jobs * GUIDE);
		if (share < least)
			share = least;
		at = share < 1 || prev + share >= size ? size :
		    next_line_start(ps->fd, prev + share - 1, size);
		if (at < 0)
			return -1;
		add_part(ps, &cap, prev, at);
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
 * A worker: the parts it takes through fn, each onto its own output
 * (part 0's the worker's standard output), a note on notes after each.
 * Never returns: exits 0, or 2 when it cannot go on (the parent sees the
 * missing notes).
 */
static _Noreturn void
worker(struct parts *ps, int notes, glean_line_fn *fn, void *arg,
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
	/* parts are taken in increasing order, so a worker counts the
	 * lines before each from where it counted last */
	while ((k = atomic_fetch_add(ps->next, 1)) < ps->n) {
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

/*
 * Copy file fd's bytes from *off up to to (to < 0: to its end) to the
 * standard output, moving *off on; 0, or -1 on an error.
 */
static int
copy_from(int fd, off_t *off, off_t to)
{
	char block[65536];
	size_t want;
	ssize_t n;

	while (to < 0 || *off < to) {
		want = to < 0 ? (size_t)1 << 30 : (size_t)(to - *off);
		n = sendfile(STDOUT_FILENO, fd, off, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;	/* an output sendfile cannot write to */
		if (n == 0)
			return 0;
	}
	if (to >= 0 && *off >= to)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	for (;;) {
		want = sizeof block;
		if (to >= 0 && (off_t)want > to - *off)
			want = (size_t)(to - *off);
		if (!want)
			return 0;
		n = pread(fd, block, want, *off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n < 0 ? -1 : 0;
		if (write_whole(STDOUT_FILENO, block, (size_t)n) < 0)
			return -1;
		*off += n;
	}
}

/* The offset just past the last newline of fd's bytes [from, to),
 * looked for in the last FOLLOW_SCAN of them; from when there is none
 * (or they cannot be read: the part is then copied when done). */
static off_t
last_line_end(int fd, off_t from, off_t to)
{
	char block[4096], *nl;
	off_t at = to;
	size_t n;

	while (at > from && to - at < FOLLOW_SCAN) {
		n = at - from < (off_t)sizeof block ? (size_t)(at - from) :
		    sizeof block;
		if (pread(fd, block, n, at - (off_t)n) != (ssize_t)n)
			return from;
		if ((nl = memrchr(block, '\n', n)))
			return at - (off_t)n + (nl - block) + 1;
		at -= (off_t)n;
	}
	return from;
}

/* Pass on the whole lines part p has written beyond what is out; 0, or
 * -1 on a write error. */
static int
follow(struct part *p)
{
	struct stat sb;
	off_t end;

	if (fstat(p->out, &sb) < 0 || sb.st_size <= p->copied)
		return 0;
	end = last_line_end(p->out, p->copied, sb.st_size);
	return end > p->copied ? copy_from(p->out, &p->copied, end) : 0;
}

/* Read one note and mark its part; 0, or -1 when every worker has ended
 * (or the notes cannot be read). */
static int
read_note(struct parts *ps, int notes)
{
	struct done_note note;
	size_t have = 0;
	ssize_t n;

	while (have < sizeof note) {
		n = read(notes, (char *)&note + have, sizeof note - have);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		have += (size_t)n;
	}
	if (note.part >= 0 && (size_t)note.part < ps->n) {
		ps->p[note.part].done = 1;
		ps->p[note.part].status = note.status;
	}
	return 0;
}

/* Read notes until part k is done, meanwhile passing on what it has
 * written (follow); 0, or -1 when every worker has ended without saying
 * so.  Dies on a write error. */
static int
wait_part(struct parts *ps, int notes, size_t k)
{
	struct pollfd pf = { notes, POLLIN, 0 };
	struct part *p = &ps->p[k];
	int ready;

	while (!p->done) {
		ready = p->out >= 0 ? poll(&pf, 1, FOLLOW_MS) : 1;
		if (ready < 0 && errno == EINTR)
			continue;
		if (ready == 0) {
			if (follow(p) < 0)
				glean_die(GLEAN_EXIT_FATAL, "write error:");
			continue;
		}
		if (read_note(ps, notes) < 0)
			return -1;
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
			worker(ps, pipefd[1], fn, arg, restart, o);
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
			if (copy_from(ps->p[k].out, &ps->p[k].copied, -1) < 0)
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
	struct parts ps = { path, -1, NULL, 0, { 0 }, 0, NULL };
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
	ps.next = mmap(NULL, sizeof *ps.next, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (ps.next == MAP_FAILED)
		glean_die(GLEAN_EXIT_FATAL, "mmap:");
	atomic_init(ps.next, 0);
	notes = start_workers(&ps, fn, arg, restart, o);
	st = gather(&ps, notes);
	close(notes);
	munmap(ps.next, sizeof *ps.next);
	for (k = 0; k < ps.n; k++)
		if (ps.p[k].out >= 0)
			close(ps.p[k].out);
	free(ps.p);
	close(ps.fd);
	if (st > *status)
		*status = st;
	return 0;
}
