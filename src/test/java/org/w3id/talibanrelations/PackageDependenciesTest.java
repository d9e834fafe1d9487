package org.w3id.talibanrelations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * and exactly the imports of the table in ARCHITECTURE.md ("Packages, and what each may import"), which
 * this test parses. The table is the package diagram: a new dependency is a decision, made in that table,
 * and one the code no longer makes is taken out of it.
 */
class PackageDependenciesTest {
    private static final String ROOT = "org.w3id.talibanrelations";
    private static final Path ARCHITECTURE = Path.of("ARCHITECTURE.md");

    /** Each package of the table (relative to the root; "" is the root) and the packages of ours it imports. */
    static Map<String, Set<String>> table() throws IOException {
        String doc = Files.readString(ARCHITECTURE);
        int from = doc.indexOf("<!-- imports: begin"), to = doc.indexOf("<!-- imports: end");
        assertTrue(from >= 0 && to > from, ARCHITECTURE + " has the markers <!-- imports: begin --> and <!-- imports: end -->");
        Map<String, Set<String>> table = new TreeMap<>();
        for (String row : doc.substring(from, to).split("\n")) {
            if (!row.startsWith("|") || row.startsWith("|---") || row.startsWith("| package")) continue;
            String[] cells = row.split("\\|", -1);
            assertEquals(5, cells.length, "a row of three cells: " + row);
            Set<String> imports = new TreeSet<>();
            for (String i : cells[3].split(",")) {
                String name = i.strip();
                if (!name.isEmpty() && !name.equals("—")) imports.add(pkg(name));
            }
            assertTrue(table.put(pkg(cells[1].strip()), imports) == null, "one row per package: " + row);
        }
        return table;
    }

    private static String pkg(String shown) { return shown.equals("(root)") ? "" : shown; }

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
    void theImportsAreExactlyThoseOfTheTable() throws IOException {
        Map<String, Set<String>> table = table(), actual = dependencies();
        List<String> wrong = new ArrayList<>();
        for (String p : actual.keySet()) if (!table.containsKey(p)) wrong.add("package " + shown(p) + " is not in the table");
        for (String p : table.keySet()) if (!actual.containsKey(p)) wrong.add("package " + shown(p) + " is in the table, not in the code");
        actual.forEach((from, tos) -> {
            Set<String> allowed = table.getOrDefault(from, Set.of());
            for (String to : tos) if (!allowed.contains(to)) wrong.add("imported, not in the table: " + shown(from) + " -> " + shown(to));
            for (String to : allowed) if (!tos.contains(to)) wrong.add("in the table, not imported any more: " + shown(from) + " -> " + shown(to));
        });
        assertEquals(List.of(), wrong, ARCHITECTURE + " (the imports table) and the code differ");
    }

    private static String shown(String p) { return p.isEmpty() ? "(root)" : p; }
}
