package dev.descent.api;

/**
 * The version of these contracts. A plugin jar states the version it was built against in its manifest
 * ({@value #MANIFEST_ATTRIBUTE}); it is accepted when the major versions are equal and its minor version
 * is not newer than the running one's.
 */
public record ApiVersion(int major, int minor) implements Comparable<ApiVersion> {

    /** The version of the API this code is. Kept equal to the build's {@code descent.api.version}. */
    public static final ApiVersion CURRENT = new ApiVersion(2, 0);

    /** The manifest attribute holding the version a plugin was built against. */
    public static final String MANIFEST_ATTRIBUTE = "Descent-Api-Version";

    public ApiVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("API version numbers must not be negative: " + major + "." + minor);
        }
    }

    /**
     * Parses {@code MAJOR.MINOR}.
     *
     * @throws IllegalArgumentException quoting the text and the expected form
     */
    public static ApiVersion parse(String text) {
        String trimmed = text.trim();
        int dot = trimmed.indexOf('.');
        try {
            if (trimmed.matches("[0-9]+\\.[0-9]+")) {
                return new ApiVersion(Integer.parseInt(trimmed.substring(0, dot)),
                        Integer.parseInt(trimmed.substring(dot + 1)));
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("malformed API version '" + text + "'; expected MAJOR.MINOR, e.g. "
                + CURRENT);
    }

    /** Whether code built against {@code pluginVersion} runs on this version. */
    public boolean accepts(ApiVersion pluginVersion) {
        return pluginVersion.major == major && pluginVersion.minor <= minor;
    }

    @Override
    public int compareTo(ApiVersion other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
