package dev.descent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TensorTest {

    /** A 2x3 tensor holding 1..6 row-major. */
    private static Tensor twoByThree() {
        return Tensor.of(new float[] {1, 2, 3, 4, 5, 6}, 2, 3);
    }

    // factories

    @Test
    void ofKeepsTheShape() {
        Tensor tensor = twoByThree();

        assertThat(tensor.shape()).containsExactly(2, 3);
        assertThat(tensor.rank()).isEqualTo(2);
        assertThat(tensor.size()).isEqualTo(6);
    }

    @Test
    void ofWrapsTheDataWithoutCopying() {
        float[] data = {1, 2, 3, 4};
        Tensor tensor = Tensor.of(data, 2, 2);

        data[3] = 40;

        assertThat(tensor.data()).isSameAs(data);
        assertThat(tensor.get(1, 1)).isEqualTo(40f);
    }

    @Test
    void ofCopiesTheShapeArray() {
        int[] shape = {2, 2};
        Tensor tensor = Tensor.of(new float[4], shape);

        shape[0] = 4;

        assertThat(tensor.shape()).containsExactly(2, 2);
    }

    @Test
    void ofRefusesDataOfAnotherSize() {
        assertThatThrownBy(() -> Tensor.of(new float[3], 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape [2, 2] holds 4 elements but the data has 3");
    }

    @Test
    void ofRefusesANegativeDimension() {
        assertThatThrownBy(() -> Tensor.of(new float[2], 2, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape [2, -1] has a negative dimension");
    }

    @Test
    void ofRefusesNullData() {
        assertThatThrownBy(() -> Tensor.of(null, 2))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("data is null");
    }

    @Test
    void ofRefusesAShapeWhoseSizeOverflowsWithEmptyData() {
        assertThatThrownBy(() -> Tensor.of(new float[0], 1 << 16, 1 << 16, 1 << 16, 1 << 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[65536, 65536, 65536, 65536]");
    }

    @Test
    void aScalarHasRankZeroAndOneElement() {
        Tensor scalar = Tensor.of(new float[] {7});

        assertThat(scalar.rank()).isZero();
        assertThat(scalar.size()).isEqualTo(1);
        assertThat(scalar.get()).isEqualTo(7f);
    }

    @Test
    void aZeroDimensionHoldsNoElements() {
        Tensor empty = Tensor.of(new float[0], 0, 3);

        assertThat(empty.size()).isZero();
        assertThat(empty.shape()).containsExactly(0, 3);
    }

    @Test
    void vectorIsOneDimensional() {
        Tensor vector = Tensor.vector(1, 2, 3);

        assertThat(vector.shape()).containsExactly(3);
        assertThat(vector.data()).containsExactly(1f, 2f, 3f);
    }

    @Test
    void zerosHasTheShapeAndOnlyZeros() {
        Tensor zeros = Tensor.zeros(3, 2);

        assertThat(zeros.shape()).containsExactly(3, 2);
        assertThat(zeros.data()).hasSize(6).containsOnly(0f);
    }

    @Test
    void zerosRefusesANegativeDimension() {
        assertThatThrownBy(() -> Tensor.zeros(-2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape [-2] has a negative dimension");
    }

    @Test
    void zerosRefusesMoreElementsThanAnArrayHolds() {
        assertThatThrownBy(() -> Tensor.zeros(100_000, 100_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("shape [100000, 100000] holds 10000000000 elements, more than one array can hold");
    }

    @Test
    void zerosRefusesAShapeWhoseSizeOverflowsALong() {
        assertThatThrownBy(() -> Tensor.zeros(1 << 16, 1 << 16, 1 << 16, 1 << 16))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[65536, 65536, 65536, 65536]");
    }

    @Test
    void zerosLikeHasTheShapeButNotTheData() {
        Tensor like = twoByThree();

        Tensor zeros = Tensor.zerosLike(like);

        assertThat(zeros.shape()).containsExactly(2, 3);
        assertThat(zeros.data()).containsOnly(0f).isNotSameAs(like.data());
    }

    // shape

    @Test
    void shapeReturnsACopy() {
        Tensor tensor = twoByThree();

        tensor.shape()[0] = 99;

        assertThat(tensor.shape()).containsExactly(2, 3);
    }

    @ParameterizedTest(name = "dim({0}) = {1}")
    @CsvSource({"0, 2", "1, 3", "2, 4", "-1, 4", "-2, 3", "-3, 2"})
    void dimCountsNegativeAxesFromTheEnd(int axis, int expected) {
        assertThat(Tensor.zeros(2, 3, 4).dim(axis)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"3", "-4"})
    void dimRefusesAnAxisOutsideTheRank(int axis) {
        assertThatThrownBy(() -> Tensor.zeros(2, 3, 4).dim(axis))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("axis " + axis + " of a tensor of rank 3");
    }

    @Test
    void hasShapeComparesTheWholeShape() {
        assertThat(twoByThree().hasShape(2, 3)).isTrue();
        assertThat(twoByThree().hasShape(3, 2)).isFalse();
        assertThat(twoByThree().hasShape(6)).isFalse();
    }

    // elements

    @ParameterizedTest(name = "[{0}, {1}] = {2}")
    @CsvSource({"0, 0, 1", "0, 2, 3", "1, 0, 4", "1, 2, 6"})
    void getReadsRowMajor(int row, int column, float expected) {
        assertThat(twoByThree().get(row, column)).isEqualTo(expected);
    }

    @Test
    void setWritesTheElementAtTheIndex() {
        Tensor tensor = Tensor.zeros(2, 3);

        tensor.set(9, 1, 0);

        assertThat(tensor.data()).containsExactly(0, 0, 0, 9, 0, 0);
    }

    @Test
    void getRefusesAnIndexOfTheWrongRank() {
        assertThatThrownBy(() -> twoByThree().get(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index [1] does not fit shape [2, 3]");
    }

    @Test
    void getRefusesAnIndexOutsideTheShape() {
        assertThatThrownBy(() -> twoByThree().get(0, 3))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index [0, 3] is outside shape [2, 3]");
    }

    @Test
    void setRefusesANegativeIndex() {
        assertThatThrownBy(() -> twoByThree().set(1, -1, 0))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index [-1, 0] is outside shape [2, 3]");
    }

    @Test
    void fillSetsEveryElement() {
        Tensor tensor = twoByThree();

        tensor.fill(0.5f);

        assertThat(tensor.data()).containsOnly(0.5f);
    }

    // reshape, copy

    @Test
    void reshapeSeesTheSameData() {
        Tensor tensor = twoByThree();

        Tensor reshaped = tensor.reshape(3, 2);
        reshaped.set(60, 2, 1);

        assertThat(reshaped.shape()).containsExactly(3, 2);
        assertThat(reshaped.data()).isSameAs(tensor.data());
        assertThat(tensor.get(1, 2)).isEqualTo(60f);
    }

    @Test
    void reshapeLeavesTheOriginalShape() {
        Tensor tensor = twoByThree();

        tensor.reshape(6);

        assertThat(tensor.shape()).containsExactly(2, 3);
    }

    @Test
    void reshapeRefusesAShapeOfAnotherSize() {
        assertThatThrownBy(() -> twoByThree().reshape(4, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot reshape a tensor of shape [2, 3] (6 elements) to shape [4, 2]");
    }

    @Test
    void copyIsDeep() {
        Tensor tensor = twoByThree();

        Tensor copy = tensor.copy();
        copy.set(100, 0, 0);

        assertThat(copy.shape()).containsExactly(2, 3);
        assertThat(tensor.get(0, 0)).isEqualTo(1f);
        assertThat(copy.data()).containsExactly(100, 2, 3, 4, 5, 6);
    }

    @Test
    void copyFromCopiesTheValues() {
        Tensor target = Tensor.zeros(2, 3);
        Tensor source = twoByThree();

        target.copyFrom(source);
        source.set(0, 0, 0);

        assertThat(target.data()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void copyFromRefusesAnotherShapeOfTheSameSize() {
        assertThatThrownBy(() -> Tensor.zeros(3, 2).copyFrom(twoByThree()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot copy a tensor of shape [2, 3] into one of shape [3, 2]");
    }

    // toString

    @Test
    void toStringShowsTheShapeAndTheValues() {
        assertThat(Tensor.of(new float[] {1, 2, 3, 4}, 2, 2)).hasToString("Tensor[2, 2] [1.0, 2.0, 3.0, 4.0]");
    }

    @Test
    void toStringShowsTheFirstSixteenValuesOfALargeTensor() {
        assertThat(Tensor.zeros(17).toString()).startsWith("Tensor[17] [0.0, 0.0").endsWith("0.0, ...]");
    }

    // views

    @Test
    void rowsIsAViewOfThoseExamplesSharingTheData() {
        Tensor tensor = Tensor.of(new float[] {1, 2, 3, 4, 5, 6, 7, 8}, 4, 2);

        Tensor middle = tensor.rows(1, 3);
        middle.set(40, 1, 1);

        assertThat(middle.shape()).containsExactly(2, 2);
        assertThat(middle.offset()).isEqualTo(2);
        assertThat(middle.size()).isEqualTo(4);
        assertThat(middle.get(0, 0)).isEqualTo(3);
        assertThat(tensor.get(2, 1)).isEqualTo(40);
    }

    @Test
    void rowDropsTheFirstAxis() {
        Tensor row = twoByThree().row(1);

        assertThat(row.shape()).containsExactly(3);
        assertThat(row.copy().data()).containsExactly(4, 5, 6);
    }

    @Test
    void dataRefusesAPartialViewSoWholeTensorCodeCannotMisreadIt() {
        Tensor view = twoByThree().rows(1, 2);

        assertThat(view.isWhole()).isFalse();
        assertThatThrownBy(view::data)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this tensor of shape [1, 3] is a view of 3 elements from offset 3 of an array of 6;"
                        + " read array() from offset() instead of data()");
    }

    @Test
    void aViewOfTheWholeArrayStillHandsOutItsData() {
        Tensor tensor = twoByThree();

        assertThat(tensor.rows(0, 2).data()).isSameAs(tensor.data());
    }

    @Test
    void viewOutsideTheArrayIsRefused() {
        assertThatThrownBy(() -> Tensor.view(new float[6], 4, 1, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a view of shape [1, 3] (3 elements) from offset 4 does not fit in an array of 6");
        assertThatThrownBy(() -> twoByThree().rows(1, 3)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("rows 1 to 3 of a tensor of shape [2, 3]");
    }

    @Test
    void fillCopyAndCopyFromStayInsideTheView() {
        float[] data = {1, 2, 3, 4, 5, 6};
        Tensor view = Tensor.view(data, 2, 2);

        view.fill(0);
        Tensor copy = view.copy();
        Tensor.view(data, 4, 2).copyFrom(Tensor.vector(8, 9));

        assertThat(data).containsExactly(1, 2, 0, 0, 8, 9);
        assertThat(copy.data()).containsExactly(0, 0);
        assertThat(view.reshape(1, 2).offset()).isEqualTo(2);
        assertThat(Tensor.view(data, 4, 2)).hasToString("Tensor[2] [8.0, 9.0]");
    }

    @Test
    void shapeViewIsTheShapeWithoutACopy() {
        Tensor tensor = twoByThree();

        assertThat(tensor.shapeView()).isSameAs(tensor.shapeView()).containsExactly(2, 3);
    }
}
