package io.storedesk.pos.report.internal;

import java.time.LocalDate;
import java.util.Optional;

import io.storedesk.pos.report.ZReport;
import io.storedesk.pos.report.ZReports;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Reads the Z report payload stored at the close, so a reprint shows exactly the figures taken then. */
@Service
class StoredZReports implements ZReports {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    StoredZReports(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ZReport> find(long zNumber) {
        return jdbc.sql("SELECT payload FROM z_report WHERE z_number = ?").param(zNumber).query(String.class)
                .optional().map(p -> json.readValue(p, ZReport.class));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ZReport> find(LocalDate businessDate) {
        return jdbc.sql("SELECT payload FROM z_report WHERE business_date = ?").param(businessDate)
                .query(String.class).optional().map(p -> json.readValue(p, ZReport.class));
    }
}
