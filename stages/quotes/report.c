/* See LICENSE file for copyright and license details. */
/*
 * glean-quotes: report quotations and the inspectorate an article names.
 */
#include "quotes.h"
