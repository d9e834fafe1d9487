package org.w3id.talibanrelations.cli;

import java.nio.file.Path;
import java.util.List;

import picocli.CommandLine.Option;

import org.w3id.talibanrelations.Layout;
import org.w3id.talibanrelations.Problem;
import org.w3id.talibanrelations.build.KgBuild;
import org.w3id.talibanrelations.validate.KgValidator;

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
        List<Problem> problems = KgValidator.validate(build);
        if (!problems.isEmpty()) {
            err.println(problems.size() + " problem(s); nothing published:");
            for (Problem p : problems) err.println("  " + p);
            return null;
        }
        err.printf("Built and validated %d facts from %d sources in %d ms.%n",
                build.facts().size(), build.sources().size(), (System.nanoTime() - t0) / 1_000_000);
        return build;
    }
}
