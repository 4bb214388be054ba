/* See LICENSE file for copyright and license details. */
/*
 * Unit tests of glean-ratings' prefilter (prefilter.c: may_rate), whose
 * pass over the blocks of a text counts most words without looking them
 * up (plain_words, may_cue).  It is checked against what it stands in
 * for: every word taken one by one (next_word, cue_word), chunk by
 * chunk, on many texts made of pieces of judgements and of prose at
 * random (a fixed seed), long enough to cross blocks.  The stage's
 * modules are compiled in here (its main renamed).  Needs the lexicons:
 * $GLEAN_LEXICONS or ./lexicons.  Its first pass (anchors.c:
 * anchors_may) is checked against a plain search for its phrases at
 * every byte, and may_rate() with it against the pass without it, on
 * texts where a window around a cue cuts a word.
 */
#define main glean_ratings_main
#include "../../stages/ratings/main.c"
#undef main
#include "../../stages/ratings/anchors.c"
#include "../../stages/ratings/area.c"
#include "../../stages/ratings/change.c"
#include "../../stages/ratings/coord.c"
#include "../../stages/ratings/cue.c"
#include "../../stages/ratings/grade.c"
#include "../../stages/ratings/lexicon.c"
#include "../../stages/ratings/output.c"
#include "../../stages/ratings/prefilter.c"
#include "../../stages/ratings/spanset.c"
#include "../../stages/ratings/starters.c"
#include "../../stages/ratings/subject.c"
#include "../../stages/ratings/when.c"
#include "../../stages/ratings/words.c"

#include "testhelp.h"

static struct ctx c;

