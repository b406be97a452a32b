package org.tokendesk.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommonTypesTest {

    @Test
    void a_request_origin_never_holds_nulls() {
        RequestOrigin origin = new RequestOrigin(null, null);
        assertEquals("unknown", origin.ip());
        assertEquals("", origin.userAgent());
    }

    @Test
    void a_validation_error_with_one_field_uses_its_message() {
        assertEquals("must not be blank", ValidationException.of("name", "must not be blank").getMessage());
    }

    @Test
    void a_validation_error_with_several_fields_counts_them_and_keeps_them_all() {
        List<ValidationException.FieldError> errors = new ArrayList<>(List.of(
                new ValidationException.FieldError("email", "bad"), new ValidationException.FieldError("name", "bad")));
        var e = new ValidationException(errors);
        errors.clear();
        assertEquals("2 fields are invalid", e.getMessage());
        assertEquals(2, e.errors().size());
        assertThrows(UnsupportedOperationException.class, () -> e.errors().clear());
    }

    @Test
    void an_unprocessable_value_is_a_validation_error_on_one_field() {
        ValidationException e = new UnprocessableException("apiVersion", "must be one of v1");
        assertEquals(List.of(new ValidationException.FieldError("apiVersion", "must be one of v1")), e.errors());
    }

    @Test
    void ids_carry_their_prefix_and_24_hex_digits() {
        String id = Ids.newId("op");
        assertTrue(id.matches("op_[0-9a-f]{24}"), id);
        assertTrue(!id.equals(Ids.newId("op")));
    }

    @Test
    void time_ordered_ids_have_the_same_form_sort_by_time_and_differ_within_a_millisecond() {
        Instant t = Instant.parse("2026-11-28T14:00:00.123Z");
        String id = Ids.newTimeOrderedId("msg", t);
        assertTrue(id.matches("msg_[0-9a-f]{24}"), id);
        assertEquals(String.format("%012x", t.toEpochMilli()), id.substring(4, 16), "the first 6 bytes are the time");
        List<String> sameMillisecond = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            sameMillisecond.add(Ids.newTimeOrderedId("msg", t));
        }
        assertEquals(1000, new java.util.HashSet<>(sameMillisecond).size());
        String later = Ids.newTimeOrderedId("msg", t.plusMillis(1));
        assertTrue(sameMillisecond.stream().allMatch(earlier -> earlier.compareTo(later) < 0), "a later id sorts later");
    }
}
