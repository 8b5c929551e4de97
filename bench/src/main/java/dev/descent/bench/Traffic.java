package dev.descent.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Prints the bytes one operation of each benchmark moves, for the report script to turn ns/op into GB/s:
 * one line {@code benchmark<TAB>loss<TAB>size<TAB>bytes} per loss of {@link LossBenchmark}'s {@code loss}
 * list and per size, and one per size for {@link CopyBaseline} (loss {@code -}).
 *
 * <p>{@code java -cp bench/target/benchmarks.jar dev.descent.bench.Traffic [LOSS_SPEC...]}
 */
public final class Traffic {
    private Traffic() {}

    public static void main(String[] args) throws NoSuchFieldException {
        List<String> losses = new ArrayList<>(args.length > 0 ? List.of(args) : LossBenchmark.declaredLosses());
        for (Size size : Size.values()) {
            Inputs copy = new Inputs(Inputs.Kind.REGRESSION, size.shape(), 1);
            System.out.println("copy\t-\t" + size.paramName() + "\t" + copy.bytes());
            for (String loss : losses) {
                System.out.println("loss\t" + loss + "\t" + size.paramName() + "\t"
                        + BenchLosses.inputs(loss, size, 1).bytes());
            }
        }
    }
}
