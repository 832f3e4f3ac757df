package hotline.dashboard;

import java.util.List;

/**
 * One chart of the dashboard and its table: the same rows feed the chart, the table beneath it and its CSV.
 *
 * @param kind    how to draw it: {@code line}, {@code bar}, {@code stacked} (bars split by column) or {@code heatmap}
 * @param columns the header of every column after the row labels
 */
public record Chart(String id, String title, String help, String kind, String labelColumn, List<String> columns,
                    List<Row> rows) {

    /** A row of the table: its label and one cell per column. */
    public record Row(String label, List<Cell> cells) {
    }
}
