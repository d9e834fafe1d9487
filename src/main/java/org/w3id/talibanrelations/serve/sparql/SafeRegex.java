package org.w3id.talibanrelations.serve.sparql;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.apache.jena.atlas.lib.Cache;
import org.apache.jena.atlas.lib.CacheFactory;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.syntax.syntaxtransform.ElementTransformCopyBase;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.w3id.talibanrelations.serve.http.RequestScope;

/**
 * REGEX and REPLACE that stop at the request's deadline. ARQ's time limit is checked between
 * solutions, so a single match that backtracks for minutes (a pattern such as {@code (.*a){12}}
 * over one of the source texts) would hold a thread long after the client got its error. Here the
 * text is matched through a {@link CharSequence} that checks the deadline as the matcher reads it,
 * and a match past the deadline throws {@link QueryCancelledException}, which the server answers
 * like any query over its time limit (422).
 *
 * <pre>
 *   Query safe = SafeRegex.rewrite(query);   // REGEX and REPLACE replaced, everything else as it was
 * </pre>
 */
final class SafeRegex {
    private SafeRegex() {}

    private static final Cache<String, Pattern> PATTERNS = CacheFactory.createCache(500);

    /** The query with every REGEX and REPLACE, wherever they are, evaluated by this class. */
    static Query rewrite(Query query) {
        return QueryTransformOps.transform(query, new ElementTransformCopyBase(), new ExprTransformCopy() {
            @Override public Expr transform(ExprFunctionN func, ExprList args) {
                if (func instanceof E_Regex) return new Regex(args);
                if (func instanceof E_StrReplace) return new Replace(args);
                return super.transform(func, args);
            }
        });
    }

    /** SPARQL's REGEX(text, pattern [, flags]). */
    static final class Regex extends ExprFunctionN {
        Regex(ExprList args) { super("regex", args); }
        @Override public NodeValue eval(List<NodeValue> args) {
            String text = stringOf("REGEX", args.get(0));
            Pattern p = pattern(args.get(1), args.size() > 2 ? args.get(2) : null);
            return NodeValue.booleanReturn(p.matcher(timed(text)).find());
        }
        @Override public Expr copy(ExprList newArgs) { return new Regex(newArgs); }
    }

    /** SPARQL's REPLACE(text, pattern, replacement [, flags]), keeping the text's language or datatype. */
    static final class Replace extends ExprFunctionN {
        Replace(ExprList args) { super("replace", args); }
        @Override public NodeValue eval(List<NodeValue> args) {
            Node n = args.get(0).asNode();
            String text = stringOf("REPLACE", args.get(0));
            Pattern p = pattern(args.get(1), args.size() > 3 ? args.get(3) : null);
            String replacement = args.get(2).getString();
            if (p.matcher("").matches()) throw new ExprEvalException("REPLACE: the pattern matches the empty string");
            Matcher m = p.matcher(timed(text));
            String out;
            try {
                out = m.replaceAll(replacement);
            } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                throw new ExprEvalException("REPLACE: " + e.getMessage());
            }
            return n.getLiteralLanguage().isEmpty() ? NodeValue.makeNode(org.apache.jena.graph.NodeFactory.createLiteralDT(out, n.getLiteralDatatype()))
                    : NodeValue.makeNode(org.apache.jena.graph.NodeFactory.createLiteralLang(out, n.getLiteralLanguage()));
        }
        @Override public Expr copy(ExprList newArgs) { return new Replace(newArgs); }
    }

    private static String stringOf(String fn, NodeValue v) {
        Node n = v.asNode();
        // A simple literal, an xsd:string or a language-tagged string, as SPARQL's string functions take.
        if (!n.isLiteral() || !(n.getLiteralDatatype().equals(org.apache.jena.datatypes.xsd.XSDDatatype.XSDstring)
                || !n.getLiteralLanguage().isEmpty()))
            throw new ExprEvalException(fn + ": not a string literal: " + v);
        return n.getLiteralLexicalForm();
    }

    /** The pattern with SPARQL's flags (s, m, i, x, q), compiled once. */
    private static Pattern pattern(NodeValue pattern, NodeValue flags) {
        if (!pattern.isString()) throw new ExprEvalException("Pattern is not a string: " + pattern);
        String f = flags == null ? "" : flags.isString() ? flags.getString() : null;
        if (f == null || !f.chars().allMatch(c -> "smixq".indexOf(c) >= 0))
            throw new ExprEvalException("Only 'smixq' are legal as pattern flags: got " + flags);
        String key = f + "\u0000" + pattern.getString();
        return PATTERNS.get(key, k -> {
            int bits = 0;
            if (f.indexOf('s') >= 0) bits |= Pattern.DOTALL;
            if (f.indexOf('m') >= 0) bits |= Pattern.MULTILINE;
            if (f.indexOf('i') >= 0) bits |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
            if (f.indexOf('x') >= 0) bits |= Pattern.COMMENTS;
            if (f.indexOf('q') >= 0) bits |= Pattern.LITERAL;
            try {
                return Pattern.compile(pattern.getString(), bits);
            } catch (PatternSyntaxException e) {
                throw new ExprEvalException("Bad pattern: " + e.getDescription());
            }
        });
    }

    /** The text as the matcher reads it: checking, every few thousand reads, the request's deadline. */
    static CharSequence timed(String text) {
        RequestScope.Scope scope = RequestScope.current();
        return scope == null ? text : new Timed(text, 0, text.length(), scope.deadline(), new int[1]);
    }

    private record Timed(String text, int from, int to, long deadline, int[] reads) implements CharSequence {
        @Override public char charAt(int i) {
            if ((++reads[0] & 0xFFF) == 0 && System.nanoTime() - deadline > 0) throw new QueryCancelledException();
            return text.charAt(from + i);
        }
        @Override public int length() { return to - from; }
        @Override public CharSequence subSequence(int start, int end) { return new Timed(text, from + start, from + end, deadline, reads); }
        @Override public String toString() { return text.substring(from, to); }
    }
}
