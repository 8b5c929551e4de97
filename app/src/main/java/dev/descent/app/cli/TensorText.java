package dev.descent.app.cli;

import dev.descent.api.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Tensors as the command line writes them: {@code 2.1,4.2,6.3} is a vector, {@code 0.1,0.9;0.8,0.2} a
 * matrix with {@code ;} between rows. Whitespace around values is ignored.
 */
final class TensorText {
    private TensorText() {}

    /**
     * Parses a vector or matrix.
     *
     * @param option the option it came from, for messages: {@code --pred}
     * @throws IllegalArgumentException naming the option, the row and the value that does not fit
     */
    static Tensor parse(String option, String text) {
        String[] rows = text.split(";", -1);
        List<float[]> parsed = new ArrayList<>();
        for (int r = 0; r < rows.length; r++) {
            String[] cells = rows[r].split(",", -1);
            float[] values = new float[cells.length];
            for (int c = 0; c < cells.length; c++) {
                String cell = cells[c].trim();
                String where = rows.length > 1 ? "row " + (r + 1) + ", value " + (c + 1) : "value " + (c + 1);
                if (cell.isEmpty()) {
                    throw new IllegalArgumentException(option + ": " + where + " is empty in '" + text
                            + "'; write numbers separated by ',' and rows separated by ';'");
                }
                try {
                    values[c] = Float.parseFloat(cell);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(option + ": " + where + " '" + cell + "' is not a number");
                }
            }
            if (!parsed.isEmpty() && values.length != parsed.get(0).length) {
                throw new IllegalArgumentException(option + ": row " + (r + 1) + " has " + values.length
                        + " values but row 1 has " + parsed.get(0).length + "; every row of a matrix needs the same number");
            }
            parsed.add(values);
        }
        if (parsed.size() == 1) {
            return Tensor.vector(parsed.get(0));
        }
        int columns = parsed.get(0).length;
        float[] data = new float[parsed.size() * columns];
        for (int r = 0; r < parsed.size(); r++) {
            System.arraycopy(parsed.get(r), 0, data, r * columns, columns);
        }
        return Tensor.of(data, parsed.size(), columns);
    }

    /** The inverse of {@link #parse} for rank 0 to 2; higher ranks are written flat. */
    static String format(Tensor tensor, int digits) {
        float[] data = tensor.data();
        int columns = tensor.rank() == 2 ? tensor.dim(1) : Math.max(1, data.length);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < data.length; i++) {
            if (i > 0) {
                text.append(i % columns == 0 ? "; " : ", ");
            }
            text.append(Numbers.format(data[i], digits));
        }
        return text.toString();
    }
}
