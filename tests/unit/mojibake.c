/* See LICENSE file for copyright and license details. */
/* Unit tests of glean-normalize's library: badness, mojibake, textfix. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glean.h"
#include "mojibake.h"
#include "textfix.h"
#include "testhelp.h"

static struct glean_textfix *tf;
static struct glean_buf out;
static struct glean_repairs rp;

static int
badness_of(const char *s)
{
	int32_t a[512], cp;
	size_t n = strlen(s), i = 0, k = 0;

	while (i < n && k < 512) {
		i += glean_utf8_next(s + i, n - i, &cp);
		a[k++] = cp;
	}
	return glean_badness(a, k);
}

/* Normalise s; the new text (or s itself when unchanged). */
static const char *
fix(const char *s)
{
	if (glean_textfix(tf, s, strlen(s), &out, &rp) == 0)
		return s;
	return out.s;
}

static void
test_badness(void)
{
	static const char *genuine[] = {
		"The council will spend £3.5m, up from £2.1m.",
		"“It’s not good enough,” she said — at last…",
		"Der Straßenverkehr in München ist größer.",
		"Москва — столица России.",
		"北京是中华人民共和国的首都。",
		"他把钱拢在一起。",
		"東京は日本の首都です。",
		"서울은 대한민국의 수도입니다.",
		"Η Ελλάδα είναι μια χώρα.",
		"Zażółć gęślą jaźń.",
	};
	size_t i;

	for (i = 0; i < sizeof genuine / sizeof *genuine; i++)
		test_cond(genuine[i], badness_of(genuine[i]) == 0);
	test_cond("mojibake is worse than its repair",
	    badness_of("rÃ©sumÃ©") > badness_of("résumé"));
	test_cond("a lone ideograph among Latin letters is bad",
	    badness_of("an extra 拢3.5m") > badness_of("an extra £3.5m"));
	test_cond("cp1251 mojibake is bad", badness_of("РґРѕСЂРѕРіРµ") > 0);
	test_cond("empty text", badness_of("") == 0);
}

static void
test_repairs(void)
{
	const char *s;

	s = fix("an extra 拢3.5m into safeguarding");
	test_cond("GBK £", strcmp(s, "an extra £3.5m into safeguarding") == 0);
	test_cond("one repair at the £", rp.n == 1 && rp.r[0].start == 9 &&
	    rp.r[0].end == 10 && strcmp(rp.r[0].label, "gbk") == 0 &&
	    strcmp(rp.r[0].before, "拢") == 0);
	s = fix("价格拢共3元，他把钱拢在一起。");
	test_cond("real Chinese 拢 stays",
	    strcmp(s, "价格拢共3元，他把钱拢在一起。") == 0 && rp.n == 0);
	s = fix("Iggy Pop (nÃƒÂ© Jim)");
	test_cond("twice", strcmp(s, "Iggy Pop (né Jim)") == 0 && rp.n == 1 &&
	    strcmp(rp.r[0].label, "cp1252+cp1252") == 0 &&
	    strcmp(rp.r[0].before, "ÃƒÂ©") == 0 && rp.r[0].start == 11);
	s = fix("10Î&frac14;s");
	test_cond("entity, then mojibake: one repair",
	    strcmp(s, "10μs") == 0 && rp.n == 1 && rp.r[0].start == 2 &&
	    rp.r[0].end == 3 && strcmp(rp.r[0].before, "Î&frac14;") == 0 &&
	    strcmp(rp.r[0].label, "html-entity+cp1252") == 0);
	s = fix("plain £5 text");
	test_cond("clean text takes the fast path", glean_textfix(tf, s,
	    strlen(s), &out, &rp) == 0 && rp.n == 0);
	s = fix("a\r\nb");
	test_cond("CRLF", strcmp(s, "a\nb") == 0 && rp.n == 1 &&
	    rp.r[0].start == 1 && rp.r[0].end == 2 && rp.r[0].count == 1);
}

static void
test_summaries(void)
{
	struct glean_buf in = { 0 };
	size_t i;

	for (i = 0; i < 20; i++)
		glean_buf_add(&in, "x\r\n", 3);
	fix(in.s);
	test_cond("20 CRLF: one summary", rp.n == 1 && rp.r[0].count == 20 &&
	    rp.r[0].start == 1 && rp.r[0].end == 40 && out.len == 40);
	glean_buf_reset(&in);
	for (i = 0; i < 12000; i++)
		glean_buf_add(&in, "&amp;", 5);
	fix(in.s);
	test_cond("a flood of repairs is squashed", rp.n == 1 &&
	    rp.r[0].count == 12000 && out.len == 12000);
	glean_buf_free(&in);
}

static void
test_raw(void)
{
	static const char u16[] = "\xff\xfe" "A\0" "\x3d\xd8\x00\xde" "\x00\xd8"
	    "B\0" "C";
	static const char bad[] = "Caf\xe9 \x81\x00!";

	glean_textfix_raw(tf, u16, sizeof u16 - 1, &out, &rp);
	test_cond("UTF-16LE, pair, lone surrogate, odd byte",
	    strcmp(out.s, "A\xf0\x9f\x98\x80\xef\xbf\xbd"
	    "B\xef\xbf\xbd") == 0);
	glean_textfix_raw(tf, bad, sizeof bad - 1, &out, &rp);
	test_cond("cp1252 byte, undefined byte and NUL",
	    strcmp(out.s, "Café !") == 0 && out.len == 7);
	glean_textfix_raw(tf, "", 0, &out, &rp);
	test_cond("empty file", out.len == 0 && rp.n == 0);
}

int
main(void)
{
	const char *lex = getenv("GLEAN_LEXICONS");

	tf = glean_textfix_load(lex ? lex : "lexicons");
	test_badness();
	test_repairs();
	test_summaries();
	test_raw();
	glean_repairs_free(&rp);
	glean_buf_free(&out);
	glean_textfix_free(tf);
	test_report();
}
