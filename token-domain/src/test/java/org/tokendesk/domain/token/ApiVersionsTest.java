package org.tokendesk.domain.token;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tokendesk.domain.common.UnprocessableException;

class ApiVersionsTest {

    @Test
    void the_default_configuration_offers_v11_to_v13_and_defaults_to_v13() {
        assertEquals(List.of("v11", "v12", "v13"), ApiVersions.DEFAULT.available());
        assertEquals("v13", ApiVersions.DEFAULT.defaultVersion());
    }

    @Test
    void available_versions_are_accepted() {
        assertDoesNotThrow(() -> ApiVersions.DEFAULT.requireAvailable("v11"));
    }

    @Test
    void unknown_or_missing_versions_are_unprocessable_on_the_api_version_field() {
        for (String version : new String[] {"v10", "V13", "", null}) {
            var e = assertThrows(UnprocessableException.class, () -> ApiVersions.DEFAULT.requireAvailable(version));
            assertEquals("apiVersion", e.errors().get(0).field());
            assertEquals("must be one of v11, v12, v13", e.getMessage());
        }
    }

    @Test
    void an_empty_list_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new ApiVersions(List.of(), "v1"));
    }

    @Test
    void a_default_outside_the_list_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> new ApiVersions(List.of("v1", "v2"), "v3"));
    }

    @Test
    void the_list_is_copied() {
        List<String> versions = new ArrayList<>(List.of("v1"));
        ApiVersions apiVersions = new ApiVersions(versions, "v1");
        versions.add("v2");
        assertEquals(List.of("v1"), apiVersions.available());
        assertThrows(UnsupportedOperationException.class, () -> apiVersions.available().add("v3"));
    }

    @Test
    void a_missing_default_is_refused_with_an_explanation() {
        assertThrows(IllegalArgumentException.class, () -> new ApiVersions(List.of("v1"), null));
    }
}
