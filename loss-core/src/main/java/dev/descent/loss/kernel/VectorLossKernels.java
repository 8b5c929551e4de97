package dev.descent.loss.kernel;

import static jdk.incubator.vector.VectorOperators.ADD;
import static jdk.incubator.vector.VectorOperators.D2F;
import static jdk.incubator.vector.VectorOperators.EXP;
import static jdk.incubator.vector.VectorOperators.EXPM1;
import static jdk.incubator.vector.VectorOperators.F2D;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LOG;
import static jdk.incubator.vector.VectorOperators.LOG1P;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.MAX;
import static jdk.incubator.vector.VectorOperators.NEG;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LossKernels} on the Vector API ({@code jdk.incubator.vector}), loaded by {@link LossKernelsLoader}
 * only when that module is present. Each step loads as many floats as the widest double vector has lanes,
 * widens them to doubles and computes the element exactly as {@link ScalarLossKernels} does (same operations,
 * same order, so the gradients are the same bits; {@code EXP}, {@code LOG}, {@code LOG1P} and {@code EXPM1}
 * may round differently in the last bit). The values are summed in one double partial sum per lane; the last
 * elements, fewer than a vector, go through the scalar loop.
 *
 * <p>Only the API of JDK 17's incubator is used, so that the class links on every JDK from 17 on.
 */
final class VectorLossKernels implements LossKernels {
    /** The widest double vector of this CPU; the floats are loaded half as wide, with as many lanes. */
    static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    static final VectorSpecies<Float> FLOATS =
            VectorSpecies.of(float.class, VectorShape.forBitSize(DOUBLES.vectorBitSize() / 2));
    private static final DoubleVector ONE = DoubleVector.broadcast(DOUBLES, 1);
    /** The scalar row kernels, for the rows' tails and for strided rows. */
    private static final ScalarLossKernels SCALAR = new ScalarLossKernels();

    /** Fails on a CPU whose vectors hold fewer than 4 doubles: there the floats would not be intrinsified. */
    VectorLossKernels() {
        if (DOUBLES.length() < 4) {
            throw new UnsupportedOperationException("the CPU's vectors are " + DOUBLES.vectorBitSize()
                    + " bits wide; the vectorised losses need 256");
        }
    }

    @Override
    public String toString() {
        return "vectorised kernels (" + DOUBLES.vectorBitSize() + "-bit vectors)";
    }

    /** Elements {@code i} to {@code i + lanes - 1}, widened to double. */
    private static DoubleVector load(float[] a, int i) {
        return (DoubleVector) FloatVector.fromArray(FLOATS, a, i).convertShape(F2D, DOUBLES, 0);
    }

    /** Rounds {@code v} to float into {@code a[i]} onwards, as the scalar {@code (float)} cast does. */
    private static void store(DoubleVector v, float[] a, int i) {
        ((FloatVector) v.convertShape(D2F, FLOATS, 0)).intoArray(a, i);
    }

    private static int bound(float[] p) {
        return FLOATS.loopBound(p.length);
    }

    @Override
    public double mse(float[] p, float[] t, float[] g, double scale) {
        DoubleVector sum = DoubleVector.zero(DOUBLES);
        int i = 0;
        for (int end = bound(p); i < end; i += FLOATS.length()) {
            DoubleVector x = load(p, i).sub(load(t, i));
            sum = sum.add(x.mul(x));
            if (g != null) {
                store(x.mul(2).mul(scale), g, i);
            }
        }
        return sum.reduceLanes(ADD) + ScalarLossKernels.sum(p, t, g, scale, i, ScalarLossKernels.MSE, 0);
    }

    @Override
    public double l1(float[] p, float[] t, float[] g, double scale) {
        DoubleVector zero = DoubleVector.zero(DOUBLES);
        DoubleVector sum = zero;
        int i = 0;
        for (int end = bound(p); i < end; i += FLOATS.length()) {
            DoubleVector x = load(p, i).sub(load(t, i));
            sum = sum.add(x.abs());
            if (g != null) {
                // PyTorch's sign times scale; 0 where x is ±0 or NaN, as neither comparison holds there.
                store(zero.blend(scale, x.compare(GT, 0)).blend(-scale, x.lt(0)), g, i);
            }
        }
        return sum.reduceLanes(ADD) + ScalarLossKernels.sum(p, t, g, scale, i, ScalarLossKernels.L1, 0);
    }

