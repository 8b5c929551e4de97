/**
 * The built-in metrics, each with a {@link dev.descent.api.MetricProvider} listed in {@code META-INF/services},
 * following scikit-learn 1.2's definitions and checked against it by fixtures.
 *
 * <ul>
 *   <li>Classification, inputs as {@link dev.descent.loss.metric.ClassificationInputs} (binary scores [N] with a
 *       threshold, multiclass scores [N, C] by argmax, multilabel scores [N, L]): {@code accuracy},
 *       {@code precision}, {@code recall}, {@code f1}, {@code confusion_matrix}; {@code top_k_accuracy} on
 *       scores [N, C]; {@code roc_auc} on binary scores [N].
 *   <li>Regression, predictions and targets [N] or [N, K]: {@code mse}, {@code mae}, {@code rmse}, {@code r2}.
 *   <li>Ranking for recommenders, scores and relevance [N, M] over M candidate items: {@code hit_rate},
 *       {@code ndcg}.
 * </ul>
 *
 * <p>Streaming: each metric keeps sufficient statistics (counts, per-output sums added element by element, or
 * all scores for {@code roc_auc}), so feeding the data in batches of any size gives the same result to the
 * last bit. Results are computed in {@code double}; {@code compute()} rounds them to the {@code float} of a
 * tensor, {@code value()} returns the double. Labels are floats holding whole numbers; NaN in any input is an
 * error naming the metric, the index and the value, as scikit-learn refuses NaN.
 */
package dev.descent.loss.metric;
