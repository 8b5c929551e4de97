package dev.descent.api;

import java.util.List;

/**
 * Something that owns trainable parameters: every {@link Layer}, and a {@link Loss} with weights of its
 * own (a multi-task loss that learns how to weigh its terms). The trainer hands these parameters to the
 * optimizer beside the model's.
 */
public interface Trainable {

    /**
     * The trainable parameters, in a stable order, the same objects on every call (optimizer state is
     * keyed by their names); empty when there are none.
     */
    List<Parameter> parameters();
}
