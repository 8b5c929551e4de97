package dev.descent.nn.graph;

import dev.descent.nn.Embedding;
import dev.descent.nn.Flatten;
import dev.descent.nn.Linear;
import dev.descent.nn.Relu;
import dev.descent.nn.Sequential;
import dev.descent.nn.init.Initializers;
import dev.descent.nn.merge.Add;
import dev.descent.nn.merge.Dot;

/**
 * The two models of issue 11, each declared in a few lines of Java (docs/training.md shows them); the
 * pipeline issue declares the same in YAML.
 */
final class ExampleModels {
    private ExampleModels() {}

    /**
     * Matrix factorisation with biases: {@code score(u, i) = <p_u, q_i> + b_u + b_i}, for each user and
     * {@code items} items per example. With {@code items = 1} it scores (user, item) pairs as [N, 1]; with
     * {@code items = 2} it scores (user, [positive, negative]) as [N, 2], the predictions {@code bpr} and
     * {@code margin_ranking} take. Both declare the same parameters under the same names, so weights
     * trained on one load into the other.
     */
    static GraphModel matrixFactorisation(int users, int itemCount, int dim, int items) {
        return GraphModel.builder()
                .input("user", 1)
                .input("items", items)
                .node("user_embedding", embedding(users, dim), "user")        // [1, D]
                .node("item_embedding", embedding(itemCount, dim), "items")   // [K, D]
                .node("user_bias", embedding(users, 1), "user")               // [1, 1]
                .node("item_bias", embedding(itemCount, 1), "items")          // [K, 1]
                .node("affinity", new Dot(), "user_embedding", "item_embedding")      // [K]
                .node("user_offset", new Flatten(1, -1), "user_bias")                // [1]
                .node("item_offset", new Flatten(1, -1), "item_bias")                // [K]
                .node("score", new Add(), "affinity", "user_offset", "item_offset")   // [K], the [1] broadcast
                .output("score")
                .build();
    }

    /** {@code embedding(num_embeddings=count, embedding_dim=dim)}: PyTorch's N(0, 1) weights, no padding. */
    private static Embedding embedding(int count, int dim) {
        return new Embedding(count, dim, null, Initializers.create("normal"));
    }

    /**
     * One input, a shared trunk, and two heads: class logits (for {@code cross_entropy}) and a value
     * (for {@code mse}), each an output with its own loss.
     */
    static GraphModel twoHeads(int features, int hidden, int classes) {
        return GraphModel.builder()
                .input("x", features)
                .node("trunk", Sequential.of(new Linear(features, hidden), new Relu()), "x")
                .node("class_logits", new Linear(hidden, classes), "trunk")
                .node("value", new Linear(hidden, 1), "trunk")
                .output("class_logits", "value")
                .build();
    }
}