    @Override
    public double huber(float[] p, float[] t, float[] g, double scale, double delta) {
        DoubleVector sum = DoubleVector.zero(DOUBLES);
        int i = 0;
        for (int end = bound(p); i < end; i += FLOATS.length()) {
            DoubleVector x = load(p, i).sub(load(t, i));
            DoubleVector z = x.abs();
            // min and max written as comparisons and blends: the lanewise MIN and MAX follow Math.min and max
            // (NaN, -0.0) with several instructions each. Same results: where z is NaN, m is delta instead of
            // NaN, and the value NaN all the same; the clamp keeps x, NaN or -0.0 included, between the bounds.
            DoubleVector m = z.blend(delta, z.compare(GT, delta));
            sum = sum.add(m.mul(z.sub(m.mul(0.5))));
            if (g != null) {
                store(x.blend(delta, x.compare(GT, delta)).blend(-delta, x.lt(-delta)).mul(scale), g, i);
            }
        }
        return sum.reduceLanes(ADD) + ScalarLossKernels.sum(p, t, g, scale, i, ScalarLossKernels.HUBER, delta);
    }

    @Override
    public double smoothL1(float[] p, float[] t, float[] g, double scale, double beta) {
        DoubleVector sum = DoubleVector.zero(DOUBLES);
        double halfBeta = 0.5 * beta;
        // Dividing by a power of two (the default beta 1 among them) is multiplying by its exact inverse, bit for
        // bit (both round the same quotient), and a multiplication costs a fraction of a division.
        boolean exactInverse = beta > 0 && beta == Math.scalb(1.0, Math.getExponent(beta));
        double inverse = 1 / beta;
        int i = 0;
        for (int end = bound(p); i < end; i += FLOATS.length()) {
            DoubleVector x = load(p, i).sub(load(t, i));
            DoubleVector z = x.abs();
            DoubleVector halfSquare = z.mul(0.5).mul(z);
            // Both sides computed, one selected per lane by the scalar code's comparison: exactly its result.
            DoubleVector inside = exactInverse ? halfSquare.mul(inverse) : halfSquare.div(beta);
            sum = sum.add(z.sub(halfBeta).blend(inside, z.lt(beta)));
            if (g != null) {
                // x <= -beta is applied last, so that it wins where both hold (zero error at beta = 0).
                DoubleVector slope = (exactInverse ? x.mul(inverse) : x.div(beta))
                        .blend(1, x.compare(GE, beta)).blend(-1, x.compare(LE, -beta));
                store(slope.mul(scale), g, i);
            }
        }
        return sum.reduceLanes(ADD) + ScalarLossKernels.sum(p, t, g, scale, i, ScalarLossKernels.SMOOTH_L1, beta);
    }

    @Override
    public double logCosh(float[] p, float[] t, float[] g, double scale) {
        DoubleVector sum = DoubleVector.zero(DOUBLES);
        int i = 0;
        for (int end = bound(p); i < end; i += FLOATS.length()) {
            DoubleVector x = load(p, i).sub(load(t, i));
            DoubleVector a = x.abs();
            DoubleVector em = a.mul(-2).lanewise(EXPM1);
            sum = sum.add(a.add(em.mul(0.5).lanewise(LOG1P)));
            if (g != null) {
                DoubleVector tanh = em.neg().div(em.add(2));
                store(tanh.lanewise(NEG, x.lt(0)).mul(scale), g, i);
            }
        }
        return sum.reduceLanes(ADD) + ScalarLossKernels.sum(p, t, g, scale, i, ScalarLossKernels.LOG_COSH, 0);
    }

    @Override
    public double bce(float[] p, float[] t, float[] g, double scale) {
        DoubleVector sum = DoubleVector.zero(DOUBLES);
        int i = 0;
        for (int end = bound(p); i < end; i += FLOATS.length()) {
            DoubleVector prediction = load(p, i);
            DoubleVector target = load(t, i);
            DoubleVector oneMinusP = prediction.neg().add(1);
            if (g != null) {
                DoubleVector curvature = oneMinusP.mul(prediction).max(ScalarLossKernels.BCE_EPSILON);
                store(prediction.sub(target).mul(scale).div(curvature), g, i);
            }
            DoubleVector logP = prediction.lanewise(LOG).max(ScalarLossKernels.BCE_LOG_FLOOR);
            DoubleVector logOneMinusP = prediction.neg().lanewise(LOG1P).max(ScalarLossKernels.BCE_LOG_FLOOR);
            sum = sum.sub(target.mul(logP).add(target.neg().add(1).mul(logOneMinusP)));
        }
        return sum.reduceLanes(ADD) + ScalarLossKernels.sum(p, t, g, scale, i, ScalarLossKernels.BCE, 0);
    }

