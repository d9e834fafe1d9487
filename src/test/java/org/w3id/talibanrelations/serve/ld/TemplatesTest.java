package org.w3id.talibanrelations.serve.ld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3id.talibanrelations.vocabulary.Ids;

/** The pages' templates: each compiles from the classpath, values are escaped, and the small parts add no text of their own. */
class TemplatesTest {
    private static final Path DIR = Path.of("src/main/resources").resolve(Templates.ROOT);
    private static final String SCRIPT = "<script>alert('x')</script>";

    private static List<Path> templates() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".mustache")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyTemplateCompilesWithItsPartialsAndLayout() throws IOException {
        List<Path> all = templates();
        assertTrue(all.size() >= 10, "the templates: " + all);
        return all.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String name = p.getFileName().toString().replaceFirst("\\.mustache$", "");
            Templates.template(name); // throws if it, a partial or its layout is missing or malformed
            // A comment ends at the first closing braces: one that names a tag would end early, and the rest show on the page.
            Matcher comments = Pattern.compile("\\{\\{!(.*?)\\}\\}", Pattern.DOTALL).matcher(Files.readString(p, StandardCharsets.UTF_8));
            while (comments.find()) assertFalse(comments.group(1).contains("{{"), name + ": a tag inside a comment: " + comments.group());
        }));
    }

    @Test
    void valuesAreEscapedInTextAndInAttributes() {
        String link = Templates.render("link", new Link("/doc/x?a=1&b=\"2\"", SCRIPT));
        assertEquals("<a href=\"/doc/x?a&#61;1&amp;b&#61;&quot;2&quot;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</a>", link);
        assertEquals("&lt;b&gt;", Templates.render("link", new Link(null, "<b>")), "a literal is text");

        Graph g = GraphFactory.createGraphMem();
        Node actor = NodeFactory.createURI(Ids.ACTOR + "someone");
        g.add(actor, RDFS.label.asNode(), NodeFactory.createLiteralLang(SCRIPT, "en"));
        g.add(actor, SKOS.altLabel.asNode(), NodeFactory.createLiteralString("\"><script>alert(1)</script>"));
        g.add(actor, RDFS.comment.asNode(), NodeFactory.createLiteralString("<img src=x onerror=alert(1)>"));
        HtmlPages pages = new HtmlPages(g, new Roles(List.of()));
        for (String page : List.of(pages.actor(actor), pages.generic(actor))) {
            assertFalse(page.contains("<script") || page.contains("<img"), page);
            assertTrue(page.contains("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; – taliban-relations-kg</title>"), "the title, escaped: " + page);
            assertTrue(page.contains("<h1>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</h1>"), "the heading, escaped");
            assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"en\">") || page.startsWith("<!DOCTYPE html>\n\n<html lang=\"en\">"), "the layout, from its first byte");
            assertTrue(page.contains("<nav><a href=\"/\">Home</a>"), "with the nav");
        }
    }

    @Test
    void thePartsThatSitInsideTextAddNothingAroundIt() {
        assertEquals("<a href=\"/doc/actor/russia\">Russia</a>", Templates.render("link", new Link("/doc/actor/russia", "Russia")));
        assertEquals("<span class=muted>undated</span>", Templates.render("date", new HtmlPages.DateText(null, true, null)));
        assertEquals("4 July 2025 <span class=pill title=\"from the &quot;as of&quot;\">inferred</span>",
                Templates.render("date", new HtmlPages.DateText("4 July 2025", false, new HtmlPages.Inferred("from the \"as of\""))));
    }

    @Test
    void theQueryPagesDataAreJsonInAttributesThatNothingInThemCanEnd() {
        JsonArray examples = new JsonArray();
        JsonObject e = new JsonObject();
        e.put("name", "cq' onmouseover='alert(1)");
        e.put("query", "SELECT * { ?s ?p \"</textarea><script>&amp;\" }");
        examples.add(e);
        JsonObject vocabulary = new JsonObject();
        vocabulary.put("terms", new JsonObject());
        String page = Templates.render("query", new QueryPage.View("Query", QueryPage.attributeSafe(examples.toString()),
                QueryPage.attributeSafe(vocabulary.toString())));
        assertFalse(page.contains("<script>") || page.contains("onmouseover='"), page);
        Matcher m = Pattern.compile("<select id=\"examples\" data-json='([^'&<>]*)'>").matcher(page);
        assertTrue(m.find(), "the examples on their select, in one attribute: " + page);
        assertEquals(examples, JSON.parseAny(m.group(1)), "the attribute's value is the JSON itself");
        Matcher v = Pattern.compile("<textarea id=\"q\" rows=\"16\" data-json='([^'&<>]*)'>").matcher(page);
        assertTrue(v.find(), "the vocabulary on the editor's textarea");
        assertEquals(vocabulary, JSON.parseAny(v.group(1)));
        assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=\"/assets/)").matcher(page).find(), "no inline script");
    }
}
