package org.triggerpoint.clinic.query.clienthistory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The clinic's clients by name, from the view's plain columns: found by part of a name, a page at a time. */
@Repository
class ClientDirectory {

    record ClientPage(List<ClientListItem> items, int page, int size, long total) {
    }

    record ClientListItem(UUID clientId, String givenName, String familyName, LocalDate dateOfBirth,
                          Instant registeredAt, int sessions) {
    }

    private final JdbcClient jdbc;

    ClientDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Clients whose given or family name contains {@code query}, ignoring case; every client for "", those whose
     * personal data was erased too (they have no name any more, but their clinical record stays).
     */
    ClientPage find(String query, int page, int size) {
        String pattern = query.isEmpty() ? null : "%" + literally(query) + "%";
        long total = jdbc.sql("""
                        select count(*) from query.history_client
                        where cast(:pattern as text) is null
                           or given_name ilike :pattern or family_name ilike :pattern""")
                .param("pattern", pattern)
                .query(Long.class)
                .single();
        List<ClientListItem> items = jdbc.sql("""
                        select c.client_id, c.given_name, c.family_name, c.date_of_birth, c.registered_at,
                               (select count(*) from query.history_session s where s.client_id = c.client_id) sessions
                        from query.history_client c
                        where cast(:pattern as text) is null
                           or c.given_name ilike :pattern or c.family_name ilike :pattern
                        order by lower(c.family_name) nulls last, lower(c.given_name), c.client_id
                        limit :size offset :offset""")
                .param("pattern", pattern)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new ClientListItem(rs.getObject("client_id", UUID.class),
                        rs.getString("given_name"), rs.getString("family_name"),
                        rs.getObject("date_of_birth", LocalDate.class),
                        rs.getObject("registered_at", OffsetDateTime.class).toInstant(), rs.getInt("sessions")))
                .list();
        return new ClientPage(items, page, size, total);
    }

    /** A name part as LIKE matches it: its own % and _ are letters, not wildcards. */
    private static String literally(String query) {
        return query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
