package hotline.dashboard;

import java.util.List;

/**
 * One chart of the dashboard and its table: the same rows feed the chart, the table beneath it and its CSV.
 *
 * @param kind    how to draw it: {@code line}, {@code bar}, {@code stacked} (bars split by column), {@code heatmap}, or
 *                {@code histogram} (bars as wide as the span of their row, see {@link Row#span})
 * @param columns the header of every column after the row labels
 */
public record Chart(String id, String title, String help, String kind, String labelColumn, List<String> columns,
                    List<Row> rows) {

    /**
     * A row of the table: its label and one cell per column.
     *
     * @param span     for a histogram, the values the row covers (seconds from, seconds to); null for other charts
     * @param csvLabel the label in a CSV file: a day as an ISO date there, which spreadsheets read as a date
     */
    public record Row(String label, List<Cell> cells, int[] span, String csvLabel) {
        public Row(String label, List<Cell> cells) {
            this(label, cells, null, label);
        }

        public Row(String label, List<Cell> cells, int[] span) {
            this(label, cells, span, label);
        }
    }
}
