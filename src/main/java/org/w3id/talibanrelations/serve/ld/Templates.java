package org.w3id.talibanrelations.serve.ld;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import com.github.mustachejava.util.DecoratedCollection;

/**
 * The pages' markup: Mustache templates in the jar under {@code web/templates/} (read from this class's
 * class loader, never from the working tree), each compiled once and kept, rendered by mustache.java.
 * Every page extends the layout {@code page.mustache} ({@code {{<page}}}, filling its {@code body} and
 * {@code styles} blocks), which includes the nav ({@code nav.mustache}); smaller parts (a link, a date,
 * the header of a resource) are partials ({@code {{> link}}}).
 * <p>
 * Java builds only the view data: records whose accessors the templates name. A {@code {{value}}} is
 * written HTML-escaped (mustache.java's default: {@code & < > " ' = `} and control characters become
 * character references), so a label, a quote or a text from the data cannot become markup, in element
 * content or in a quoted attribute. Triple braces, which write a value as it is, are used only where
 * a template says why the value is already safe.
 */
final class Templates {
    /** Where the templates are, in the jar. */
    static final String ROOT = "web/templates/";

    private static final MustacheFactory FACTORY = new DefaultMustacheFactory(name -> {
        InputStream in = Templates.class.getClassLoader().getResourceAsStream(ROOT + name);
        return in == null ? null : new InputStreamReader(in, StandardCharsets.UTF_8);
    });
    private static final Map<String, Mustache> COMPILED = new ConcurrentHashMap<>();

    private Templates() {}

    /** The template {@code web/templates/NAME.mustache}, compiled on first use (with its partials and layout) and kept. */
    static Mustache template(String name) {
        return COMPILED.computeIfAbsent(name, n -> FACTORY.compile(n + ".mustache"));
    }

    /** A page or part: the template filled from the view. Compiled templates are safe to run on several threads at once. */
    static String render(String name, Object view) {
        StringWriter out = new StringWriter();
        template(name).execute(out, view);
        return out.toString();
    }

    /**
     * A list whose items a template can separate: each item is {@code value}, with {@code first} and
     * {@code last} ({@code {{#links}}{{^first}}, {{/first}}{{#value}}{{> link}}{{/value}}{{/links}}}).
     */
    static <T> DecoratedCollection<T> separated(Collection<T> items) {
        return new DecoratedCollection<>(items);
    }
}
