package dev.descent.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.Loss;
import dev.descent.api.Reduction;
import dev.descent.api.Tensor;
import dev.descent.testkit.FiniteDifferences;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What every loss of this module does, for each loss and each reduction. */
class LossContractTest {
    private static final long SEED = 20240601L;
    private static final double GRADIENT_TOLERANCE = 1e-4;

    static Stream<Named<Loss>> losses() {
        return reductions(Reduction.values());
    }

    static Stream<Named<Loss>> meanLosses() {
        return reductions(Reduction.MEAN);
    }

    static Stream<Named<Loss>> sumAndNoneLosses() {
        return reductions(Reduction.SUM, Reduction.NONE);
    }

    private static Stream<Named<Loss>> reductions(Reduction... reductions) {
        Stream<Function<Reduction, Loss>> constructors = Stream.of(MseLoss::new, L1Loss::new, RmseLoss::new);
        return constructors.flatMap(constructor -> Arrays.stream(reductions).map(constructor))
                .map(loss -> Named.of(loss.toString(), loss));
    }

    /**
     * Random targets in [-2, 2) and predictions 0.1 to 1 away from them, on either side: far from the kink
     * of |p - t| and from zero error, where a central difference would straddle a non-differentiable point.
     */
    private static Tensor[] randomPoint(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] targets = new float[12];
        float[] predictions = new float[12];
        for (int i = 0; i < targets.length; i++) {
            targets[i] = (float) random.nextDouble(-2, 2);
            double offset = random.nextDouble(0.1, 1);
            predictions[i] = (float) (targets[i] + (random.nextBoolean() ? offset : -offset));
        }
        return new Tensor[] {Tensor.of(predictions, 3, 4), Tensor.of(targets, 3, 4)};
    }

    @ParameterizedTest
    @MethodSource("losses")
    void gradientMatchesFiniteDifferences(Loss loss) {
        Tensor[] point = randomPoint(SEED);
        Tensor predictions = point[0];
        Tensor targets = point[1];
        Tensor numeric = FiniteDifferences.gradient(p -> loss.compute(p, targets), predictions);

        Tensor analytic = Tensor.zeros(3, 4);
        loss.compute(predictions, targets, analytic);

        assertThat(FiniteDifferences.maxScaledError(analytic, numeric)).isLessThan(GRADIENT_TOLERANCE);
    }

    @ParameterizedTest
    @MethodSource("losses")
    void gradientOverwritesWhatTheBufferHeld(Loss loss) {
        Tensor[] point = randomPoint(SEED + 1);
        Tensor numeric = FiniteDifferences.gradient(p -> loss.compute(p, point[1]), point[0]);
        // NaN shows through any sum with the old contents.
        Tensor gradient = Tensor.zeros(3, 4);
        gradient.fill(Float.NaN);

        loss.compute(point[0], point[1], gradient);

        assertThat(FiniteDifferences.maxScaledError(gradient, numeric)).isLessThan(GRADIENT_TOLERANCE);
    }

    @ParameterizedTest
    @MethodSource("losses")
    void valueDoesNotDependOnWhetherTheGradientIsAsked(Loss loss) {
        Tensor[] point = randomPoint(SEED + 2);

        double withGradient = loss.compute(point[0], point[1], Tensor.zeros(3, 4));

        assertThat(loss.compute(point[0], point[1])).isEqualTo(withGradient);
    }

    @ParameterizedTest
    @MethodSource("losses")
    void inputsAreLeftUnchanged(Loss loss) {
        Tensor[] point = randomPoint(SEED + 3);
        Tensor predictions = point[0].copy();
        Tensor targets = point[1].copy();

        loss.compute(predictions, targets, Tensor.zeros(3, 4));
        loss.unreduced(predictions, targets);

        assertThat(predictions.data()).containsExactly(point[0].data());
        assertThat(targets.data()).containsExactly(point[1].data());
    }

    @ParameterizedTest
    @MethodSource("losses")
    void shapeMismatchNamesTheLossAndBothShapes(Loss loss) {
        assertThatThrownBy(() -> loss.compute(Tensor.zeros(2, 3), Tensor.zeros(3, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(loss.name() + ":")
                .hasMessageContaining("[2, 3]")
                .hasMessageContaining("[3, 2]");
    }

    @ParameterizedTest
    @MethodSource("losses")
    void unreducedRefusesAShapeMismatchNamingTheLossAndBothShapes(Loss loss) {
        assertThatThrownBy(() -> loss.unreduced(Tensor.zeros(4), Tensor.zeros(5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(loss.name() + ":")
                .hasMessageContaining("[4]")
                .hasMessageContaining("[5]");
    }

    @ParameterizedTest
    @MethodSource("losses")
    void gradientBufferOfAnotherShapeIsRefused(Loss loss) {
        assertThatThrownBy(() -> loss.compute(Tensor.zeros(2, 3), Tensor.zeros(2, 3), Tensor.zeros(6)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(loss.name() + ":")
                .hasMessageContaining("gradient")
                .hasMessageContaining("[6]")
                .hasMessageContaining("[2, 3]");
    }

    @ParameterizedTest
    @MethodSource("meanLosses")
    void meanOfAnEmptyTensorIsNaN(Loss loss) {
        // 0 / 0, as PyTorch
        assertThat(loss.compute(Tensor.zeros(0, 4), Tensor.zeros(0, 4), Tensor.zeros(0, 4))).isNaN();
    }

    @ParameterizedTest
    @MethodSource("sumAndNoneLosses")
    void sumOfAnEmptyTensorIsZero(Loss loss) {
        assertThat(loss.compute(Tensor.zeros(0, 4), Tensor.zeros(0, 4), Tensor.zeros(0, 4))).isZero();
    }

    @ParameterizedTest
    @MethodSource("losses")
    void unreducedOfAnEmptyTensorIsEmptyWithItsShape(Loss loss) {
        Tensor values = loss.unreduced(Tensor.zeros(0, 4), Tensor.zeros(0, 4));

        assertThat(values.shape()).containsExactly(0, 4);
    }
}
