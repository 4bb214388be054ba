/* See LICENSE file for copyright and license details. */
/*
 * Unit tests of glean-entities' token index (tokens.c: index_tokens),
 * whose first pass sorts the words into its two lists by one table read
 * a token (first_bits) and no branch.  It is checked against the lists
 * asked word by word: every word that begins a cue (scan.first) must be
 * in cuecand, and cand must hold exactly the words whose first byte may
 * start a pass and that classify_word keeps, on many texts made of
 * pieces at random (a fixed seed): cue words, names, titles, long words,
 * non-ASCII.  The stage's modules are compiled in here (its main
 * renamed).  Needs the lexicons: $GLEAN_LEXICONS or ./lexicons.
 */
#define main glean_entities_main
#include "../../stages/entities/main.c"
#undef main
#include "../../stages/entities/councils.c"
#include "../../stages/entities/emit.c"
#include "../../stages/entities/furniture.c"
#include "../../stages/entities/lexicons.c"
#include "../../stages/entities/names.c"
#include "../../stages/entities/orgs.c"
#include "../../stages/entities/people.c"
#include "../../stages/entities/tokens.c"

#include "testhelp.h"

static struct ctx c;

static const char *const pieces[] = {
	"the council ", "Council ", "children's services ", "Ofsted ",
	"inspection ", "Subscribe to our newsletter ", "Cookie ", "said ",
	"Mr. ", "Dr Smith ", "John ", "Mary ", "Leeds City Council ",
	"McDonald ", "BBC ", "March ", "de ", "van ", "Élodie ", "é ",
	"Ofsted's ", "it's ", "St. ", "F. ", ", ", ". ", "\n\n", "’s ",
	"a ", "inspectorate ", "Councillor ", "the ", "of ", "and ",
	"Abcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabcdefghijabc ",
	"councilcouncilcouncilcouncilcouncilcouncilcouncilcouncilcouncil ",
	"Photograph: ", "Getty ", "123 ", "x.y ", "Inspection ",
};

/* The lists of index_tokens for text against the word-by-word answers. */
static void
check_text(const char *text, size_t n)
{
	struct doc d;
	size_t i, k, len, nc = 0, nq = 0;
	const char *p;
	unsigned char b;
	int start, keep;

	memset(&d, 0, sizeof d);
	glean_tokenize(text, n, c.ab, &c.tk);
	d.tk = &c.tk;
	d.c = &c;
	d.s = text;
	d.n = n;
	d.strs = &c.strs;
	size_token_arrays(&c, d.tk->n + 1);
	d.ti = c.ti;
	d.cand = c.cand;
	d.cuecand = c.cuecand;
	index_tokens(&d);
	for (k = 1; k < d.ncuecand; k++)
		test_cond("cuecand in text order",
		    d.cuecand[k - 1] < d.cuecand[k]);
	for (i = 0; i < d.tk->n; i++) {
		if (d.tk->t[i].kind != GLEAN_TOK_WORD)
			continue;
		p = ttext(&d, i, &len);
		/* cuecand is in text order (tested above) */
		while (nq < d.ncuecand && d.cuecand[nq] < i)
			nq++;
		if (glean_dict_find(&c.scan.first, p, len) >= 0)
			test_cond("a cue's first word in cuecand",
			    nq < d.ncuecand && d.cuecand[nq] == i);
		b = (unsigned char)p[0];
		start = (b >= 'A' && b <= 'Z') || b >= 0x80 ||
		    c.words.lens[b] || c.titles.lens[b];
		if (!start)
			continue;
		test_cond("word index", d.ti[i].word ==
		    (int32_t)glean_dict_find(&c.words, p, len));
		keep = d.ti[i].flags || d.ti[i].word >= 0 ||
		    (len > 1 && p[len - 1] == '.');
		if (keep) {
			test_cond("cand in text order", nc < d.ncand &&
			    d.cand[nc] == i);
			nc++;
		}
	}
	test_cond("cand holds no more", nc == d.ncand);
}

int
main(void)
{
	unsigned long seed = 18;
	char text[256];
	size_t n, r;

	load_lexicons(&c, test_lexicons());
	for (r = 0; r < 20000; r++) {
		n = test_random_text(&seed, pieces,
		    sizeof pieces / sizeof *pieces, text);
		check_text(text, n);
	}
	free_lexicons(&c);
	test_report();
}
