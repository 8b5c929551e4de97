package dev.descent.optim.transform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.descent.api.InvalidParameterException;
import dev.descent.api.Parameter;
import dev.descent.api.Tensor;
import dev.descent.optim.BuiltIns;
import dev.descent.optim.Sgd;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParameterGroupsTest {

    private static Parameter parameter(String name) {
        Parameter p = Parameter.of(name, Tensor.vector(1f));
        p.gradient().data()[0] = 1f;
        return p;
    }

    @Test
    void eachParameterStepsWithTheFirstGroupThatMatchesElseTheBase() {
        ParameterGroups groups = ParameterGroups.builder()
                .group("*.bias", Sgd.builder().lr(0.5).build())
                .group(List.of("0.*", "x?"), Sgd.builder().lr(0.25).build())
                .otherwise(Sgd.builder().lr(0.125).build());
        Parameter bias = parameter("0.bias");
        Parameter weight = parameter("0.weight");
        Parameter xy = parameter("xy");
        Parameter other = parameter("1.weight");

        groups.step(List.of(bias, weight, xy, other));

        assertThat(bias.value().data()).containsExactly(0.5f);
        assertThat(weight.value().data()).containsExactly(0.75f);
        assertThat(xy.value().data()).containsExactly(0.75f);
        assertThat(other.value().data()).containsExactly(0.875f);
    }

    @Test
    void globsMatchWholeNamesAndTakeDotsLiterally() {
        ParameterGroups groups = ParameterGroups.builder().group("a.b", Sgd.builder().build())
                .otherwise(Sgd.builder().build());

        assertThat(groups.groupOf("a.b")).isZero();
        assertThat(groups.groupOf("axb")).isEqualTo(1);
        assertThat(groups.groupOf("a.bc")).isEqualTo(1);
    }

    @Test
    void aNewLearningRateScalesEveryGroupInProportion() {
        ParameterGroups groups = (ParameterGroups) BuiltIns.optimizer(
                "param_groups(optimizer=sgd(lr=0.1), groups=[group(match='*.bias', lr=0.4), group(match='x')])");

        groups.setLearningRate(0.05);

        assertThat(groups.learningRate()).isEqualTo(0.05);
        assertThat(groups.groups().get(0).optimizer().learningRate()).isEqualTo(0.2);
        assertThat(groups.groups().get(1).optimizer().learningRate()).isEqualTo(0.05);
    }

    @Test
    void nestsEachGroupsState() {
        ParameterGroups groups = (ParameterGroups) BuiltIns.optimizer(
                "param_groups(optimizer=sgd(lr=0.1, momentum=0.9), groups=[group(match='b', momentum=0.5)])");
        groups.step(List.of(parameter("a"), parameter("b")));

        assertThat(groups.state().tensors()).containsOnlyKeys("0/momentum_buffer/b", "optimizer/momentum_buffer/a");
        assertThat(groups.state().numbers()).containsOnlyKeys("0/lr", "optimizer/lr");
    }

    @Test
    void aGroupsOptimizerIsTheBaseWithItsOverrides() {
        ParameterGroups groups = (ParameterGroups) BuiltIns.optimizer(
                "param_groups(optimizer=adamw(lr=0.001, weight_decay=0.01), groups=[group(match='*.bias', weight_decay=0)])");

        assertThat(groups.groups().get(0).optimizer().toString()).contains("lr=0.001").contains("weight_decay=0,");
        assertThat(groups.otherwise().toString()).contains("weight_decay=0.01");
    }

    @Test
    void anUnknownOverrideIsReportedByTheOptimizerWithTheGroup() {
        assertThatThrownBy(() -> BuiltIns.optimizer(
                "param_groups(optimizer=adamw, groups=[group(match='a'), group(match='*.bias', wd=0)])"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("param_groups: group 1 (match [*.bias]): unknown parameter 'wd' for"
                        + " optimizer 'adamw'");
    }

    @Test
    void anOverrideOutOfRangeIsReportedByTheOptimizer() {
        assertThatThrownBy(() -> BuiltIns.optimizer("param_groups(optimizer=sgd, groups=[group(match='a', lr=-1)])"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessage("param_groups: group 0 (match [a]): parameter 'lr' of optimizer 'sgd' must be >= 0, got -1");
    }

    @Test
    void aGroupNeedsAMatch() {
        assertThatThrownBy(() -> BuiltIns.optimizer("param_groups(optimizer=sgd, groups=[group(lr=0.1)])"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageStartingWith("param_groups: group 0 has no match");
        assertThatThrownBy(() -> BuiltIns.optimizer("param_groups(optimizer=sgd, groups=[group(match=[])])"))
                .hasMessageContaining("group 0 has match=[], which is neither a glob");
        assertThatThrownBy(() -> BuiltIns.optimizer("param_groups(optimizer=sgd, groups=[group(match=3)])"))
                .hasMessageContaining("group 0 has match=3");
    }

    @Test
    void groupsAreWrittenGroup() {
        assertThatThrownBy(() -> BuiltIns.optimizer("param_groups(optimizer=sgd, groups=[grp(match='a')])"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("group 0 must be written group(match='<glob>', <arguments to override>),"
                        + " got 'grp(match='a')'");
        assertThatThrownBy(() -> BuiltIns.optimizer("param_groups(optimizer=sgd, groups=[group(0.1, match='a')])"))
                .hasMessageContaining("group 0 takes its arguments by name, got 0.1");
    }

    @Test
    void theBaseOptimizerIsRequired() {
        assertThatThrownBy(() -> BuiltIns.optimizer("param_groups"))
                .isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("parameter 'optimizer' of optimizer 'param_groups' is required");
    }

    @Test
    void oneOptimizerCannotServeTwoGroups() {
        Sgd shared = Sgd.builder().build();

        assertThatThrownBy(() -> ParameterGroups.builder().group("a", shared).otherwise(shared))
                .hasMessageContaining("the optimizer of group 0 also serves another group or the base");
        assertThatThrownBy(() -> ParameterGroups.builder().group(List.of(), shared))
                .hasMessageContaining("a group needs at least one glob");
    }
}
