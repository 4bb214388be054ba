/* See LICENSE file for copyright and license details. */
/*
 * calendar.c - days, weekdays, weeks and Easter of the proleptic
 * Gregorian calendar, and moving a date by a number of units.
 */
#include <stddef.h>

#include "dates.h"

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days in month m of year y (0 for a bad month); year 0, unknown, has
 * a 29 February. */
int
mdays(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	    31 };

	if (m < 1 || m > 12)
		return 0;
	if (m == 2)
		return y == 0 || leap(y) ? 29 : 28;
	return n[m - 1];
}

/* Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
long
days_from(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The date of day z since 1970-01-01 (Hinnant's civil_from_days). */
void
civil_from(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* ISO weekday, Monday = 1. */
int
weekday(long z)
{
	long w = (z + 3) % 7;

	return (int)(w < 0 ? w + 7 : w) + 1;
}

/* The ISO week-numbering year and week of day z. */
void
iso_week(long z, int *wy, int *wn)
{
	int y, m, d;
	long thu = z - weekday(z) + 4, jan1;

	civil_from(thu, &y, &m, &d);
	jan1 = days_from(y, 1, 1);
	*wy = y;
	*wn = (int)((thu - jan1) / 7 + 1);
}

/* Easter Sunday (anonymous Gregorian algorithm). */
void
easter(int y, int *m, int *d)
{
	int a = y % 19, b = y / 100, c = y % 100, dd = b / 4, e = b % 4;
	int f = (b + 8) / 25, g = (b - f + 1) / 3;
	int h = (19 * a + b - dd - g + 15) % 30, i = c / 4, k = c % 4;
	int l = (32 + 2 * e + 2 * i - h - k) % 7;
	int mm = (a + 11 * h + 22 * l) / 451;

	*m = (h + l - 7 * mm + 114) / 31;
	*d = (h + l - 7 * mm + 114) % 31 + 1;
}

/* Move (y, m, d) by n units; d or m may be 0 (unknown). */
void
shift(int *y, int *m, int *d, int unit, long n)
{
	if (unit == 'Y') {
		*y += (int)n;
	} else if (unit == 'M' || (unit != 'D' && unit != 'W' && !*d)) {
		long mm;

		if (unit == 'W')
			n = n / 4;
		if (unit == 'D')
			n = n / 30;
		mm = (long)*y * 12 + (*m ? *m - 1 : 0) + n;
		*y = (int)(mm / 12);
		if (*m)
			*m = (int)(mm % 12) + 1;
		if (*d && *d > mdays(*y, *m))
			*d = mdays(*y, *m);
	} else if (*m && *d) {
		long z = days_from(*y, *m, *d) + (unit == 'W' ? 7 * n : n);

		civil_from(z, y, m, d);
	} else if (*m) {
		long mm = (long)*y * 12 + *m - 1 + n / (unit == 'W' ? 4 : 30);

		*y = (int)(mm / 12);
		*m = (int)(mm % 12) + 1;
	}
}
