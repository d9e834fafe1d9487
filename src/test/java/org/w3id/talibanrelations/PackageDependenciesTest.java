package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The packages' dependencies, read by jdeps from the compiled classes (target/classes): no package cycle,
 * and no import outside the table below (mirrored in README.md, "Code layout"). A new dependency is a
 * decision: add it to the table on purpose.
 */
class PackageDependenciesTest {
    private static final String ROOT = "org.w3id.talibanrelations";

    /** Each package (relative to the root; "" is the root) and the packages of ours it may import. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("", Set.of("core", "serve", "serve.cache", "serve.http", "serve.ld", "serve.sparql")),
            Map.entry("cli", Set.of("", "build", "core", "publish", "serve", "sources", "store", "validate", "vocabulary")),
            Map.entry("build", Set.of("core", "facts", "publish", "sources", "validate", "vocabulary")),
            Map.entry("validate", Set.of("core", "sources", "vocabulary")),
            Map.entry("facts", Set.of("core", "sources", "vocabulary")),
            Map.entry("publish", Set.of("core", "vocabulary")),
            Map.entry("sources", Set.of("core", "vocabulary")),
            Map.entry("store", Set.of("core")),
            Map.entry("core", Set.of("vocabulary")),
            Map.entry("vocabulary", Set.of()),
            Map.entry("serve", Set.of()),
            Map.entry("serve.cache", Set.of()),
            Map.entry("serve.http", Set.of("serve", "serve.cache")),
            Map.entry("serve.ld", Set.of("publish", "serve.cache", "vocabulary")),
            Map.entry("serve.sparql", Set.of("serve", "serve.cache", "serve.http", "vocabulary")));

    static Map<String, Set<String>> dependencies() {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("this JDK has no jdeps"));
        StringWriter out = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "-verbose:package", "-filter:none", "target/classes");
        assertEquals(0, rc, "jdeps on target/classes: " + out);
        Pattern edge = Pattern.compile("^\\s+(" + Pattern.quote(ROOT) + "[\\w.]*)\\s+->\\s+(" + Pattern.quote(ROOT) + "[\\w.]*)\\s", Pattern.MULTILINE);
        Map<String, Set<String>> deps = new TreeMap<>();
        Matcher m = edge.matcher(out.toString());
        while (m.find()) {
            String from = rel(m.group(1)), to = rel(m.group(2));
            deps.computeIfAbsent(from, k -> new TreeSet<>());
            if (!from.equals(to)) deps.get(from).add(to);
        }
        assertTrue(deps.size() >= 10, "jdeps found the packages: " + deps.keySet());
        return deps;
    }

    private static String rel(String pkg) { return pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1); }

    @Test
    void noPackageCycle() {
        Map<String, Set<String>> deps = dependencies();
        List<String> inCycles = new ArrayList<>();
        for (String p : deps.keySet()) {
            Set<String> seen = new HashSet<>();
            List<String> todo = new ArrayList<>(deps.get(p));
            while (!todo.isEmpty()) {
                String q = todo.remove(todo.size() - 1);
                if (seen.add(q)) todo.addAll(deps.getOrDefault(q, Set.of()));
            }
            if (seen.contains(p)) inCycles.add(p.isEmpty() ? "(root)" : p);
        }
        assertEquals(List.of(), inCycles, "packages in a cycle; dependencies: " + deps);
    }

    @Test
    void everyImportIsOneTheTableAllows() {
        List<String> extra = new ArrayList<>();
        dependencies().forEach((from, tos) -> {
            Set<String> allowed = ALLOWED.get(from);
            if (allowed == null) { extra.add("package " + from + " is not in the table"); return; }
            for (String to : tos) if (!allowed.contains(to)) extra.add((from.isEmpty() ? "(root)" : from) + " -> " + (to.isEmpty() ? "(root)" : to));
        });
        assertEquals(List.of(), extra, "imports outside the allowed table");
    }
}
