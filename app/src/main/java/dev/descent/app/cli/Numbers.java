package dev.descent.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.descent.api.Tensor;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numbers as the CLI prints them: rounded to a number of significant digits. The default, 5, is what
 * float inputs determine: 2.1 is stored as 2.0999999, so 2.1 - 2 is 0.0999999 and the MSE of the seed
 * example is 0.07499993 in float; five digits show the 0.075 the inputs mean, and {@code --digits}
 * shows more.
 */
final class Numbers {
    static final int DEFAULT_DIGITS = 5;

    private Numbers() {}

    /** {@code 0.075}, {@code 1.5e-09}, {@code NaN}. */
    static String format(double value, int digits) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = round(value, digits);
        int exponent = rounded.precision() - rounded.scale() - 1;
        return exponent >= -6 && exponent < 15 ? rounded.toPlainString() : rounded.toString();
    }

    /** A JSON number rounded like {@link #format}; NaN and infinities become strings, as JSON has none. */
    static JsonNode json(double value, int digits) {
        return Double.isFinite(value) ? DecimalNode.valueOf(round(value, digits)) : DoubleNode.valueOf(value);
    }

    /** A tensor as nested JSON arrays, one level per axis. */
    static JsonNode json(Tensor tensor, int digits) {
        return json(tensor.data(), tensor.shape(), 0, 0, digits);
    }

    private static JsonNode json(float[] data, int[] shape, int axis, int offset, int digits) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        int stride = 1;
        for (int a = axis + 1; a < shape.length; a++) {
            stride *= shape[a];
        }
        for (int i = 0; i < shape[axis]; i++) {
            array.add(axis == shape.length - 1 ? json(data[offset + i], digits)
                    : json(data, shape, axis + 1, offset + i * stride, digits));
        }
        return array;
    }

    private static BigDecimal round(double value, int digits) {
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }
}
