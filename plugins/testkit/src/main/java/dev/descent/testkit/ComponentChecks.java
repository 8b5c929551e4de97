package dev.descent.testkit;

import static dev.descent.testkit.CheckRun.fail;

import dev.descent.api.ComponentProvider;
import dev.descent.api.ComponentResolver;
import dev.descent.api.InvalidParameterException;
import dev.descent.api.ParamSpec;
import dev.descent.api.Params;
import dev.descent.api.Spec;
import dev.descent.api.SpecValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks every provider gets, whatever its kind: its description, and its parameters. */
final class ComponentChecks {
    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final int MAX_DESCRIPTION = 200;

    /** A spec as the author wrote it, parsed. */
    record SpecCase(String text, Spec spec) {
        /** The name of a check of this spec: {@code loss deterministic [mse(reduction=sum)]}. */
        String name(String check) {
            return check + " [" + text + "]";
        }
    }

    private ComponentChecks() {}

    static void describe(CheckRun run, ComponentProvider<?> provider) {
        run.run(ContractChecks.DESCRIBE, () -> {
            List<String> problems = new ArrayList<>();
            String name = provider.name();
            if (name == null || !SNAKE_CASE.matcher(name).matches()) {
                problems.add("name '" + name + "' is not snake_case (a lower-case letter, then lower-case letters,"
                        + " digits or _)");
            }
            List<String> aliases = provider.aliases();
            if (aliases == null) {
                problems.add("aliases() returned null; return List.of() for none");
            } else {
                Set<String> seen = new HashSet<>();
                for (String alias : aliases) {
                    if (alias == null || !SNAKE_CASE.matcher(alias).matches()) {
                        problems.add("alias '" + alias + "' is not snake_case");
                    } else if (alias.equals(name)) {
                        problems.add("alias '" + alias + "' repeats the name");
                    } else if (!seen.add(alias)) {
                        problems.add("alias '" + alias + "' is listed twice");
                    }
                }
            }
            String description = provider.description();
            if (description == null || description.isBlank()) {
                problems.add("description is blank; give one line saying what the " + Components.kindWord(provider)
                        + " is");
            } else {
                if (description.contains("\n") || description.contains("\r")) {
                    problems.add("description has a line break; it must be one line");
                }
                if (description.length() >= MAX_DESCRIPTION) {
                    problems.add("description has " + description.length() + " characters; it must have under "
                            + MAX_DESCRIPTION);
                }
            }
            List<ParamSpec> params = provider.params();
            if (params == null) {
                problems.add("params() returned null; return List.of() for none");
            } else {
                Set<String> names = new HashSet<>();
                for (ParamSpec param : params) {
                    problems.addAll(paramProblems(param, names));
                }
            }
            if (!problems.isEmpty()) {
                throw fail(String.join("; ", problems));
            }
            return "name '" + name + "'" + (aliases.isEmpty() ? "" : ", aliases " + aliases) + ", a one-line"
                    + " description and " + params.size() + " documented parameter" + (params.size() == 1 ? "" : "s")
                    + " with valid defaults";
        });
    }

    private static List<String> paramProblems(ParamSpec param, Set<String> names) {
        List<String> problems = new ArrayList<>();
        String name = param.name();
        String where = "parameter '" + name + "'";
        if (!SNAKE_CASE.matcher(name).matches()) {
            problems.add(where + " is not snake_case");
        }
        if (!names.add(name)) {
            problems.add(where + " is declared twice");
        }
        if (param.doc().isBlank()) {
            problems.add(where + " has a blank doc; say what it does in a line");
        }
        Object value = param.defaultValue();
        if (value == null) {
            return problems;
        }
        String range = param.rangeText();
        if (value instanceof Number number && !param.inRange(number.doubleValue())) {
            problems.add(where + ": default '" + text(number) + "' is not " + range);
        } else if (value instanceof List<?> list) {
            if (param.length() >= 0 && list.size() != param.length()) {
                problems.add(where + ": default " + list + " has " + list.size() + " elements, not " + param.length());
            }
            for (Object element : list) {
                if (element instanceof Number number && !param.inRange(number.doubleValue())) {
                    problems.add(where + ": default " + list + " holds '" + text(number) + "', which is not " + range);
                }
            }
        } else if (value instanceof String text && !param.choices().isEmpty() && !param.choices().contains(text)) {
            problems.add(where + ": default '" + text + "' is not one of " + param.choices());
        }
        return problems;
    }

    /** A number as a spec writes it: {@code 5}, {@code 0.5}. */
    private static String text(Number number) {
        return SpecValue.NumberValue.of(number.doubleValue()).text();
    }

