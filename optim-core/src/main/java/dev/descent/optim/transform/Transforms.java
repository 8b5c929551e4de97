package dev.descent.optim.transform;

import dev.descent.api.State;
import dev.descent.optim.Slot;
import java.util.ArrayList;
import java.util.List;

/** State checks shared by the transforms and the composite optimizers of this package. */
final class Transforms {
    static final String OPTIMIZER_KEY = "optimizer";

    private Transforms() {}

    /**
     * Refuses a state holding anything but the numbers {@code numberKeys} and the tensors of {@code slots}, as a
     * state of another component would.
     *
     * @throws IllegalArgumentException naming the first unknown entry and what {@code owner} keeps
     */
    static void requireOnly(String owner, State state, List<String> numberKeys, List<Slot> slots) {
        for (String key : state.numbers().keySet()) {
            if (!numberKeys.contains(key)) {
                throw unknownEntry(owner, key, numberKeys, slots);
            }
        }
        for (String key : state.tensors().keySet()) {
            if (slots.stream().noneMatch(slot -> slot.holds(key))) {
                throw unknownEntry(owner, key, numberKeys, slots);
            }
        }
    }

    private static IllegalArgumentException unknownEntry(String owner, String key, List<String> numberKeys,
            List<Slot> slots) {
        List<String> kept = new ArrayList<>(numberKeys);
        slots.forEach(slot -> kept.add(slot.keyPattern()));
        return new IllegalArgumentException(owner + " state has an unknown entry '" + key + "'; " + owner
                + (kept.isEmpty() ? " keeps no state" : " keeps " + String.join(", ", kept)));
    }


    /**
     * The state of a composite: each part's state nested under its position ({@code 0/...}, {@code 1/...}), the
     * optimizer's under {@code optimizer/...}.
     */
    static State nest(List<State> parts, State optimizer) {
        State.Builder state = State.builder();
        for (int i = 0; i < parts.size(); i++) {
            state.putAll(String.valueOf(i), parts.get(i));
        }
        return state.putAll(OPTIMIZER_KEY, optimizer).build();
    }

    /**
     * The states {@link #nest} nested, {@code parts} of them and the optimizer's last; a part without entries gets
     * an empty state.
     *
     * @throws IllegalArgumentException for an entry outside the parts, naming it
     */
    static List<State> unnest(String owner, State state, int parts) {
        List<String> prefixes = new ArrayList<>();
        for (int i = 0; i < parts; i++) {
            prefixes.add(String.valueOf(i));
        }
        prefixes.add(OPTIMIZER_KEY);
        State own = state.without(prefixes);
        if (!own.isEmpty()) {
            String key = own.numbers().isEmpty() ? own.tensors().keySet().iterator().next()
                    : own.numbers().keySet().iterator().next();
            throw new IllegalArgumentException(owner + " state has an unknown entry '" + key + "'; " + owner
                    + " nests its parts' states under " + String.join("/, ", prefixes) + "/");
        }
        return prefixes.stream().map(state::under).toList();
    }
}
