package org.w3id.talibanrelations.validate;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.w3id.talibanrelations.core.Layout;
import org.w3id.talibanrelations.core.Location;
import org.w3id.talibanrelations.core.Problem;

/**
 * What validation reads of a build: its inputs' layout, the dataset made, the view the rules read and the
 * problems found while building. The build implements it, so that validation does not depend on how the
 * graph was built (and the build package may call validation without a package cycle).
 */
public interface Built {
    /** Where the inputs live. */
    Layout layout();
    /** The dataset the build made. */
    DatasetGraph dataset();
    /** The view the rules and QC rules read, or null for the dataset's own union. */
    DatasetGraph served();
    /** The problems found while building. */
    List<Problem> problems();
    /** The file and line that declared a node's record, or null. */
    Location declaredAt(Node n);
}
