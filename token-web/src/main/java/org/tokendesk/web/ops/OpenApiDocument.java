package org.tokendesk.web.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import org.tokendesk.web.http.Json;

/**
 * The OpenAPI 3.1 description of the public contract (API.md), kept next to this class as
 * {@code openapi.json}. A test compares it with the router in both directions, so the two cannot
 * drift; the served copy names this node's public URL as its server.
 */
public final class OpenApiDocument {

    static final String RESOURCE = "openapi.json";

    private OpenApiDocument() {
    }

    /** The document as stored in the application. */
    public static JsonNode load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the application");
            }
            return Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The document as served: its server is the node's public URL. */
    static byte[] served(URI publicUrl) {
        ObjectNode doc = (ObjectNode) load();
        ObjectNode server = Json.mapper().createObjectNode().put("url", publicUrl.toString())
                .put("description", "this tokendesk node");
        doc.putArray("servers").add(server);
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
