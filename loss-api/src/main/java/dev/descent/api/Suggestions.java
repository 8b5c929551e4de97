package dev.descent.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds the known names nearest to a mistyped one, for "did you mean" messages. */
public final class Suggestions {
    private static final int MAX_SUGGESTIONS = 3;

    private Suggestions() {}

    /**
     * The candidates close to {@code name}, nearest first: within a small edit distance (case ignored),
     * or starting with it.
     */
    public static List<String> closest(String name, Collection<String> candidates) {
        String wanted = name.toLowerCase(Locale.ROOT);
        int allowed = Math.max(1, Math.min(3, wanted.length() / 3));
        record Scored(String candidate, int distance) {}
        List<Scored> scored = new ArrayList<>();
        for (String candidate : candidates) {
            String lower = candidate.toLowerCase(Locale.ROOT);
            int distance = editDistance(wanted, lower);
            if (distance <= allowed || (wanted.length() >= 2 && lower.startsWith(wanted))) {
                scored.add(new Scored(candidate, distance));
            }
        }
        return scored.stream()
                .sorted(Comparator.comparingInt(Scored::distance).thenComparing(Scored::candidate))
                .limit(MAX_SUGGESTIONS)
                .map(Scored::candidate)
                .toList();
    }

    /** {@code "; did you mean 'mse'?"}, {@code "; did you mean 'a' or 'b'?"}, or empty. */
    public static String didYouMean(String name, Collection<String> candidates) {
        List<String> closest = closest(name, candidates);
        if (closest.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("; did you mean ");
        for (int i = 0; i < closest.size(); i++) {
            if (i > 0) {
                text.append(i == closest.size() - 1 ? " or " : ", ");
            }
            text.append('\'').append(closest.get(i)).append('\'');
        }
        return text.append('?').toString();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
