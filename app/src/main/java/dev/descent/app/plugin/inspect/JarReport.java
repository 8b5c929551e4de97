package dev.descent.app.plugin.inspect;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@link JarInspector} found in a plugin jar, read without running any of its code: what {@code descent
 * plugins inspect JAR} prints.
 *
 * @param location what was inspected: the jar, or the plugin folder holding it
 * @param jar the plugin jar (equal to {@code location} unless a folder was inspected)
 * @param sha256 the SHA-256 of {@code jar}, 64 lowercase hex digits
 * @param pluginId {@code Descent-Plugin-Id} from the manifest, or null when absent
 * @param pluginVersion {@code Descent-Plugin-Version}, or null when absent
 * @param apiVersion {@code Descent-Api-Version}, or null when absent
 * @param libraries the other jars of a plugin folder; empty for a single jar
 * @param spis per provider interface the jar implements or has a services file for, by interface name
 * @param problems what would keep a provider from loading, or make the jar provide nothing; empty when fine
 */
public record JarReport(Path location, Path jar, String sha256, String pluginId, String pluginVersion,
        String apiVersion, List<Path> libraries, List<Spi> spis, List<Problem> problems) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public JarReport {
        requireNonNull(location, "location is null");
        requireNonNull(jar, "jar is null");
        requireNonNull(sha256, "sha256 is null");
        libraries = List.copyOf(libraries);
        spis = List.copyOf(spis);
        problems = List.copyOf(problems);
    }

    /**
     * One provider interface (SPI) and the classes of the jar that implement it.
     *
     * @param interfaceName e.g. {@code dev.descent.api.LossProvider}
     * @param kind e.g. {@code loss}
     * @param providers the classes implementing it, by name; abstract ones included
     */
    public record Spi(String interfaceName, String kind, List<ProviderClass> providers) {
        public Spi {
            requireNonNull(interfaceName, "interfaceName is null");
            requireNonNull(kind, "kind is null");
            providers = List.copyOf(providers);
        }

        /** The file that registers providers of this interface, e.g. {@code META-INF/services/dev.descent.api.LossProvider}. */
        public String servicesFile() {
            return JarInspector.SERVICES + interfaceName;
        }
    }

    /**
     * A class that implements a provider interface, directly or through a superclass or superinterface
     * in the jar.
     *
     * @param className the binary name, as a services file names it ({@code org.acme.Outer$Inner})
     * @param concrete neither abstract nor an interface
     * @param publicClass declared public
     * @param publicNoArgConstructor has a public constructor without parameters
     * @param registered named in the services file of the interface
     */
    public record ProviderClass(String className, boolean concrete, boolean publicClass,
            boolean publicNoArgConstructor, boolean registered) {
        public ProviderClass {
            requireNonNull(className, "className is null");
        }

        /** What {@link java.util.ServiceLoader} needs to create it: public, concrete, a public no-arg constructor. */
        public boolean instantiable() {
            return concrete && publicClass && publicNoArgConstructor;
        }

        /** {@code ok}, or what is wrong, e.g. {@code not registered, abstract}. */
        public String status() {
            List<String> words = new ArrayList<>();
            if (!registered) {
                words.add("not registered");
            }
            if (!concrete) {
                words.add("abstract");
            }
            if (!publicClass) {
                words.add("not public");
            }
            if (concrete && !publicNoArgConstructor) {
                words.add("no public no-arg constructor");
            }
            return words.isEmpty() ? "ok" : String.join(", ", words);
        }
    }

    /**
     * Something that keeps a provider from being found or created, in one line.
     *
     * @param code what kind of problem
     * @param spi the provider interface concerned, or null for {@link Code#NO_PROVIDERS}
     * @param className the class concerned (as written in the services file), or null for {@link Code#NO_PROVIDERS}
     * @param message what is wrong, where, and what would be right
     */
    public record Problem(Code code, String spi, String className, String message) {
        public Problem {
            requireNonNull(code, "code is null");
            requireNonNull(message, "message is null");
        }

        public enum Code {
            /** A concrete provider class that its services file does not name: it is never loaded. */
            NOT_REGISTERED,
            /** A services entry naming a class that is not in the jar (or is not a class name). */
            MISSING_CLASS,
            /** A services entry naming a class that does not implement that file's interface. */
            NOT_A_PROVIDER,
            /** A provider that {@link java.util.ServiceLoader} cannot create: abstract, not public, or no public no-arg constructor. */
            NOT_INSTANTIABLE,
            /** Nothing in the jar would be loaded as a provider. */
            NO_PROVIDERS
        }
    }

    /** True when {@link #problems()} is empty. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** The problems with {@code code}, in report order. */
    public List<Problem> problems(Problem.Code code) {
        return problems.stream().filter(p -> p.code() == code).toList();
    }

    /** Every provider class, of every interface. */
    public List<ProviderClass> providers() {
        return spis.stream().flatMap(spi -> spi.providers().stream()).toList();
    }

    /** The report as text for people, aligned like {@code descent describe}; ends with a line break. */
    public String render() {
        StringBuilder out = new StringBuilder();
        line(out, "jar", jar.toString());
        if (!location.equals(jar)) {
            line(out, "folder", location.toString());
            line(out, "libraries", libraries.isEmpty() ? "none"
                    : libraries.stream().map(lib -> lib.getFileName().toString()).collect(Collectors.joining(", ")));
        }
        line(out, "sha256", sha256);
        line(out, "plugin id", orNotStated(pluginId));
        line(out, "version", orNotStated(pluginVersion));
        line(out, "api version", orNotStated(apiVersion));
        List<ProviderClass> all = providers();
        if (all.isEmpty()) {
            line(out, "provides", "nothing");
        } else {
            out.append("provides\n");
            int kindWidth = spis.stream().mapToInt(spi -> spi.kind().length()).max().orElse(0);
            int classWidth = all.stream().mapToInt(p -> p.className().length()).max().orElse(0);
            for (Spi spi : spis) {
                for (ProviderClass p : spi.providers()) {
                    out.append(String.format("  %-" + kindWidth + "s  %-" + classWidth + "s  %s%n",
                            spi.kind(), p.className(), p.status()));
                }
            }
        }
        if (problems.isEmpty()) {
            line(out, "problems", "none");
        } else {
            out.append("problems\n");
            int codeWidth = problems.stream().mapToInt(p -> p.code().name().length()).max().orElse(0);
            for (Problem p : problems) {
                out.append(String.format("  %-" + codeWidth + "s  %s%n", p.code(), p.message()));
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-12s %s%n", label, value));
    }

    private static String orNotStated(String value) {
        return value == null ? "not stated" : value;
    }

    /** The report as one line of JSON, for {@code --json}; absent manifest attributes are {@code null}. */
    public String toJson() {
        try {
            return JSON.writeValueAsString(toJsonTree());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report of '" + jar + "' as JSON: " + e.getMessage(), e);
        }
    }

    /** The report as a JSON object, for a caller that embeds it in a larger document. */
    public ObjectNode toJsonTree() {
        ObjectNode node = JSON.createObjectNode();
        node.put("location", location.toString());
        node.put("jar", jar.toString());
        node.put("sha256", sha256);
        node.put("pluginId", pluginId);
        node.put("pluginVersion", pluginVersion);
        node.put("apiVersion", apiVersion);
        ArrayNode libs = node.putArray("libraries");
        libraries.forEach(lib -> libs.add(lib.toString()));
        ArrayNode spiArray = node.putArray("spis");
        for (Spi spi : spis) {
            ObjectNode s = spiArray.addObject();
            s.put("interface", spi.interfaceName());
            s.put("kind", spi.kind());
            s.put("servicesFile", spi.servicesFile());
            ArrayNode providers = s.putArray("providers");
            for (ProviderClass p : spi.providers()) {
                ObjectNode c = providers.addObject();
                c.put("class", p.className());
                c.put("concrete", p.concrete());
                c.put("public", p.publicClass());
                c.put("publicNoArgConstructor", p.publicNoArgConstructor());
                c.put("registered", p.registered());
                c.put("instantiable", p.instantiable());
            }
        }
        ArrayNode problemArray = node.putArray("problems");
        for (Problem p : problems) {
            ObjectNode o = problemArray.addObject();
            o.put("code", p.code().name());
            o.put("spi", p.spi());
            o.put("class", p.className());
            o.put("message", p.message());
        }
        return node;
    }
}
