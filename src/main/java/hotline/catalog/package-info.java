/**
 * What callers can hear and reach: languages, prompts and resource lines, read from {@code prompts/},
 * validated by one validator, and held in memory as an immutable {@link hotline.catalog.Catalog}.
 */
package hotline.catalog;
