package org.w3id.talibanrelations.cli;

import java.nio.file.Path;
import java.util.List;

import org.apache.jena.riot.system.StreamRDF;
import picocli.CommandLine.Option;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.build.LowMemoryBuild;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Problem;
import org.w3id.talibanrelations.validate.KgValidator;
import org.w3id.talibanrelations.validate.Scope;

/** Options shared by the commands that build the graph. */
final class ProjectOptions {
    @Option(names = "--root", paramLabel = "DIR", defaultValue = ".",
            description = "Project root holding data/, ontology/, shapes/ and queries/ (default: the current directory).")
    Path root;

    Layout layout() { return new Layout(root.toAbsolutePath().normalize()); }

    /** Builds and validates; prints the problems and returns null when there are any. */
    KgBuild buildValidated(java.io.PrintStream err) {
        long t0 = System.nanoTime();
        KgBuild build = KgBuild.run(layout());
        List<Problem> problems = KgValidator.validate(Scope.whole(build));
        if (!problems.isEmpty()) {
            err.println(problems.size() + " problem(s); nothing published:");
            for (Problem p : problems) err.println("  " + p);
            return null;
        }
        err.printf("Built and validated %d facts from %d sources in %d ms.%n",
                build.facts().size(), build.sources().size(), (System.nanoTime() - t0) / 1_000_000);
        return build;
    }

    /**
     * Builds and validates with {@link LowMemoryBuild}, every quad going to {@code out} (or nowhere);
     * prints the problems, or the same summary as {@link #buildValidated}, and says whether it validated.
     */
    boolean lowMemoryValidated(StreamRDF out, java.io.PrintStream err) {
        long t0 = System.nanoTime();
        LowMemoryBuild.Result r = LowMemoryBuild.run(layout(), out);
        if (!r.problems().isEmpty()) {
            err.println(r.problems().size() + " problem(s); nothing published:");
            for (Problem p : r.problems()) err.println("  " + p);
            return false;
        }
        err.printf("Built and validated %d facts from %d sources in %d ms (low memory).%n",
                r.build().facts().size(), r.build().sources().size(), (System.nanoTime() - t0) / 1_000_000);
        return true;
    }
}
