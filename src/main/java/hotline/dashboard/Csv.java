package hotline.dashboard;

import java.util.ArrayList;
import java.util.List;

/** A chart's table as a CSV file (RFC 4180), safe to open in a spreadsheet. */
final class Csv {
    private Csv() {
    }

    static String of(Chart chart) {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of(chart.labelColumn()));
        header.addAll(chart.columns());
        line(csv, header);
        for (Chart.Row row : chart.rows()) {
            List<String> fields = new ArrayList<>(List.of(row.label()));
            row.cells().forEach(cell -> fields.add(cell.hidden() ? cell.text() : Long.toString(cell.value())));
            line(csv, fields);
        }
        return csv.toString();
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