/* Is byte b a plain separator (ASCII, not a letter, a digit, ' or -)? */
static int
plain_byte(unsigned char b)
{
	return b < 0x80 && b != '\'' && b != '-' && !(b >= '0' && b <= '9') &&
	    !((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
}

/*
 * may_rate() as it would be with no blocks: each chunk between plain
 * separators split into words by next_word(), every word taken by
 * cue_word(); at a cue, inspection_news() (the rest of that chunk is
 * left, as cue_chunk() leaves it).
 */
static int
slow_may_rate(const struct doc *d)
{
	struct cues cs = { .insp = -1 };
	size_t a = 0, b;
	int cue = 0;

	while (!cue && a < d->len) {
		if (plain_byte((unsigned char)d->text[a])) {
			a++;
			continue;
		}
		for (b = a; b < d->len &&
		    !plain_byte((unsigned char)d->text[b]); b++)
			;
		cue = cue_chunk(&c, d, &cs, a, b, 1) &&
		    inspection_news(&c, d, &cs);
		a = b;
	}
	glean_buf_free(&cs.low);
	return cue;
}

/* A text of pieces of judgements and of prose drawn with the generator
 * *seed, of about want bytes, into text (NUL-terminated, as jansson's
 * strings are); returns its length.  One piece in a hundred or so
 * names an inspectorate or an area: a cue far from them (NEAR_CUE) is
 * not in inspection news. */
static size_t
random_text(unsigned long *seed, char *text, size_t want)
{
	static const char *const piece[] = { "good", "Good", "GOOD",
	    "outstanding", "inadequate", "requires improvement", "poor",
	    "adequate", "satisfactory", "failing", "excellent", "one star",
	    "three stars", "four", "no", "lowest", "of the four grades",
	    "top rating", "performs well", "rated", "judged", "was", "is",
	    "are", "from", "to", "upgraded", "rose", "down", "up", "rating",
	    "grade", "status", "found to be", "the",
	    "a", "x", "of", "children's", "well-known", "e-mail", "2019-20",
	    "re-rated", "good-", "-good", "'good'", "rated-good", "'", "-",
	    "--", "\xe2\x80\x99", "\xe2\x80\x9cgood\xe2\x80\x9d", "caf\xc3\xa9",
	    "\xc3\xa9t\xc3\xa9", "na\xc3\xafve-good", "\xe2\x80\x94", " ", " ",
	    " ", " ", "  ", "\n", ",", ".", ":", "(", ")", "1", "42",
	    "abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRST",
	    "good'n'good", "judgement", "verdict", "lost", "into",
	    "inspection", "said", "because" };
	static const char *const news[] = { "Ofsted", "ofsted's", "CQC",
	    "adoption", "fostering", "child protection", "overall" };
	size_t n = 0, len;
	const char *p;

	while (n < want) {
		*seed = *seed * 6364136223846793005UL +
		    1442695040888963407UL;
		p = (*seed >> 20) % 128 == 0 ?
		    news[(*seed >> 33) % (sizeof news / sizeof news[0])] :
		    piece[(*seed >> 33) % (sizeof piece / sizeof piece[0])];
		len = strlen(p);
		memcpy(text + n, p, len);
		n += len;
	}
	text[n] = '\0';
	return n;
}

/*
 * may_rate() against the word-by-word pass on random texts: the same
 * answer on every one; and the texts must hold both answers, or the
 * test would say nothing.
 */
static void
test_may_rate(void)
{
	char text[4200];
	struct doc d;
	unsigned long seed = 18, yes = 0, wrong = 0;
	int round, fast, slow;

	for (round = 0; round < 20000; round++) {
		memset(&d, 0, sizeof(d));
		d.text = text;
		d.len = random_text(&seed, text, 1 + round * 7 % 4000);
		fast = may_rate(&c, &d);
		slow = slow_may_rate(&d);
		yes += slow;
		if (fast != slow && wrong++ < 5)
			printf("  may_rate %d, word by word %d: %s\n", fast,
			    slow, text);
	}
	test_cond("may_rate answers as the word-by-word pass", wrong == 0);
	test_cond("the texts hold documents that may rate and others",
	    yes > 1000 && yes < 19000);
	printf("%lu of the texts may rate\n", yes);
}

/* may_rate() and the word-by-word pass on text (the words of a 1000
 * letters in place of its '#'): both must say want. */
static int
rates(const char *text, int want)
{
	char buf[1200];
	struct doc d;
	const char *hash = strchr(text, '#');
	size_t n = hash ? (size_t)(hash - text) : strlen(text);

	memcpy(buf, text, n);
	if (hash) {
		memset(buf + n, 'a', 1000);
		n += (size_t)snprintf(buf + n + 1000, sizeof(buf) - n - 1000,
		    "%s", hash + 1) + 1000;
	}
	buf[n] = '\0';
	memset(&d, 0, sizeof(d));
	d.text = buf;
	d.len = n;
	return may_rate(&c, &d) == want && slow_may_rate(&d) == want;
}

/*
 * Texts by hand: after a cue that is not in inspection news (no area
 * within NEAR_CUE bytes), the rest of its chunk is left ("rated" after
 * "good--" does not cue the grade a long word later); a grade in a
 * chunk that is not ASCII.
 */
static void
test_cases(void)
{
	test_cond("a grade after a link, in Ofsted news",
	    rates("Ofsted said it is good.", 1));
	test_cond("no inspectorate nor area: no", rates("It is good.", 0));
	test_cond("a verb in the chunk of an earlier cue is left",
	    rates("It is good--rated #  poor in adoption", 0));
	test_cond("a verb in a chunk of its own cues",
	    rates("It is good--x #  rated poor in adoption", 1));
	test_cond("a grade in a chunk with a byte outside ASCII",
	    rates("CQC rated it caf\xc3\xa9--good", 1));
	/* U+017F and U+212A match "s" and "k" caselessly */
	test_cond("an inspectorate with a long s",
	    rates("Of\xc5\xbfted said it is good.", 1));
	test_cond("an area with a Kelvin sign",
	    rates("Loo\xe2\x84\xaa" "ed after children services are good.",
	    1));
}

/* Does phrase s (as anchors.c keeps it) start at byte q of t[0..n):
 * each byte as byte_is() says, a space a run of bytes that gap_byte()
 * takes?  Forward from its first byte, with nothing of anchors.c's. */
static int
plain_phrase_at(const char *s, const unsigned char *t, size_t n, size_t q)
{
	size_t from;
	unsigned char p;

	for (; *s; s++) {
		p = (unsigned char)*s;
		if (p == ' ') {
			for (from = q; q < n && (t[q] >= 0x80 || t[q] == ' ' ||
			    (t[q] >= '\t' && t[q] <= '\r')); q++)
				;
			if (q == from)
				return 0;
			continue;
		}
		if (q >= n || (p >= 'a' && p <= 'z' ? (t[q] | 0x20) != p :
		    t[q] != p))
			return 0;
		q++;
	}
	return 1;
}

/* anchors_may() as a search for every phrase at every byte. */
static int
plain_anchors_may(const struct anchors *a, const char *text, size_t n)
{
	size_t q, i;

	for (q = 0; q < n; q++)
		for (i = 0; i < a->nph; i++)
			if (plain_phrase_at(a->ph[i].s,
			    (const unsigned char *)text, n, q))
				return 1;
	return 0;
}

/* A text of words of the phrases, glued or apart, in either case, with
 * white space in and out of ASCII, of up to max bytes (NUL-terminated);
 * returns its length. */
static size_t
phrase_text(unsigned long *seed, char *text, size_t max)
{
	static const char *const piece[] = { "help", "and", "protection",
	    "child", "children", "children's", "children\xe2\x80\x99s",
	    "services", "SEND", "send", "Send", "lscb", "LSCBs", "Ofsted",
	    "Of\xc5\xbf", "loo\xe2\x84\xaa" "ed", "looked", "after",
	    "looked-after", "overall", "OVERALL", "over", "all", "in", "need",
	    "of", "leadership,", "leadership", "management", "care",
	    "leavers", "quality", "commission", "CQC", "hm", "inspectorate",
	    "probation", "estyn", "x", "-", "'", ",", ".", " ", " ", " ",
	    "  ", "\n", "\t ", "\xc2\xa0", "\xe2\x80\x83", "\xc3\xa9",
	    "safeguarding", "board", "adoption", "fostering", "staying",
	    "safe", "well-being", "the", "impact", "leaders" };
	char part[256];
	size_t n = 0, len;

	/* runs of one to nine pieces, one in four the last */
	do {
		len = test_random_text(seed, piece, sizeof piece /
		    sizeof piece[0], part);
		if (n + len >= max)
			break;
		memcpy(text + n, part, len);
		n += len;
	} while ((*seed >> 40) % 4 != 0);
	text[n] = '\0';
	return n;
}

/*
 * anchors_may() (with AVX2 where the CPU has it, and a byte at a time)
 * against the plain search, on random texts of the phrases' words: the
 * same answers, and both answers among them.
 */
static void
test_anchors(void)
{
	char text[700];
	unsigned long seed = 7, yes = 0, wrong = 0;
	size_t n;
	int round, want, fast, bytes;

	test_cond("the lexicons' phrases are anchored", c.anchors != NULL);
	if (!c.anchors)
		return;
	for (round = 0; round < 20000; round++) {
		n = phrase_text(&seed, text, round % 2 ? 90 : sizeof(text));
		want = plain_anchors_may(c.anchors, text, n);
		fast = anchors_scan(c.anchors, text, n, 1);
		bytes = anchors_scan(c.anchors, text, n, 0);
		yes += want;
		if ((fast != want || bytes != want) && wrong++ < 5)
			printf("  anchors %d, bytes %d, plain %d: %s\n", fast,
			    bytes, want, text);
	}
	test_cond("anchors_may answers as the plain search", wrong == 0);
	test_cond("the texts hold phrases and not", yes > 1000 &&
	    yes < 19000);
	printf("%lu of the phrase texts hold a phrase\n", yes);
}

/* may_rate() and the word-by-word pass on a text of a cue ("is good")
 * NEAR_CUE bytes after (before, when after) the 'o' of "xoverall" or
 * the end of "overallx": the window cuts the word, and "overall" is an
 * area there. */
static void
test_cut_words(void)
{
	char buf[1200];
	struct doc d;
	size_t pos;

	/* "good" starts NEAR_CUE bytes after the 'o' */
	memcpy(buf, "xoverall ", 9);
	memset(buf + 9, 'a', NEAR_CUE + 1 - 9 - 4);
	memcpy(buf + NEAR_CUE + 1 - 4, " is good.", 10);
	memset(&d, 0, sizeof(d));
	d.text = buf;
	d.len = strlen(buf);
	test_cond("a window that starts in a word: its end is an area",
	    may_rate(&c, &d) == 1 && slow_may_rate(&d) == 1);
	/* "overall" ends NEAR_CUE bytes after "good" does */
	memcpy(buf, "It is good ", 11);
	pos = 10 + NEAR_CUE - 7;
	memset(buf + 11, 'a', pos - 1 - 11);
	memcpy(buf + pos - 1, " overallx.", 11);
	d.len = strlen(buf);
	test_cond("a window that ends in a word: its start is an area",
	    may_rate(&c, &d) == 1 && slow_may_rate(&d) == 1);
}

int
main(void)
{
	ctx_init(&c, test_lexicons());
	test_anchors();
	test_cut_words();
	test_cases();
	test_may_rate();
	ctx_free(&c);
	test_report();
}
