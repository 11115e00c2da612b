package org.clearway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.clearway.test.ClearwayWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** What anonymous and machine clients get over HTTP. */
@ClearwayWebTest
class HttpSecurityIT {

    @Value("${local.server.port}")
    int port;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String user) throws Exception {
        return get(path, user, "text/html,application/xhtml+xml"); // as a browser asks
    }

    private HttpResponse<String> get(String path, String user, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", accept);
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void health_is_public_and_says_only_up() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null, "application/json");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void nothing_else_of_actuator_is_public() throws Exception {
        for (String path : new String[] {"/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator"}) {
            assertThat(get(path, null, "application/json").statusCode()).as(path).isIn(302, 401, 403, 404);
            assertThat(get(path, "admin", "application/json").statusCode()).as(path + " as admin").isIn(302, 401, 403, 404);
        }
    }

    @Test
    void views_send_browsers_to_the_login_page_and_http_basic_works_for_machine_clients() throws Exception {
        HttpResponse<String> anonymous = get("/subclusters", null);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/login");
        assertThat(get("/subclusters", "coordinator").statusCode()).isEqualTo(200);
        assertThat(get("/login", null).statusCode()).isEqualTo(200);
    }

    @Test
    void a_wrong_password_is_refused() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/subclusters"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("coordinator:wrong".getBytes(StandardCharsets.UTF_8)))
                .build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }
}
