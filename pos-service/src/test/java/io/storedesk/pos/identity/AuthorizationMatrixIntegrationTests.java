package io.storedesk.pos.identity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.storedesk.pos.support.Api;
import io.storedesk.pos.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorisation matrix: every API operation the OpenAPI document lists must be in docs/authorization.md's
 * "Endpoint by endpoint" table, and calling it as anonymous, CLERK, MANAGER, HEAD_OFFICE and
 * ADMIN must be allowed (anything but 401/403) or denied (401 anonymous, 403 otherwise) exactly
 * as that table says. Path parameters are junk and bodies empty objects, so allowed calls fail
 * validation or find nothing and change nothing. Calls go with a register token of R01 (HTTP
 * Basic for the token endpoint itself, which issues tokens only to a password sign-in).
 */
class AuthorizationMatrixIntegrationTests extends IntegrationTest {

    static final String TOKEN = "/api/v1/auth/token";
    static final List<String> ROLES = List.of("anonymous", "clerk", "manager", "office", "admin");
    static final Pattern ROW = Pattern.compile(
            "^\\| `(GET|POST|PUT|PATCH|DELETE) (/api/[^`]*)` \\|(.*)\\|\\s*$");

    @Test
    void everyEndpointAllowsAndDeniesExactlyAsTheReadmeTableSays() throws Exception {
        Map<String, List<Boolean>> table = authorizationTable();
        Map<String, Api> users = new TreeMap<>();
        for (String role : ROLES.subList(1, ROLES.size())) {
            users.put(role, api.signedIn(role, "R01"));
        }
        JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
        List<String> operations = new ArrayList<>();
        paths.properties().forEach(p -> p.getValue().properties().forEach(m -> {
            String method = m.getKey().toUpperCase();
            if (p.getKey().startsWith("/api/") && List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                operations.add(method + " " + p.getKey());
            }
        }));
        assertThat(operations).hasSizeGreaterThan(30);
        assertThat(table.keySet()).as("docs/authorization.md table rows without an endpoint").isSubsetOf(operations);

        List<String> mismatches = new ArrayList<>();
        StringBuilder observed = new StringBuilder();
        for (String operation : new TreeSet<>(operations)) {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1).replaceAll("\\{[^}]+}", "X0");
            StringBuilder row = new StringBuilder("| `" + operation + "` |");
            for (int i = 0; i < ROLES.size(); i++) {
                String role = ROLES.get(i);
                int status = call(method, path, role.equals("anonymous") ? null
                        : path.equals(TOKEN) ? basic(role) : "Bearer " + users.get(role).bearerToken());
                boolean allowed = status != 401 && status != 403;
                if (role.equals("anonymous") && !allowed) {
                    assertThat(status).as(operation + " anonymous").isEqualTo(401);
                }
                row.append(allowed ? " yes |" : " - |");
                List<Boolean> expected = table.get(operation);
                if (expected != null && expected.get(i) != allowed) {
                    mismatches.add("%s as %s: %s (status %d), docs/authorization.md says %s".formatted(operation, role,
                            allowed ? "allowed" : "denied", status, expected.get(i) ? "allowed" : "denied"));
                }
            }
            observed.append(row).append('\n');
        }
        List<String> missing = operations.stream().filter(o -> !table.containsKey(o)).sorted().toList();
        assertThat(missing).as("endpoints missing from docs/authorization.md's table; observed:\n" + observed).isEmpty();
        assertThat(mismatches).as("observed:\n" + observed).isEmpty();
    }

    /** Tokens are issued only to a password sign-in (never to another token): that row is called with HTTP Basic. */
    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private int call(String method, String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .method(method, method.equals("GET") || method.equals("DELETE") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Map<String, List<Boolean>> authorizationTable() throws IOException {
        Path readme = Path.of("docs", "authorization.md");
        Map<String, List<Boolean>> table = new TreeMap<>();
        for (String line : Files.readAllLines(readme, StandardCharsets.UTF_8)) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                String[] cells = m.group(3).split("\\|");
                List<Boolean> allowed = new ArrayList<>();
                for (String c : cells) {
                    allowed.add(c.strip().equals("yes"));
                }
                assertThat(allowed).as(line).hasSize(ROLES.size());
                table.put(m.group(1) + " " + m.group(2), allowed);
            }
        }
        return table;
    }
}
