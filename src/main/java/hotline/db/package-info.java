/** The SQLite store and its migrations ({@code src/main/resources/db/migration}). */
package hotline.db;
