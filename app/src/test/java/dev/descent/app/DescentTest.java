package dev.descent.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.multibindings.MapBinder;
import dev.descent.api.Loss;
import dev.descent.api.LossProvider;
import dev.descent.api.Optimizer;
import dev.descent.api.OptimizerProvider;
import dev.descent.api.ParamSpec;
import dev.descent.api.Parameter;
import dev.descent.api.Params;
import dev.descent.api.State;
import dev.descent.api.Tensor;
import dev.descent.api.UnknownNameException;
import dev.descent.app.inject.DescentModule;
import dev.descent.app.registry.Losses;
import java.util.List;
import org.junit.jupiter.api.Test;

class DescentTest {
    private final Descent descent = Descent.builder().build();

    @Test
    void registriesHoldTheBuiltIns() {
        assertThat(descent.losses().names()).contains("mse", "l1", "rmse");
        assertThat(descent.optimizers().names()).contains("sgd");
        assertThat(descent.layers().names()).contains("linear", "relu");
        assertThat(descent.schedules().names()).contains("step_lr", "cosine_annealing");
    }

    @Test
    void aliasesResolveToTheirCanonicalNames() {
        assertThat(descent.losses().create("mae").name()).isEqualTo("l1");
        assertThat(descent.layers().describe("dense").name()).isEqualTo("linear");
    }

    @Test
    void unknownLossSuggestsTheNearest() {
        assertThatThrownBy(() -> descent.losses().create("mse2"))
                .isInstanceOf(UnknownNameException.class)
                .hasMessage("unknown loss 'mse2'; did you mean 'mse'?");
    }

    @Test
    void createdLossComputesTheSeedExample() {
        // (0.1^2 + 0.2^2 + 0.3^2 + 0.4^2) / 4 = 0.3 / 4 = 0.075
        Loss mse = descent.losses().create("mse");
        double value = mse.compute(Tensor.vector(2.1f, 4.2f, 6.3f, 8.4f), Tensor.vector(2f, 4f, 6f, 8f));
        assertThat(value).isCloseTo(0.075, within(1e-6));
    }

    @Test
    void guiceInjectorGivesTheSameRegistries() {
        Losses losses = Guice.createInjector(new DescentModule()).getInstance(Losses.class);
        assertThat(losses.names()).isEqualTo(descent.losses().names());
    }

    @Test
    void embeddingModuleAddsItsOwnProvider() {
        Descent embedded = Descent.builder().modules(new AbstractModule() {
            @Override
            protected void configure() {
                MapBinder.newMapBinder(binder(), String.class, LossProvider.class)
                        .addBinding("constant_loss").toInstance(new ConstantLossProvider());
            }
        }).build();

        assertThat(embedded.losses().create("constant_loss(value=2.5)").compute(Tensor.vector(1f), Tensor.vector(1f)))
                .isEqualTo(2.5);
    }

    @Test
    void nestedSpecIsCreatedThroughTheRegistries() {
        Descent embedded = Descent.builder().modules(new AbstractModule() {
            @Override
            protected void configure() {
                MapBinder.newMapBinder(binder(), String.class, OptimizerProvider.class)
                        .addBinding("wrapper").toInstance(new WrapperProvider());
            }
        }).build();

        Optimizer wrapper = embedded.optimizers().create("wrapper(inner=sgd(lr=0.25))");
        assertThat(wrapper.learningRate()).isEqualTo(0.25);
    }

    /** A loss that returns its parameter, to see an embedder's binding arrive. */
    static final class ConstantLossProvider implements LossProvider {
        @Override
        public String name() {
            return "constant_loss";
        }

        @Override
        public String description() {
            return "always the same value";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.real("value", 1.0, "the value"));
        }

        @Override
        public Loss create(Params params) {
            double value = params.real("value");
            return new Loss() {
                @Override
                public String name() {
                    return "constant_loss";
                }

                @Override
                public double compute(Tensor predictions, Tensor targets, Tensor gradient) {
                    return value;
                }

                @Override
                public Tensor unreduced(Tensor predictions, Tensor targets) {
                    return Tensor.zerosLike(predictions);
                }
            };
        }
    }

    /** An optimizer that delegates to a nested one, as lookahead will. */
    static final class WrapperProvider implements OptimizerProvider {
        @Override
        public String name() {
            return "wrapper";
        }

        @Override
        public String description() {
            return "delegates to inner";
        }

        @Override
        public List<ParamSpec> params() {
            return List.of(ParamSpec.component("inner", Optimizer.class, "sgd", "the wrapped optimizer"));
        }

        @Override
        public Optimizer create(Params params) {
            Optimizer inner = params.component("inner", Optimizer.class);
            return new Optimizer() {
                @Override
                public void step(List<Parameter> parameters) {
                    inner.step(parameters);
                }

                @Override
                public double learningRate() {
                    return inner.learningRate();
                }

                @Override
                public void setLearningRate(double learningRate) {
                    inner.setLearningRate(learningRate);
                }

                @Override
                public State state() {
                    return inner.state();
                }

                @Override
                public void loadState(State state) {
                    inner.loadState(state);
                }
            };
        }
    }
}
