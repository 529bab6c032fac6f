package org.triggerpoint.clinic.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * {@code ./clinic verify-log}: the endpoint's check from the command line, over plain JDBC (no web server, no event
 * processors), against {@code CLINIC_DB_URL}, {@code CLINIC_DB_USER}, {@code CLINIC_DB_PASSWORD}. Prints the report
 * as JSON; exits 0 when the log is intact, 1 when it is not, 2 when the check could not run. Public only for the
 * launcher: {@code java -cp query-side.jar -Dloader.main=<this class> ...PropertiesLauncher}.
 */
public final class VerifyLogCommand {

    static final int INTACT = 0;
    static final int BROKEN = 1;
    static final int COULD_NOT_RUN = 2;

    private VerifyLogCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(System.getenv(), System.out, System.err));
    }

    static int run(Map<String, String> environment, PrintStream out, PrintStream err) {
        String url = environment.get("CLINIC_DB_URL");
        if (url == null || url.isBlank()) {
            err.println("verify-log: set CLINIC_DB_URL (and CLINIC_DB_USER, CLINIC_DB_PASSWORD) to the clinic's "
                    + "PostgreSQL database");
            return COULD_NOT_RUN;
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", environment.getOrDefault("CLINIC_DB_USER", "postgres"));
        credentials.setProperty("password", environment.getOrDefault("CLINIC_DB_PASSWORD", ""));
        credentials.setProperty("connectTimeout", "5");
        LogReport report;
        try (Connection connection = DriverManager.getConnection(url, credentials)) {
            report = LogVerifier.verify(connection);
        } catch (SQLException failure) {
            err.println("verify-log: could not check the event log at " + url + ": " + failure.getMessage());
            return COULD_NOT_RUN;
        }
        try {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        } catch (JsonProcessingException unexpected) {
            err.println("verify-log: could not write the report: " + unexpected.getMessage());
            return COULD_NOT_RUN;
        }
        return report.intact() ? INTACT : BROKEN;
    }
}
