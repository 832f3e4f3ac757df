package hotline.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A chart's table as a CSV file (RFC 4180), safe to open in a spreadsheet. Number columns hold numbers only: a count
 * too small to show is left empty, and a last column names the columns left empty in that row, so that sums and charts
 * made from the file work. It starts with a byte order mark, by which Excel knows the file is UTF-8 and shows accents
 * and Chinese names as they are.
 */
final class Csv {
    static final String BYTE_ORDER_MARK = "\uFEFF";

    private Csv() {
    }

    static String of(Chart chart, int threshold) {
        StringBuilder csv = new StringBuilder(BYTE_ORDER_MARK);
        List<String> header = new ArrayList<>(List.of(chart.labelColumn()));
        header.addAll(chart.columns());
        header.add(hiddenColumn(threshold));
        line(csv, header);
        for (Chart.Row row : chart.rows()) {
            List<String> fields = new ArrayList<>(List.of(row.csvLabel()));
            row.cells().forEach(cell -> fields.add(cell.hidden() ? "" : Long.toString(cell.value())));
            fields.add(IntStream.range(0, row.cells().size()).filter(i -> row.cells().get(i).hidden())
                    .mapToObj(i -> chart.columns().get(i)).collect(Collectors.joining("; ")));
            line(csv, fields);
        }
        return csv.toString();
    }

    /** The name of the last column: which counts of the row are left empty, and why. */
    static String hiddenColumn(int threshold) {
        return "Left empty: fewer than " + threshold;
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    /** Quoted when needed; a leading = + - @ is defused, so a spreadsheet never runs a name as a formula. */
    private static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 && !value.matches("-?[0-9]+") ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
