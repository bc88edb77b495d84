package cn.etax.identity.it;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page on another site that makes the person's browser call the API with the session cookie: what changes
 * something is refused, whatever SameSite the browser honours; calls from this site's own pages and other systems'
 * server-side calls (no Origin) go through.
 */
@DisplayName("Cross-site request forgery on the API is refused")
class CrossSiteRequestIT {

    private static final String CHANGES = "/api/v1/me/changes";

    @Test
    @DisplayName("a call that changes something with another site's Origin: 403; this site's own Origin or none: done")
    void foreign_origin_refused() {
        Api person = AccountFixtures.loggedIn(Fixtures.quickPerson());
        URI base = App.baseUri();
        String own = base.getScheme() + "://" + base.getHost() + ":" + base.getPort();

        for (String foreign : new String[] {"http://evil.example", "null", "http://" + base.getHost() + ":1"}) {
            Reply refused = person.send("POST", CHANGES, null, Map.of("Origin", foreign));
            assertThat(refused.status()).as("%s: %s", foreign, refused).isEqualTo(403);
            assertThat(refused.code()).isEqualTo("CROSS_SITE_REQUEST_REFUSED");
            assertThat(refused.message()).isEqualTo("请求来源不是本网站，已拒绝。请直接在电子税务局页面上操作");
        }
        assertThat(person.send("POST", CHANGES, null, Map.of("Origin", own)).status()).isEqualTo(200);
        assertThat(person.send("POST", CHANGES, null, Map.of()).status()).as("no Origin: not a browser").isEqualTo(200);
        assertThat(person.send("GET", "/api/v1/me/profile", null, Map.of("Origin", "http://evil.example")).status())
                .as("reading is left to CORS, which grants nothing").isEqualTo(200);
    }

    @Test
    @DisplayName("a body an HTML form can send without asking (form fields, multipart, plain text): 415")
    void form_bodies_refused() {
        Api person = AccountFixtures.loggedIn(Fixtures.quickPerson());
        for (String type : new String[] {"application/x-www-form-urlencoded", "text/plain;charset=UTF-8",
                "multipart/form-data; boundary=x"}) {
            Reply refused = person.sendRaw("POST", CHANGES, type, "x=1", Map.of());
            assertThat(refused.status()).as("%s: %s", type, refused).isEqualTo(415);
            assertThat(refused.code()).isEqualTo("MEDIA_TYPE_UNSUPPORTED");
        }
    }
}
