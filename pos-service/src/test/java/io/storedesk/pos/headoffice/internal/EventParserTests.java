package io.storedesk.pos.headoffice.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.storedesk.pos.common.ProblemException;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batch body read as a stream (issue 25): each payload kept as the store sent it, and a body the stream
 * reading does not take refused as the service's mapper refuses any body.
 */
class EventParserTests {

    /** As strict as the service's mapper (common.internal.JsonConfiguration): a field twice, trailing tokens. */
    static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    static final String ID = "0b9a3c1e-5d43-4c38-9f0e-6a0d7c1f2e11";

    static List<StoreEvent> parse(String body, int maxBatch) {
        return EventParser.parse("S001", body.getBytes(StandardCharsets.UTF_8), maxBatch, JSON);
    }

    static String event(String id, String payload) {
        return """
                {"eventId":"%s","type":"CASE_OPENED","occurredAt":"2026-12-07T06:00:00Z","sequence":7,"payload":%s}"""
                .formatted(id, payload);
    }

    @Test
    void eachPayloadIsKeptAsTheStoreSentItSpacesAndLettersIncluded() {
        String payload = "{ \"storeId\": \"S001\",\n  \"text\": \"Ponožky — Носки, \\\"3\\\"\", \"n\": [1, {\"a\": {}}] }";
        String second = "{\"storeId\":\"S001\"}";
        List<StoreEvent> events = parse("""
                {"store": {"ignored": [1, 2]}, "events": [%s, %s], "more": null}"""
                .formatted(event(ID, payload), event("1c2d3e4f-0000-4000-8000-000000000001", second)), 10);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).payload()).isEqualTo(payload);
        assertThat(events.get(0).eventId()).isEqualTo(ID);
        assertThat(events.get(0).sequence()).isEqualTo(7L);
        assertThat(events.get(0).type()).isEqualTo("CASE_OPENED");
        assertThat(events.get(1).payload()).isEqualTo(second);
        assertThat(JSON.readTree(events.get(0).payload()).get("text").asString()).isEqualTo("Ponožky — Носки, \"3\"");
    }

    @Test
    void aBodyThatIsNotCleanJsonFailsAsTheMapperFailsIt() {
        String one = event(ID, "{\"storeId\":\"S001\"}");
        assertThatThrownBy(() -> parse("{\"events\": [" + one + "]", 10)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> parse("{\"events\": [" + one + "]} {}", 10)).isInstanceOf(JacksonException.class);
        assertThatThrownBy(() -> parse("{\"events\": [" + event(ID, "{\"storeId\":\"S001\",\"storeId\":\"S002\"}") + "]}",
                10)).isInstanceOf(JacksonException.class).hasMessageContaining("Duplicate");
        assertThatThrownBy(() -> parse("{\"events\": [], \"events\": []}", 10)).isInstanceOf(JacksonException.class);
    }

    @Test
    void aValidBodyOfAnotherShapeIsRefusedAsBefore() {
        for (String body : List.of("[]", "{}", "{\"events\": {}}", "null", "{\"events\": \"x\"}")) {
            assertThatThrownBy(() -> parse(body, 10)).as(body).isInstanceOf(ProblemException.class)
                    .hasMessageContaining("events");
        }
        assertThatThrownBy(() -> parse("{\"events\": [null]}", 10)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("events[0].eventId is required");
        assertThatThrownBy(() -> parse("{\"events\": [" + event(ID, "[]") + "]}", 10))
                .isInstanceOf(ProblemException.class).hasMessageContaining("payload must be an object");
    }

    @Test
    void aBatchTooLargeIsRefusedBeforeAnyEventIsChecked() {
        String bad = "{\"eventId\": \"not-a-uuid\"}";
        assertThatThrownBy(() -> parse("{\"events\": [" + bad + "," + bad + "," + bad + "]}", 2))
                .isInstanceOf(ProblemException.class).hasMessageContaining("at most 2 events; this one has 3");
    }
}