    @Override
    public boolean probabilities(float[] p, float[] t) {
        // The floats as they are, twice as many per vector as the doubles of the kernels.
        VectorSpecies<Float> floats = FloatVector.SPECIES_PREFERRED;
        int i = 0;
        for (int end = floats.loopBound(p.length); i < end; i += floats.length()) {
            FloatVector prediction = FloatVector.fromArray(floats, p, i);
            FloatVector target = FloatVector.fromArray(floats, t, i);
            // The scalar test's comparisons; NaN fails each of them.
            if (prediction.lt(0).or(prediction.compare(GT, 1))
                    .or(target.compare(GE, 0).and(target.compare(LE, 1)).not()).anyTrue()) {
                return false;
            }
        }
        return ScalarLossKernels.probabilities(p, t, i);
    }

    @Override
    public double max(float[] x, int from, int count, int stride) {
        if (stride != 1) {
            return SCALAR.max(x, from, count, stride);
        }
        // The floats as they are: the largest float widened is the largest widened float. MAX folds as Math.max.
        VectorSpecies<Float> floats = FloatVector.SPECIES_PREFERRED;
        FloatVector max = FloatVector.broadcast(floats, Float.NEGATIVE_INFINITY);
        int k = 0;
        for (int end = floats.loopBound(count); k < end; k += floats.length()) {
            max = max.max(FloatVector.fromArray(floats, x, from + k));
        }
        return Math.max(max.reduceLanes(MAX), SCALAR.max(x, from + k, count - k, 1));
    }

    @Override
    public double expSum(float[] x, int from, int count, int stride, double max, float[] g) {
        if (stride != 1) {
            return SCALAR.expSum(x, from, count, stride, max, g);
        }
        DoubleVector sum = DoubleVector.zero(DOUBLES);
        int k = 0;
        for (int end = FLOATS.loopBound(count); k < end; k += FLOATS.length()) {
            DoubleVector e = load(x, from + k).sub(max).lanewise(EXP);
            sum = sum.add(e);
            if (g != null) {
                store(e, g, from + k);
            }
        }
        return sum.reduceLanes(ADD) + SCALAR.expSum(x, from + k, count - k, 1, max, g);
    }

    @Override
    public void scale(float[] g, int from, int count, int stride, double factor, double scale) {
        if (stride != 1) {
            SCALAR.scale(g, from, count, stride, factor, scale);
            return;
        }
        int k = 0;
        for (int end = FLOATS.loopBound(count); k < end; k += FLOATS.length()) {
            store(load(g, from + k).mul(factor).mul(scale), g, from + k);
        }
        SCALAR.scale(g, from + k, count - k, 1, factor, scale);
    }

    @Override
    public double bceWithLogits(float[] x, float[] t, float[] g, double scale) {
        DoubleVector sum = DoubleVector.zero(DOUBLES);
        int i = 0;
        for (int end = bound(x); i < end; i += FLOATS.length()) {
            DoubleVector logit = load(x, i);
            DoubleVector target = load(t, i);
            DoubleVector e = logit.abs().neg().lanewise(EXP);
            if (g != null) {
                DoubleVector onePlusE = e.add(1);
                // logit >= 0 ? 1 / (1 + e) : e / (1 + e); NaN fails the comparison, as in the scalar code.
                DoubleVector sigmoid = e.div(onePlusE).blend(ONE.div(onePlusE), logit.compare(GE, 0));
                store(target.add(1).sub(target).mul(sigmoid).sub(target).mul(scale), g, i);
            }
            DoubleVector log1pE = e.lanewise(LOG1P);
            sum = sum.add(target.neg().add(1).mul(logit.max(0).add(log1pE))
                    .add(target.mul(logit.neg().max(0).add(log1pE))));
        }
        return sum.reduceLanes(ADD) + ScalarLossKernels.sum(x, t, g, scale, i, ScalarLossKernels.BCE_WITH_LOGITS, 1);
    }
}