    /**
     * Checks that every spec creates a component, that a value just outside each declared range, a word
     * that is not among a parameter's choices and an unknown parameter are refused naming the parameter, and returns the specs that could be created:
     * the checks of each spec run only on those.
     */
    static List<SpecCase> parameters(CheckRun run, ComponentProvider<?> provider, List<String> specs,
            ComponentResolver resolver) {
        List<SpecCase> created = new ArrayList<>();
        run.run(ContractChecks.PARAMETERS, () -> {
            List<String> texts = specs.isEmpty() ? List.of(ContractChecks.defaultSpec(provider)) : specs;
            List<String> problems = new ArrayList<>();
            Map<String, SpecValue> base = null;
            for (String text : texts) {
                SpecCase spec = createProblem(provider, text, resolver, problems);
                if (spec != null) {
                    created.add(spec);
                    if (base == null) {
                        base = spec.spec().arguments();
                    }
                }
            }
            List<String> refused = new ArrayList<>();
            if (base != null) {
                probeRanges(provider, base, resolver, problems, refused);
                probeUnknown(provider, base, resolver, problems, refused);
            }
            if (!problems.isEmpty()) {
                throw fail(String.join("; ", problems));
            }
            return "created " + texts.stream().map(t -> "'" + t + "'").toList() + "; refused " + String.join(", ", refused);
        });
        return created;
    }

    private static SpecCase createProblem(ComponentProvider<?> provider, String text, ComponentResolver resolver,
            List<String> problems) {
        Spec spec;
        try {
            spec = Spec.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add("spec '" + text + "' does not parse: " + e.getMessage());
            return null;
        }
        String name = provider.name();
        if (!spec.name().equals(name) && !provider.aliases().contains(spec.name())) {
            problems.add("spec '" + text + "' names '" + spec.name() + "', not this provider; write '" + name + "(...)'");
            return null;
        }
        try {
            Components.create(provider, spec, resolver);
            return new SpecCase(text.strip(), spec);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (CheckFailure e) {
            problems.add(e.getMessage());
        } catch (Throwable e) {
            problems.add("creating '" + text + "' threw " + CheckRun.describe(e)
                    + (e instanceof InvalidParameterException ? "; give specs that set the required parameters" : ""));
        }
        return null;
    }

    private static void probeRanges(ComponentProvider<?> provider, Map<String, SpecValue> base,
            ComponentResolver resolver, List<String> problems, List<String> refused) {
        for (ParamSpec param : provider.params()) {
            if (!param.choices().isEmpty()) {
                String word = "not_a_choice";
                while (param.choices().contains(word)) {
                    word += "_either";
                }
                Map<String, SpecValue> arguments = new LinkedHashMap<>(base);
                arguments.put(param.name(), ParamRange.word(word));
                expectRefusal(provider, arguments, param.name(), param.name() + "=" + word + " (not one of "
                        + String.join(", ", param.choices()) + ")", resolver, problems, refused);
            }
            if (!ParamRange.isNumeric(param)) {
                continue;
            }
            ParamRange range = ParamRange.of(param);
            for (double outside : range.outside(param)) {
                SpecValue value = ParamRange.specValue(param, outside);
                Map<String, SpecValue> arguments = new LinkedHashMap<>(base);
                arguments.put(param.name(), value);
                String probe = param.name() + "=" + value + " (outside " + param.rangeText() + ")";
                expectRefusal(provider, arguments, param.name(), probe, resolver, problems, refused);
            }
        }
    }

    private static void probeUnknown(ComponentProvider<?> provider, Map<String, SpecValue> base,
            ComponentResolver resolver, List<String> problems, List<String> refused) {
        Set<String> declared = new HashSet<>();
        provider.params().forEach(param -> declared.add(param.name()));
        String unknown = "not_a_parameter";
        while (declared.contains(unknown)) {
            unknown += "_either";
        }
        Map<String, SpecValue> arguments = new LinkedHashMap<>(base);
        arguments.put(unknown, SpecValue.NumberValue.of(1));
        expectRefusal(provider, arguments, unknown, "the unknown parameter " + unknown + "=1", resolver, problems,
                refused);
    }

    private static void expectRefusal(ComponentProvider<?> provider, Map<String, SpecValue> arguments, String name,
            String probe, ComponentResolver resolver, List<String> problems, List<String> refused) {
        try {
            Params.resolve(Components.owner(provider), provider.params(), arguments, resolver);
            problems.add(probe + " was accepted; it must be refused with an InvalidParameterException");
        } catch (InvalidParameterException e) {
            if (!name.equals(e.parameter()) || e.getMessage() == null || !e.getMessage().contains(name)) {
                problems.add(probe + " was refused naming parameter '" + e.parameter() + "' instead: " + e.getMessage());
            } else {
                refused.add(probe);
            }
        } catch (RuntimeException e) {
            problems.add(probe + " threw " + CheckRun.describe(e) + " instead of an InvalidParameterException");
        }
    }
}
